/**
 * ioredis, required on first use: a gateway without REDIS_URL never loads it (~25 ms of
 * start-up in the bundle). Synchronous (ioredis is CommonJS), so callers keep their shape.
 * The bundle (scripts/build.mjs) leaves it to node_modules: esbuild does not follow this
 * require, which is what keeps it out of the start-up path.
 */
import { createRequire } from 'node:module';
import type * as IORedis from 'ioredis';

const requireCjs = createRequire(import.meta.url);
let ioredis: typeof IORedis | undefined;

/** A new ioredis client (connects per its options). */
export function newRedis(url: string, options: IORedis.RedisOptions = {}): IORedis.Redis {
  ioredis ??= requireCjs('ioredis') as typeof IORedis;
  return new ioredis.Redis(url, options);
}

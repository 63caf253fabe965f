/**
 * The process's Redis connections, in one owner: a command client and a subscriber (events),
 * created once from REDIS_URL and closed once.
 *
 * ioredis is required on first use: a gateway without REDIS_URL never loads it (~25 ms of
 * start-up in the bundle). The bundle (scripts/build.mjs) leaves it to node_modules: esbuild
 * does not follow this require, which is what keeps it out of the start-up path.
 */
import { createRequire } from 'node:module';
import type * as IORedis from 'ioredis';

const requireCjs = createRequire(import.meta.url);
let ioredis: typeof IORedis | undefined;

function newRedis(url: string, options: IORedis.RedisOptions = {}): IORedis.Redis {
  ioredis ??= requireCjs('ioredis') as typeof IORedis;
  return new ioredis.Redis(url, options);
}

export type Redis = IORedis.Redis;

/** What the users of Redis need: whether it is there, and a way to call it. */
export interface SharedRedis {
  readonly available: boolean;
  call<T>(command: (redis: Redis) => Promise<T>): Promise<T>;
  onAvailability(listener: (available: boolean) => void): () => void;
}

export class RedisConnections implements SharedRedis {
  readonly commands: Redis;
  private subscriberClient?: Redis;

  static async open(url: string): Promise<RedisConnections> {
    return new RedisConnections(url);
  }

  private constructor(private readonly url: string) {
    this.commands = newRedis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    // A Redis outage must not crash the process: ioredis reconnects by itself.
    this.commands.on('error', () => {});
  }

  get available(): boolean {
    return true;
  }

  get subscriber(): Redis {
    if (!this.subscriberClient) {
      this.subscriberClient = newRedis(this.url, { maxRetriesPerRequest: null });
      this.subscriberClient.on('error', () => {});
    }
    return this.subscriberClient;
  }

  call<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    return command(this.commands);
  }

  onAvailability(): () => void {
    return () => {};
  }

  async close(): Promise<void> {
    await Promise.all(
      [this.commands, this.subscriberClient].map(async (client) => {
        if (!client) return;
        // QUIT lets pending replies arrive; without a connection there is nothing to wait for.
        if (client.status !== 'ready') return client.disconnect();
        await client.quit().catch(() => client.disconnect());
      }),
    );
  }
}

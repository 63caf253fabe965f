import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AppflowCache,
  type CacheStore,
  deserialize,
  MemoryCacheStore,
  RedisCacheStore,
  serialize,
} from '../../src/services/cache.js';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl)
  console.warn('\n*** REDIS_URL is not set: the Redis cache store tests are SKIPPED ***\n');

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function suite(name: string, makeStore: () => CacheStore) {
  describe(`AppflowCache over ${name}`, () => {
    it('serves hits, counts outcomes and respects fingerprints', async () => {
      let now = 1_000_000;
      const cache = new AppflowCache(makeStore(), () => now);
      await cache.clear();
      const outcomes: string[] = [];
      cache.onLookup((kind, outcome) => outcomes.push(`${kind}:${outcome}`));
      let loads = 0;
      const load = async () => ({ n: ++loads, at: new Date(0) });
      const policy = { freshMs: 1000, staleMs: 0, fingerprint: 'v1' };
      expect(await cache.get('flow:a', policy, load)).toEqual({ n: 1, at: new Date(0) });
      expect(await cache.get('flow:a', policy, load)).toEqual({ n: 1, at: new Date(0) });
      expect(await cache.get('flow:a', { ...policy, fingerprint: 'v2' }, load)).toMatchObject({
        n: 2,
      });
      now += 2000;
      expect(await cache.get('flow:a', { ...policy, fingerprint: 'v2' }, load)).toMatchObject({
        n: 3,
      });
      expect(outcomes).toEqual(['flow:miss', 'flow:hit', 'flow:miss', 'flow:miss']);
    });

    it('makes one upstream call for concurrent misses (single-flight)', async () => {
      const cache = new AppflowCache(makeStore());
      await cache.clear();
      const gate = deferred<string>();
      let loads = 0;
      const load = () => {
        loads++;
        return gate.promise;
      };
      const all = Promise.all(
        Array.from({ length: 50 }, () =>
          cache.get('profile:x', { freshMs: 1000, staleMs: 0 }, load),
        ),
      );
      await new Promise((r) => setTimeout(r, 20));
      gate.resolve('value');
      expect(await all).toEqual(Array(50).fill('value'));
      expect(loads).toBe(1);
    });

    it('serves a stale entry while one refresh runs (no latency spike at expiry)', async () => {
      let now = 5_000_000;
      const cache = new AppflowCache(makeStore(), () => now);
      await cache.clear();
      await cache.get('connector:S3', { freshMs: 100, staleMs: 10_000 }, async () => 'old');
      now += 200;
      const gate = deferred<string>();
      let loads = 0;
      const slow = () => {
        loads++;
        return gate.promise;
      };
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          cache.get('connector:S3', { freshMs: 100, staleMs: 10_000 }, slow),
        ),
      );
      expect(answers).toEqual(Array(20).fill('old'));
      expect(loads).toBe(1);
      gate.resolve('new');
      await new Promise((r) => setTimeout(r, 20));
      expect(await cache.get('connector:S3', { freshMs: 100, staleMs: 10_000 }, slow)).toBe('new');
    });

    it('getMany batches misses, joins loads in flight and serves stale entries during one refresh', async () => {
      let now = 9_000_000;
      const cache = new AppflowCache(makeStore(), () => now);
      await cache.clear();
      const batches: string[][] = [];
      const gate = deferred<void>();
      const load = async (ids: string[]) => {
        batches.push(ids);
        await gate.promise;
        return new Map(ids.map((id) => [id, id === 'gone' ? null : `${id}@${batches.length}`]));
      };
      const policy = { freshMs: 100, staleMs: 10_000 };
      // 30 concurrent requests for the same names: one upstream batch.
      const cold = Promise.all(
        Array.from({ length: 30 }, () =>
          cache.getMany('profile', ['a', 'b', 'gone'], policy, load),
        ),
      );
      await new Promise((r) => setTimeout(r, 20));
      gate.resolve();
      expect(await cold).toEqual(Array(30).fill(['a@1', 'b@1', null]));
      expect(batches).toEqual([['a', 'b', 'gone']]);
      // Fresh: no call. Unknown names are not cached, so they are asked again.
      await cache.getMany('profile', ['a', 'b'], policy, load);
      expect(batches).toHaveLength(1);
      // Expired but within the stale window: old answers at once, one refresh behind them.
      now += 500;
      const stale = await Promise.all(
        Array.from({ length: 30 }, () => cache.getMany('profile', ['a', 'b'], policy, load)),
      );
      expect(stale).toEqual(Array(30).fill(['a@1', 'b@1']));
      await new Promise((r) => setTimeout(r, 20));
      expect(batches).toHaveLength(2);
      expect(await cache.getMany('profile', ['a'], policy, load)).toEqual(['a@2']);
    });

    it('an invalidation wins over a load that was already running', async () => {
      const cache = new AppflowCache(makeStore());
      await cache.clear();
      const gate = deferred<string>();
      const running = cache.get('flow:r', { freshMs: 10_000, staleMs: 0 }, () => gate.promise);
      await new Promise((r) => setTimeout(r, 10));
      await cache.invalidate('flow:r');
      gate.resolve('before the change');
      await running;
      expect(await cache.get('flow:r', { freshMs: 10_000, staleMs: 0 }, async () => 'after')).toBe(
        'after',
      );
    });

    it('forgets invalidated entries', async () => {
      const cache = new AppflowCache(makeStore());
      await cache.clear();
      let n = 0;
      const load = async () => ++n;
      await cache.get('flow:b', { freshMs: 10_000, staleMs: 0 }, load);
      await cache.invalidate('flow:b');
      expect(await cache.get('flow:b', { freshMs: 10_000, staleMs: 0 }, load)).toBe(2);
    });

    it('forgets every member of a group at once, and only that group', async () => {
      const cache = new AppflowCache(makeStore());
      await cache.clear();
      let n = 0;
      const load = async () => ++n;
      const policy = { freshMs: 10_000, staleMs: 0 };
      expect(await cache.getInGroup('profiles', 'page-1', policy, load)).toBe(1);
      expect(await cache.getInGroup('profiles', 'page-2', policy, load)).toBe(2);
      expect(await cache.getInGroup('tags', 'arn', policy, load)).toBe(3);
      expect(await cache.getInGroup('profiles', 'page-1', policy, load)).toBe(1);
      await cache.invalidateGroups('profiles');
      expect(await cache.getInGroup('profiles', 'page-1', policy, load)).toBe(4);
      expect(await cache.getInGroup('profiles', 'page-2', policy, load)).toBe(5);
      expect(await cache.getInGroup('tags', 'arn', policy, load)).toBe(3);
    });

    it('a group whose version is lost starts a new one: older members are never served', async () => {
      const store = makeStore();
      const cache = new AppflowCache(store);
      await cache.clear();
      let n = 0;
      const load = async () => ++n;
      const policy = { freshMs: 10_000, staleMs: 0 };
      expect(await cache.getInGroup('entities', 'x', policy, load)).toBe(1);
      await store.delete(['entities:version']);
      expect(await cache.getInGroup('entities', 'x', policy, load)).toBe(2);
      expect(await cache.getInGroup('entities', 'x', policy, load)).toBe(2);
    });
  });
}

suite('memory', () => new MemoryCacheStore());

describe.runIf(redisUrl)('Redis store', () => {
  const redis = new Redis(redisUrl ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  const prefix = `test:${process.pid}:${Date.now()}:`;
  afterAll(async () => {
    await new RedisCacheStore(redis, prefix).clear();
    redis.disconnect();
  });
  suite('redis', () => new RedisCacheStore(redis, prefix));

  it('shares entries and invalidations between two gateways (replicas)', async () => {
    const other = new Redis(redisUrl!);
    try {
      const a = new AppflowCache(new RedisCacheStore(redis, `${prefix}shared:`));
      const b = new AppflowCache(new RedisCacheStore(other, `${prefix}shared:`));
      let calls = 0;
      const load = async () => ++calls;
      await a.get('flow:c', { freshMs: 10_000, staleMs: 0 }, load);
      expect(await b.get('flow:c', { freshMs: 10_000, staleMs: 0 }, load)).toBe(1);
      await b.invalidate('flow:c');
      expect(await a.get('flow:c', { freshMs: 10_000, staleMs: 0 }, load)).toBe(2);
      await a.getInGroup('profiles', 'page', { freshMs: 10_000, staleMs: 0 }, load);
      expect(await b.getInGroup('profiles', 'page', { freshMs: 10_000, staleMs: 0 }, load)).toBe(3);
      await b.invalidateGroups('profiles');
      expect(await a.getInGroup('profiles', 'page', { freshMs: 10_000, staleMs: 0 }, load)).toBe(4);
    } finally {
      other.disconnect();
    }
  });
});

describe('serialization', () => {
  it('keeps Dates (the SDK returns timestamps as Dates)', () => {
    const value = { a: new Date(123), b: [new Date(456)], c: { $date: 1, other: 2 } };
    expect(deserialize(serialize(value))).toEqual(value);
  });
});

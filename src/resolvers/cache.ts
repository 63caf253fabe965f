/**
 * Cross-request cache of AppFlow answers.
 * - single-flight: concurrent misses of one key make one upstream call (per process);
 * - stale-while-revalidate: an expired entry is served once more while one refresh runs,
 *   so expiry causes no latency spike and no stampede;
 * - fingerprints: an entry is valid only for the fingerprint it was stored with (a flow's
 *   lastUpdatedAt), so a change AppFlow reports elsewhere invalidates it at once;
 * - shared by all replicas through Redis when REDIS_URL is set (invalidations too), in
 *   memory (LRU) otherwise.
 * Credentials never reach this cache: AppFlow never returns them.
 */
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

export interface CacheEntry {
  /** The cached value. */
  v: unknown;
  /** Stored at (ms since epoch). */
  t: number;
  /** Fingerprint the value belongs to. */
  f?: string;
}

export interface CacheStore {
  get(key: string): Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry, ttlMs: number): Promise<void>;
  delete(keys: string[]): Promise<void>;
  clear(): Promise<void>;
}

export class MemoryCacheStore implements CacheStore {
  private readonly lru = new LRUCache<string, CacheEntry>({ max: 50_000, ttlAutopurge: false });
  async get(key: string) {
    return this.lru.get(key);
  }
  async set(key: string, entry: CacheEntry, ttlMs: number) {
    this.lru.set(key, entry, { ttl: Math.max(1, ttlMs) });
  }
  async delete(keys: string[]) {
    for (const k of keys) this.lru.delete(k);
  }
  async clear() {
    this.lru.clear();
  }
}

const DATE_TAG = '$date';

/** JSON that keeps Date objects (the SDK returns timestamps as Dates). */
export function serialize(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.getTime() } : v;
  });
}

export function deserialize(text: string): unknown {
  return JSON.parse(text, (_key, v) =>
    v && typeof v === 'object' && DATE_TAG in v && Object.keys(v).length === 1
      ? new Date(v[DATE_TAG])
      : v,
  );
}

export class RedisCacheStore implements CacheStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'appflow-gateway:cache:',
  ) {}
  async get(key: string) {
    const text = await this.redis.get(this.prefix + key);
    return text ? (deserialize(text) as CacheEntry) : undefined;
  }
  async set(key: string, entry: CacheEntry, ttlMs: number) {
    await this.redis.set(this.prefix + key, serialize(entry), 'PX', Math.max(1, Math.ceil(ttlMs)));
  }
  async delete(keys: string[]) {
    if (keys.length) await this.redis.del(...keys.map((k) => this.prefix + k));
  }
  async clear() {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await this.redis.del(...keys);
    } while (cursor !== '0');
  }
}

export interface CachePolicy {
  /** Served without a refresh for this long. */
  freshMs: number;
  /** Then served while one refresh runs, for this long. */
  staleMs: number;
  /** The entry is only valid for this fingerprint. */
  fingerprint?: string;
}

export type CacheOutcome = 'hit' | 'stale' | 'miss';

export class AppflowCache {
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<(kind: string, outcome: CacheOutcome) => void>();

  constructor(
    readonly store: CacheStore,
    private readonly now: () => number = Date.now,
  ) {}

  onLookup(listener: (kind: string, outcome: CacheOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private report(key: string, outcome: CacheOutcome) {
    const kind = key.slice(0, key.indexOf(':'));
    for (const l of this.listeners) l(kind, outcome);
  }

  /** Load through the cache. `key` starts with its kind, e.g. `flow:my-flow`. */
  async get<T>(key: string, policy: CachePolicy, load: () => Promise<T>): Promise<T> {
    let entry: CacheEntry | undefined;
    try {
      entry = await this.store.get(key);
    } catch {
      entry = undefined; // A cache outage must not fail reads: go upstream.
    }
    if (entry && (policy.fingerprint === undefined || entry.f === policy.fingerprint)) {
      const age = this.now() - entry.t;
      if (age < policy.freshMs) {
        this.report(key, 'hit');
        return entry.v as T;
      }
      if (age < policy.freshMs + policy.staleMs) {
        this.report(key, 'stale');
        this.refresh(key, policy, load).catch(() => {});
        return entry.v as T;
      }
    }
    this.report(key, 'miss');
    return this.refresh(key, policy, load);
  }

  private refresh<T>(key: string, policy: CachePolicy, load: () => Promise<T>): Promise<T> {
    const flightKey = `${key}\u0000${policy.fingerprint ?? ''}`;
    const running = this.inflight.get(flightKey);
    if (running) return running as Promise<T>;
    const promise = (async () => {
      try {
        const value = await load();
        await this.set(key, value, policy);
        return value;
      } finally {
        this.inflight.delete(flightKey);
      }
    })();
    this.inflight.set(flightKey, promise);
    return promise;
  }

  /** A fresh entry or undefined (counted as hit or miss), for callers that batch their misses. */
  async peek<T>(key: string, freshMs: number): Promise<T | undefined> {
    const entry = await this.store.get(key).catch(() => undefined);
    if (entry && this.now() - entry.t < freshMs) {
      this.report(key, 'hit');
      return entry.v as T;
    }
    this.report(key, 'miss');
    return undefined;
  }

  async set(key: string, value: unknown, policy: CachePolicy): Promise<void> {
    if (policy.freshMs <= 0) return;
    try {
      await this.store.set(
        key,
        { v: value, t: this.now(), f: policy.fingerprint },
        policy.freshMs + policy.staleMs,
      );
    } catch {
      // Cache write failures only cost a later miss.
    }
  }

  async invalidate(...keys: string[]): Promise<void> {
    for (const k of keys) {
      for (const f of this.inflight.keys()) if (f.startsWith(`${k}\u0000`)) this.inflight.delete(f);
    }
    await this.store.delete(keys).catch(() => {});
  }

  clear(): Promise<void> {
    this.inflight.clear();
    return this.store.clear();
  }
}

/**
 * Cross-request cache of AppFlow answers.
 * - single-flight: concurrent misses of one key make one upstream call (per process);
 * - stale-while-revalidate: an expired entry is served once more while one refresh runs,
 *   so expiry causes no latency spike and no stampede;
 * - fingerprints: an entry is valid only for the fingerprint it was stored with (a flow's
 *   lastUpdatedAt), so a change AppFlow reports elsewhere invalidates it at once;
 * - groups: entries whose keys nobody can list (every cached page of a filtered list) live
 *   under their group's version, so one write forgets them all;
 * - shared by all replicas through Redis when REDIS_URL is set (invalidations too), in
 *   memory (LRU) otherwise, and in memory while Redis is unavailable (FallbackCacheStore).
 * Credentials never reach this cache: AppFlow never returns them.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { SharedRedis } from '../redis.js';

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
  /** A synchronous lookup, for stores that have one (memory): no promise per lookup. */
  peek?(key: string): CacheEntry | undefined;
  set(key: string, entry: CacheEntry, ttlMs: number): Promise<void>;
  delete(keys: string[]): Promise<void>;
  clear(): Promise<void>;
}

export class MemoryCacheStore implements CacheStore {
  private readonly lru = new LRUCache<string, CacheEntry>({ max: 50_000, ttlAutopurge: false });
  async get(key: string) {
    return this.lru.get(key);
  }
  peek(key: string) {
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

/** Invalidations Redis missed that are remembered for its return; past this, clear it all. */
const MAX_MISSED_DELETES = 10_000;

/**
 * The shared store while Redis is available, this process's memory while it is not: an outage
 * costs warm entries, never latency. Invalidations always reach memory; those Redis missed are
 * replayed when it returns, and memory is dropped then, so no replica keeps serving what
 * another invalidated meanwhile.
 */
export class FallbackCacheStore implements CacheStore {
  private readonly memory = new MemoryCacheStore();
  private readonly missedDeletes = new Set<string>();
  private missedClear = false;

  constructor(
    private readonly shared: CacheStore,
    private readonly redis: SharedRedis,
  ) {
    redis.onAvailability((available) => {
      if (available) void this.rejoin();
    });
  }

  async get(key: string) {
    if (this.redis.available) {
      try {
        return await this.redis.call(() => this.shared.get(key));
      } catch {
        // Gone meanwhile: what this process stored since is in memory.
      }
    }
    return this.memory.get(key);
  }

  async set(key: string, entry: CacheEntry, ttlMs: number) {
    if (this.redis.available) {
      try {
        return await this.redis.call(() => this.shared.set(key, entry, ttlMs));
      } catch {
        // Kept in memory instead.
      }
    }
    await this.memory.set(key, entry, ttlMs);
  }

  async delete(keys: string[]) {
    await this.memory.delete(keys);
    if (this.redis.available) {
      try {
        return await this.redis.call(() => this.shared.delete(keys));
      } catch {
        // Replayed when Redis returns.
      }
    }
    for (const key of keys) this.missedDeletes.add(key);
    if (this.missedDeletes.size > MAX_MISSED_DELETES) {
      this.missedDeletes.clear();
      this.missedClear = true;
    }
  }

  async clear() {
    await this.memory.clear();
    this.missedDeletes.clear();
    this.missedClear = true;
    if (this.redis.available) await this.rejoin();
  }

  /** Redis is back: replay what it missed, then serve from it again. */
  private async rejoin() {
    await this.memory.clear();
    const keys = [...this.missedDeletes];
    const clear = this.missedClear;
    if (!clear && keys.length === 0) return;
    this.missedDeletes.clear();
    this.missedClear = false;
    try {
      await this.redis.call(() => (clear ? this.shared.clear() : this.shared.delete(keys)));
    } catch {
      // Gone again: remember them for next time.
      for (const key of keys) this.missedDeletes.add(key);
      this.missedClear ||= clear;
    }
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

/**
 * How long a group's version is kept: longer than any entry stored under it lives (the TTLs
 * of src/config.ts are at most a day, served stale for one more), so a version is never lost
 * while entries under it could still be served.
 */
const GROUP_VERSION_TTL_MS = 7 * 86_400_000;

export class AppflowCache {
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Bumped by invalidate: a load that started before it must not store its (older) answer. */
  private readonly generations = new Map<string, number>();

  private generation(key: string): number {
    return this.generations.get(key) ?? 0;
  }
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
      // In memory, no await: 200 readers of an expired entry reach the single-flight sooner.
      entry = this.store.peek ? this.store.peek(key) : await this.store.get(key);
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

  /** The entry for `key` while it is fresh under `policy`, without loading anything. */
  async lookup<T>(key: string, policy: CachePolicy): Promise<T | undefined> {
    let entry: CacheEntry | undefined;
    try {
      entry = this.store.peek ? this.store.peek(key) : await this.store.get(key);
    } catch {
      entry = undefined;
    }
    const fresh =
      entry &&
      (policy.fingerprint === undefined || entry.f === policy.fingerprint) &&
      this.now() - entry.t < policy.freshMs;
    this.report(key, fresh ? 'hit' : 'miss');
    return fresh ? (entry!.v as T) : undefined;
  }

  private refresh<T>(key: string, policy: CachePolicy, load: () => Promise<T>): Promise<T> {
    const flightKey = `${key}\u0000${policy.fingerprint ?? ''}`;
    const running = this.inflight.get(flightKey);
    if (running) return running as Promise<T>;
    const promise = (async () => {
      try {
        const generation = this.generation(key);
        const value = await load();
        if (generation === this.generation(key)) await this.set(key, value, policy);
        return value;
      } finally {
        this.inflight.delete(flightKey);
      }
    })();
    this.inflight.set(flightKey, promise);
    return promise;
  }

  /**
   * Many keys at once, for APIs that take a list (DescribeConnectorProfiles by names): fresh
   * entries are hits; stale ones are served while one background batch refreshes them; keys
   * another request is already loading are joined (single-flight); the rest are loaded in
   * one call of `loadBatch`, which returns a value (or null) for every key it was given.
   */
  async getMany<T>(
    kind: string,
    ids: readonly string[],
    policy: CachePolicy,
    loadBatch: (ids: string[]) => Promise<Map<string, T | null>>,
  ): Promise<(T | null)[]> {
    const results = new Map<string, Promise<T | null> | T | null>();
    const missing: string[] = [];
    const stale: string[] = [];
    const classify = (id: string, key: string, entry: CacheEntry | undefined) => {
      const age = entry ? this.now() - entry.t : Number.POSITIVE_INFINITY;
      if (entry && age < policy.freshMs) {
        this.report(key, 'hit');
        results.set(id, entry.v as T);
      } else if (entry && age < policy.freshMs + policy.staleMs) {
        this.report(key, 'stale');
        results.set(id, entry.v as T);
        stale.push(id);
      } else {
        this.report(key, 'miss');
        missing.push(id);
      }
    };
    const peek = this.store.peek?.bind(this.store);
    if (peek) {
      // In memory: no promise per id (a herd of 200 requests' DataLoaders after an expiry
      // reaches the shared load sooner).
      for (const id of ids) {
        const key = `${kind}:${id}`;
        classify(id, key, peek(key));
      }
    } else {
      await Promise.all(
        ids.map(async (id) => {
          const key = `${kind}:${id}`;
          classify(id, key, await this.store.get(key).catch(() => undefined));
        }),
      );
    }
    // No await from here to the loads' registration: concurrent callers see each other's loads.
    const toLoad = missing.filter((id) => {
      const running = this.inflight.get(`${kind}:${id}\u0000`);
      if (running) results.set(id, running as Promise<T | null>);
      return !running;
    });
    const toRefresh = stale.filter((id) => !this.inflight.has(`${kind}:${id}\u0000`));
    if (toRefresh.length) this.loadMany(kind, toRefresh, policy, loadBatch).catch(() => {});
    if (toLoad.length) {
      const loaded = this.loadMany(kind, toLoad, policy, loadBatch);
      for (const id of toLoad)
        results.set(
          id,
          loaded.then((m) => m.get(id) ?? null),
        );
    }
    return Promise.all(ids.map((id) => results.get(id) ?? null));
  }

  private loadMany<T>(
    kind: string,
    ids: string[],
    policy: CachePolicy,
    loadBatch: (ids: string[]) => Promise<Map<string, T | null>>,
  ): Promise<Map<string, T | null>> {
    const batch = (async () => {
      const generations = ids.map((id) => this.generation(`${kind}:${id}`));
      const values = await loadBatch(ids);
      await Promise.all(
        ids.map((id, i) => {
          const value = values.get(id);
          const current = generations[i] === this.generation(`${kind}:${id}`);
          return value == null || !current ? undefined : this.set(`${kind}:${id}`, value, policy);
        }),
      );
      return values;
    })();
    for (const id of ids) {
      const flightKey = `${kind}:${id}\u0000`;
      const one = batch.then((m) => m.get(id) ?? null);
      this.inflight.set(flightKey, one);
      one
        .finally(() => {
          if (this.inflight.get(flightKey) === one) this.inflight.delete(flightKey);
        })
        .catch(() => {});
    }
    return batch;
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

  /**
   * Load through the cache as a member of `group` (e.g. one page of the connector profile
   * list): the entry lives under the group's current version, and invalidateGroup forgets
   * every member at once, in every replica, without knowing their keys.
   */
  async getInGroup<T>(
    group: string,
    id: string,
    policy: CachePolicy,
    load: () => Promise<T>,
  ): Promise<T> {
    return this.get(await this.groupKey(group, id), policy, load);
  }

  /**
   * The key of a group member under the group's current version: taken before a load, an
   * answer stored under it after an invalidateGroups is never served.
   */
  async groupKey(group: string, id: string): Promise<string> {
    return `${group}:${await this.groupVersion(group)}:${id}`;
  }

  private async groupVersion(group: string): Promise<string> {
    const key = `${group}:version`;
    let entry: CacheEntry | undefined;
    try {
      entry = this.store.peek ? this.store.peek(key) : await this.store.get(key);
    } catch {
      entry = undefined;
    }
    // A version that is missing (first use, evicted, cleared) is replaced by a new one, never
    // by a default: entries of an earlier version with the same name could still be stored.
    return typeof entry?.v === 'string' ? entry.v : this.newGroupVersion(group);
  }

  private async newGroupVersion(group: string): Promise<string> {
    const version = randomBytes(6).toString('base64url');
    await this.store
      .set(`${group}:version`, { v: version, t: this.now() }, GROUP_VERSION_TTL_MS)
      .catch(() => {});
    return version;
  }

  /** Forget every member of these groups (see getInGroup). */
  async invalidateGroups(...groups: string[]): Promise<void> {
    await Promise.all(groups.map((g) => this.newGroupVersion(g)));
  }

  async invalidate(...keys: string[]): Promise<void> {
    for (const k of keys) this.generations.set(k, this.generation(k) + 1);
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

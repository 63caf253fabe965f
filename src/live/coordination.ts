/**
 * Where the watches of one flow coordinate across replicas: who polls (a lease), who still
 * cares (interest, a sorted set per watch with an expiry per replica) and the latest poll
 * result (so a subscriber on a replica that does not poll gets its first state at once).
 * Trivially local in memory; through Redis when REDIS_URL is set, falling back to local while
 * Redis is unavailable: every replica with subscribers then polls for itself, and they
 * re-elect one poller when Redis returns.
 */
import type { SharedRedis } from '../redis.js';
import { RedisLock } from './lock.js';
import type { PollResult } from './tracker.js';

export interface Lease {
  /** Take or renew the lease; false while another replica holds it. */
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
}

export interface Coordination {
  /** Other replicas take part right now: leases, interest and results are shared. */
  readonly distributed: boolean;
  lease(key: string): Lease;
  setInterest(key: string, interested: boolean): Promise<void>;
  /** Does any replica (this one included) still have subscribers? */
  anyInterest(key: string): Promise<boolean>;
  saveLatest(key: string, result: PollResult, ttlMs: number): Promise<void>;
  loadLatest(key: string): Promise<PollResult | undefined>;
}

const localLease: Lease = { tryAcquire: async () => true, release: async () => {} };

export const memoryCoordination: Coordination = {
  distributed: false,
  lease: () => localLease,
  setInterest: async () => {},
  anyInterest: async () => false,
  saveLatest: async () => {},
  loadLatest: async () => undefined,
};

export function redisCoordination(
  redis: SharedRedis,
  options: { namespace: string; replicaId: string; lockTtlMs: number; interestTtlMs: number },
): Coordination {
  const { namespace, replicaId, lockTtlMs, interestTtlMs } = options;
  const k = (kind: string, key: string) => `${namespace}:${kind}:${key}`;
  // The latest result keeps its earlier key name, so replicas of both versions share it
  // during a rolling deploy.
  const latestKey = (key: string) => k('snapshot', key);
  return {
    get distributed() {
      return redis.available;
    },
    lease(key) {
      const lock = new RedisLock(redis, k('lock', key), lockTtlMs, replicaId);
      return {
        // Cut off from Redis nobody can share our polls, nor we theirs: poll for ourselves.
        tryAcquire: () => (redis.available ? lock.tryAcquire() : Promise.resolve(true)),
        release: () => lock.release(),
      };
    },
    async setInterest(key, interested) {
      if (!redis.available) return;
      const interest = k('interest', key);
      await redis
        .call<unknown>((r) =>
          interested
            ? r
                .multi()
                .zadd(interest, Date.now() + interestTtlMs, replicaId)
                .pexpire(interest, interestTtlMs)
                .exec()
            : r.zrem(interest, replicaId),
        )
        // Interest expires by itself; a failure is retried on the next tick.
        .catch(() => {});
    },
    async anyInterest(key) {
      // Without Redis, other replicas could not get our events anyway.
      if (!redis.available) return false;
      const interest = k('interest', key);
      try {
        const result = await redis.call((r) =>
          r.multi().zremrangebyscore(interest, '-inf', Date.now()).zcard(interest).exec(),
        );
        return Number(result?.[1]?.[1] ?? 0) > 0;
      } catch {
        // Unknown: keep polling rather than strand subscribers elsewhere.
        return true;
      }
    },
    async saveLatest(key, result, ttlMs) {
      if (!redis.available) return;
      await redis
        .call((r) => r.set(latestKey(key), JSON.stringify(result), 'PX', Math.ceil(ttlMs)))
        // Subscribers on other replicas wait for the next poll's event instead.
        .catch(() => {});
    },
    async loadLatest(key) {
      if (!redis.available) return undefined;
      try {
        const raw = await redis.call((r) => r.get(latestKey(key)));
        return raw ? (JSON.parse(raw) as PollResult) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

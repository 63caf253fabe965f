/**
 * A Redis lease lock (SET NX PX, renewed by its holder, released by compare-and-delete), used
 * to elect one poller per flow across replicas. A holder that dies stops renewing; the key
 * expires after `ttlMs` and another replica takes over. Each lock instance has its own token,
 * so a late release never deletes a lock somebody else acquired since.
 */
import { randomUUID } from 'node:crypto';
import type { SharedRedis } from '../redis.js';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0`;

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0`;

export class RedisLock {
  readonly token: string;
  private held = false;
  /** The key may still hold our token (we set it and have not seen it go): renew first. */
  private maybeOurs = false;

  constructor(
    private readonly redis: SharedRedis,
    readonly key: string,
    readonly ttlMs: number,
    owner = 'replica',
  ) {
    this.token = `${owner}:${randomUUID()}`;
  }

  get isHeld(): boolean {
    return this.held;
  }

  /** Acquire when free, renew when ours; false when another holder has it (or Redis fails). */
  async tryAcquire(): Promise<boolean> {
    try {
      if (this.maybeOurs) {
        const renewed = await this.redis.call((r) =>
          r.eval(RENEW, 1, this.key, this.token, String(this.ttlMs)),
        );
        this.maybeOurs = Number(renewed) === 1;
      }
      if (!this.maybeOurs) {
        const set = await this.redis.call((r) =>
          r.set(this.key, this.token, 'PX', this.ttlMs, 'NX'),
        );
        this.maybeOurs = set === 'OK';
      }
      this.held = this.maybeOurs;
    } catch {
      // Without Redis we cannot prove we still hold the lease: step down. The key may still be
      // ours when Redis returns (a short outage): then the next call renews it.
      this.held = false;
    }
    return this.held;
  }

  async release(): Promise<void> {
    this.held = false;
    if (!this.maybeOurs) return;
    try {
      await this.redis.call((r) => r.eval(RELEASE, 1, this.key, this.token));
      this.maybeOurs = false;
    } catch {
      // The lease expires by itself.
    }
  }
}

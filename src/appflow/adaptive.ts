/**
 * Adaptive concurrency for every AppFlow call of the process (one AdaptiveLimiter per client):
 * - a concurrency window, AIMD: it starts at the upper bound (APPFLOW_MAX_CONCURRENCY), halves
 *   at once on ThrottlingException (once per round trip: the echoes of one burst halve it once)
 *   and grows by one per answered call back to the bound (so it doubles per round trip, like
 *   TCP's slow start: the pacing below, not the window, keeps the rate under AppFlow's);
 * - per operation (AWS throttles each API of an account on its own), a mirror of AppFlow's token
 *   bucket, learned from throttles: unknown (no pacing) until the first throttle, then a rate
 *   and a burst estimated from the calls that were answered in the second before it. A throttle
 *   means AppFlow's bucket is empty now, so the mirror's tokens drop to zero; a later throttle
 *   lowers the rate (x0.85), every answered call raises it a little (+0.5/s per second of calls
 *   at that rate: about one throttle every few seconds while AppFlow's bucket is empty), and an operation that neither AppFlow nor its pace held back for
 *   `forgetAfterMs` is unpaced again;
 * - a throttled call is queued again, first of its viewer's calls, and sent when the mirror has
 *   a token: the caller sees a ThrottlingException only after `maxThrottleRetries` of them, or
 *   when the next try would be more than `throttleWaitMs` after its first throttle;
 * - fairness: one FIFO queue per viewer, served round robin, so a viewer with 20,000 calls
 *   queued delays another viewer's call by at most one call per waiting viewer.
 * The SDK's `adaptive` retry mode paces retries with a CUBIC token bucket of the same idea, but
 * for the whole client (not per operation), without fairness, and its retry quota (500 tokens,
 * 5 a throttled retry) turns a throttled burst of 100 into errors for the caller.
 */

export interface AdaptiveOptions {
  /** The upper bound of calls in flight (APPFLOW_MAX_CONCURRENCY). */
  maxConcurrency: number;
  /** Where the window starts (default: the upper bound; AppFlow's limits are rates). */
  initialConcurrency?: number;
  /** Throttles of one call that are absorbed (queued again) before the caller sees one. */
  maxThrottleRetries?: number;
  /**
   * How long one call may wait out throttles (from its first throttle to its next try) before
   * its caller gets the ThrottlingException (APPFLOW_THROTTLE_WAIT_MS; 0: at once).
   */
  throttleWaitMs?: number;
  /** An operation neither throttled nor held back by its pace this long is no longer paced. */
  forgetAfterMs?: number;
  now?: () => number;
}

export interface LimiterStats {
  /** Calls running now. */
  active: number;
  /** Calls waiting for a permit or a token. */
  pending: number;
  /** The most calls ever running at once. */
  maxActive: number;
  /** The concurrency window now (<= the upper bound). */
  limit: number;
  /** Throttled answers seen (each retried or, past the retries, failed). */
  throttles: number;
  /** Operations paced now: their learned rate (calls/s) and burst. */
  rates: Record<string, { ratePerSecond: number; burst: number }>;
}

interface Waiter {
  operation: string;
  /** Arrival order (negative: a throttled call queued again, ahead of every new one). */
  seq: number;
  start: () => void;
}

const SECOND = 1000;
/** How long answered calls are remembered (answers may come seconds after a busy send). */
const RECENT_MS = 10 * SECOND;

/** The learned mirror of one operation's token bucket at AppFlow. */
class OperationPace {
  rate = Number.POSITIVE_INFINITY;
  burst = Number.POSITIVE_INFINITY;
  tokens = Number.POSITIVE_INFINITY;
  private updatedAt = 0;
  /** When the answered calls of the last few seconds were sent. */
  private readonly recent: number[] = [];
  lastThrottleAt = Number.NEGATIVE_INFINITY;
  /** When a call last had to wait for a token (the pace was what held it back). */
  lastLimitedAt = Number.NEGATIVE_INFINITY;
  lastDecreaseAt = Number.NEGATIVE_INFINITY;
  /**
   * While the pace is still the first throttle's estimate: when that throttled call was sent
   * (the burst it met is the answered calls sent in the second up to then).
   */
  private estimatedAt: number | undefined;

  get paced(): boolean {
    return Number.isFinite(this.rate);
  }

  private refill(now: number) {
    if (!this.paced) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / SECOND) * this.rate);
    this.updatedAt = now;
  }

  /** Ms until a token is there (0: now). */
  waitMs(now: number): number {
    if (!this.paced) return 0;
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.rate) * SECOND);
  }

  take(now: number) {
    if (!this.paced) return;
    this.refill(now);
    this.tokens -= 1;
  }

  answered(sentAt: number, now: number) {
    this.recent.push(sentAt);
    while (this.recent.length && this.recent[0]! < now - RECENT_MS) this.recent.shift();
    // A call of the same burst answered after the throttle (a throttle is answered faster
    // than a call that does work): the estimate grows.
    if (this.estimatedAt !== undefined && sentAt <= this.estimatedAt) this.estimate();
    // Additive increase: +0.5 call/s for every `rate` calls answered.
    if (this.paced) this.rate += 0.5 / this.rate;
  }

  /**
   * The burst is what got through in the second up to the throttled call (20% off: AppFlow's
   * bucket also refilled while they were answered), refilled at about half of it per second
   * (AWS buckets hold about two seconds of their rate).
   */
  private estimate() {
    const at = this.estimatedAt!;
    const burst = Math.max(1, 0.8 * this.recent.filter((t) => t >= at - SECOND && t <= at).length);
    if (Number.isFinite(this.burst) && burst <= this.burst) return;
    this.burst = burst;
    this.rate = Math.max(Number.isFinite(this.rate) ? this.rate : 1, burst / 2);
  }

  throttled(sentAt: number, now: number) {
    this.refill(now);
    this.tokens = 0; // AppFlow's bucket is empty now.
    this.lastThrottleAt = now;
    // Calls sent before the last decrease are echoes of the same burst.
    if (sentAt < this.lastDecreaseAt) return;
    this.lastDecreaseAt = now;
    if (!this.paced) {
      this.estimatedAt = sentAt;
      this.estimate();
    } else {
      this.rate = Math.max(1, this.rate * 0.85);
      this.estimatedAt = undefined;
    }
    this.updatedAt = now;
  }

  forget() {
    this.estimatedAt = undefined;
    this.rate = this.burst = this.tokens = Number.POSITIVE_INFINITY;
    this.lastDecreaseAt = Number.NEGATIVE_INFINITY;
  }
}

export function isThrottle(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name === 'ThrottlingException' || e?.$metadata?.httpStatusCode === 429;
}

export class AdaptiveLimiter {
  private window: number;
  private active = 0;
  private maxActive = 0;
  private pending = 0;
  private throttles = 0;
  private lastWindowDecreaseAt = Number.NEGATIVE_INFINITY;
  /**
   * The calls waiting, by viewer (Map order is the round-robin order), then by operation
   * (FIFO each; a viewer's next call is its oldest among operations with a token).
   */
  private readonly queues = new Map<string, Map<string, Waiter[]>>();
  private seq = 1;
  private readonly paces = new Map<string, OperationPace>();
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private readonly maxThrottleRetries: number;
  private readonly forgetAfterMs: number;
  private readonly throttleWaitMs: number;

  constructor(private readonly options: AdaptiveOptions) {
    this.window = options.initialConcurrency ?? options.maxConcurrency;
    this.now = options.now ?? (() => performance.now());
    this.maxThrottleRetries = options.maxThrottleRetries ?? 10;
    this.forgetAfterMs = options.forgetAfterMs ?? 300_000;
    this.throttleWaitMs = options.throttleWaitMs ?? 10_000;
  }

  stats(): LimiterStats {
    const rates: LimiterStats['rates'] = {};
    for (const [op, p] of this.paces) {
      if (p.paced) rates[op] = { ratePerSecond: p.rate, burst: p.burst };
    }
    return {
      active: this.active,
      pending: this.pending,
      maxActive: this.maxActive,
      limit: Math.floor(this.window),
      throttles: this.throttles,
      rates,
    };
  }

  private pace(operation: string): OperationPace {
    let p = this.paces.get(operation);
    if (!p) {
      p = new OperationPace();
      this.paces.set(operation, p);
    }
    // Forgotten only when neither AppFlow nor the pace itself held a call back for a while: a
    // pace that keeps the throttles away is still needed.
    if (p.paced && this.now() - Math.max(p.lastThrottleAt, p.lastLimitedAt) > this.forgetAfterMs) {
      p.forget();
    }
    return p;
  }

  /**
   * Run `send` (one AppFlow call, the SDK's retries of other errors included) when the window
   * and the operation's pace allow, queued fairly behind `viewer`'s earlier calls.
   */
  async run<T>(operation: string, viewer: string, send: () => Promise<T>): Promise<T> {
    let firstThrottleAt: number | undefined;
    for (let throttled = 0; ; throttled++) {
      await this.permit(operation, viewer, throttled > 0);
      const sentAt = this.now();
      try {
        const result = await send();
        this.release();
        this.pace(operation).answered(sentAt, this.now());
        this.window = Math.min(this.options.maxConcurrency, this.window + 1);
        return result;
      } catch (error) {
        this.release();
        if (!isThrottle(error)) throw error;
        this.throttles++;
        this.onThrottle(operation, sentAt);
        const now = this.now();
        firstThrottleAt ??= now;
        const nextTry = now + this.pace(operation).waitMs(now);
        if (
          throttled >= this.maxThrottleRetries ||
          nextTry - firstThrottleAt > this.throttleWaitMs
        ) {
          throw error;
        }
      } finally {
        this.pump();
      }
    }
  }

  private onThrottle(operation: string, sentAt: number) {
    const now = this.now();
    this.pace(operation).throttled(sentAt, now);
    if (sentAt >= this.lastWindowDecreaseAt) {
      this.window = Math.max(1, this.window / 2);
      this.lastWindowDecreaseAt = now;
    }
  }

  private release() {
    this.active--;
  }

  private permit(operation: string, viewer: string, again: boolean): Promise<void> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        operation,
        seq: this.seq++,
        start: () => {
          this.active++;
          this.maxActive = Math.max(this.maxActive, this.active);
          resolve();
        },
      };
      let byOperation = this.queues.get(viewer);
      if (!byOperation) {
        byOperation = new Map();
        this.queues.set(viewer, byOperation);
      }
      let queue = byOperation.get(operation);
      if (!queue) {
        queue = [];
        byOperation.set(operation, queue);
      }
      // A throttled call goes first among its viewer's calls: it has waited longest.
      if (again) {
        waiter.seq = -waiter.seq;
        queue.unshift(waiter);
      } else {
        queue.push(waiter);
      }
      this.pending++;
      this.pump();
    });
  }

  /**
   * Start what the window and the paces allow, one call per viewer in turn: each viewer's
   * oldest call among the operations that have a token (a paced operation waiting for its
   * token does not hold up the viewer's calls of other operations).
   */
  private pump() {
    let soonest = Number.POSITIVE_INFINITY;
    while (this.active < Math.floor(this.window) && this.queues.size) {
      let started = false;
      soonest = Number.POSITIVE_INFINITY;
      const now = this.now();
      for (const [viewer, byOperation] of this.queues) {
        let next: Waiter[] | undefined;
        for (const queue of byOperation.values()) {
          const head = queue[0]!;
          const wait = this.pace(head.operation).waitMs(now);
          if (wait > 0) {
            this.pace(head.operation).lastLimitedAt = now;
            soonest = Math.min(soonest, wait);
          } else if (!next || head.seq < next[0]!.seq) {
            next = queue;
          }
        }
        if (!next) continue;
        const waiter = next.shift()!;
        this.pace(waiter.operation).take(now);
        if (!next.length) byOperation.delete(waiter.operation);
        // Round robin: this viewer goes to the back of the line.
        this.queues.delete(viewer);
        if (byOperation.size) this.queues.set(viewer, byOperation);
        this.pending--;
        waiter.start();
        started = true;
        break;
      }
      if (!started) break;
    }
    if (Number.isFinite(soonest) && this.queues.size && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, soonest);
    }
  }
}

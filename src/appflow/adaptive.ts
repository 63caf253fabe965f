/**
 * Adaptive concurrency for every AppFlow call of the process (one AdaptiveLimiter per client):
 * - a concurrency window, AIMD: it starts at the upper bound (APPFLOW_MAX_CONCURRENCY), halves
 *   at once on ThrottlingException (once per round trip: the echoes of one burst halve it once)
 *   and grows by one per answered call back to the bound (so it doubles per round trip, like
 *   TCP's slow start: the pacing below, not the window, keeps the rate under AppFlow's);
 * - per operation (AWS throttles each API of an account on its own), a mirror of AppFlow's token
 *   bucket (./pace.ts): a conservative start that grows, lowered by throttles that follow the
 *   call rate and not by those that do not (random, transient);
 * - a throttled call is queued again, first of its viewer's calls, and sent when the mirror has
 *   a token: the caller sees a ThrottlingException only after `maxThrottleRetries` of them, or
 *   when the next try would be more than `throttleWaitMs` after its first throttle;
 * - fairness: one FIFO queue per viewer, served round robin, so a viewer with 20,000 calls
 *   queued delays another viewer's call by at most one call per waiting viewer.
 * The SDK's `adaptive` retry mode paces retries with a CUBIC token bucket of the same idea, but
 * for the whole client (not per operation), without fairness, and its retry quota (500 tokens,
 * 5 a throttled retry) turns a throttled burst of 100 into errors for the caller.
 */

import { DEFAULT_PACE, OperationPace, type PaceSettings } from './pace.js';

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
  /** An operation neither throttled nor held back by its pace this long grows again as a fresh
   * one does (slow start; unpaced with an initial rate of 0). */
  forgetAfterMs?: number;
  /** Where each operation's pace starts (default DEFAULT_PACE). */
  pace?: PaceSettings;
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
  /** Operations paced now: their rate (calls/s), burst, whether AppFlow's throttles set them
   * (`learned`) and the share of calls throttled whatever the rate (`noise`). */
  rates: Record<string, { ratePerSecond: number; burst: number; learned: boolean; noise: number }>;
}

interface Waiter {
  operation: string;
  /** Arrival order (negative: a throttled call queued again, ahead of every new one). */
  seq: number;
  start: () => void;
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
      if (p.paced) {
        rates[op] = { ratePerSecond: p.rate, burst: p.burst, learned: p.learned, noise: p.noise };
      }
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
      p = new OperationPace(this.options.pace ?? DEFAULT_PACE, this.now());
      this.paces.set(operation, p);
    }
    // Neither AppFlow nor the pace itself held a call back for a while (a pace that keeps the
    // throttles away is still needed): grow again as a fresh operation does.
    if (
      p.learned &&
      this.now() - Math.max(p.lastThrottleAt, p.lastLimitedAt) > this.forgetAfterMs
    ) {
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
    // Noise (a throttle that does not follow the call rate) shrinks neither pace nor window.
    if (!this.pace(operation).throttled(sentAt, now)) return;
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

/**
 * One watched flow (its runs, or its status) on this replica: its local subscribers, its lease
 * and, while it leads, its polling loop.
 *
 * - Every `tickMs` it refreshes this replica's interest and takes or renews the lease; the
 *   holder polls while any replica is interested, and stops when none is;
 * - the interval adapts: fast while a run is active or a subscriber waits for a run that is not
 *   visible yet (AppFlow is eventually consistent), slow when idle, jittered, with exponential
 *   backoff on retryable failures (throttling, 5xx, network); an outage only pauses events;
 * - only real changes are published: each entry's fingerprint is compared with the previous
 *   poll's; a non-retryable failure (the flow is gone) is published once.
 *
 * Time comes from a Clock, and everything else from its host, so tests can step it.
 */
import { classifyAppflowError } from '../appflow/errors.js';
import type { Coordination, Lease } from './coordination.js';
import {
  ACTIVE_STATUSES,
  fingerprints,
  type PollEvent,
  type PollResult,
  type UpstreamError,
  type WatchKind,
} from './tracker.js';

/** A pause that `wake()` ends early. */
export interface Nap {
  promise: Promise<void>;
  wake(): void;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Nap;
  /** Call `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms) {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    return { promise, wake };
  },
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface WatchTiming {
  activePollMs: number;
  idlePollMs: number;
  maxBackoffMs: number;
  lockTtlMs: number;
  /** How often a watch refreshes its interest and renews or competes for the lease. */
  tickMs: number;
}

/** What a watch needs from its poller. */
export interface WatchHost {
  readonly coordination: Coordination;
  readonly clock: Clock;
  readonly timing: WatchTiming;
  /** A delay, jittered so that replicas and flows do not poll in lockstep. */
  jitter(ms: number): number;
  /** The live state publishes runs changes: a runs watch publishes only whole pages. */
  readonly runsFromState?: boolean;
  /** The next poll's delay: active, idle, or the reconcile interval while events arrive. */
  pace?(active: boolean): number;
  /** Poll AppFlow once; rejects with what AppFlow (or the reader) threw. */
  poll(kind: WatchKind, flowName: string): Promise<PollResult>;
  publishEvent(key: string, event: PollEvent): void;
  listenEvents(key: string, listener: (event: PollEvent) => void): () => void;
  listenPokes(key: string, onPoke: (hotMs: number) => void): () => void;
  /** The watch stopped for good. */
  forget(watch: FlowWatch): void;
}

export class FlowWatch {
  local = 0;
  leading = false;
  stopped = false;
  polls = 0;
  /** What the last poll on this replica found. */
  latest?: PollResult;
  private started = false;
  private ticking = false;
  private stopTicks?: () => void;
  private readonly lease: Lease;
  private leaderGeneration = 0;
  private previous = new Map<string, string>();
  /** The next event carries the whole page (a new poller, an error cleared, Redis back). */
  private fresh = true;
  private wasDistributed: boolean;
  private lastErrorCode?: string;
  private hotUntil = 0;
  private backingOff = false;
  private nap?: Nap;
  private stopPokes?: () => void;
  private readonly resultWaiters = new Set<(result: PollResult) => void>();
  /** Local feeds' event callbacks: one bus listener per watch, fanned out here. */
  private readonly eventListeners = new Set<(event: PollEvent) => void>();
  private stopEvents?: () => void;

  constructor(
    private readonly host: WatchHost,
    readonly kind: WatchKind,
    readonly flowName: string,
    readonly key: string,
  ) {
    this.lease = host.coordination.lease(key);
    this.wasDistributed = host.coordination.distributed;
  }

  addLocal() {
    this.local++;
    if (!this.started) {
      this.started = true;
      void this.tick();
      this.stopTicks = this.host.clock.every(this.host.timing.tickMs, () => void this.tick());
    } else if (this.local === 1) {
      void this.tick();
    }
  }

  removeLocal() {
    this.local = Math.max(0, this.local - 1);
    if (this.local > 0) return;
    if (!this.host.coordination.distributed) {
      this.shutdown();
      return;
    }
    void this.host.coordination.setInterest(this.key, false).then(() => {
      // Not leading: nothing to keep. Leading: keep polling while another replica is
      // interested (the next tick checks); shut down now if nobody is.
      if (this.local === 0) void this.tick();
    });
  }

  listen(listener: (event: PollEvent) => void): () => void {
    this.eventListeners.add(listener);
    this.stopEvents ??= this.host.listenEvents(this.key, (event) => {
      for (const l of [...this.eventListeners]) l(event);
    });
    return () => {
      this.eventListeners.delete(listener);
      if (this.eventListeners.size === 0) {
        this.stopEvents?.();
        this.stopEvents = undefined;
      }
    };
  }

  /** Called with the result of this replica's next poll. */
  onResult(waiter: (result: PollResult) => void): () => void {
    this.resultWaiters.add(waiter);
    return () => this.resultWaiters.delete(waiter);
  }

  /** Poll soon and stay fast for `hotMs` (a subscriber waits for a run not visible yet). */
  heat(hotMs: number) {
    this.hotUntil = Math.max(this.hotUntil, this.host.clock.now() + hotMs);
    if (!this.backingOff) this.nap?.wake();
  }

  /** Re-check interest and lease now (Redis went away or came back). */
  recheck() {
    void this.tick();
  }

  shutdown() {
    if (this.stopped) return;
    this.stopped = true;
    this.stopTicks?.();
    if (this.leading) this.stopLeading();
    this.host.forget(this);
  }

  private async tick() {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      const coordination = this.host.coordination;
      const distributed = coordination.distributed;
      // Back in touch with the other replicas: their subscribers may have missed events.
      if (distributed && !this.wasDistributed) this.fresh = true;
      this.wasDistributed = distributed;
      if (this.local > 0) await coordination.setInterest(this.key, true);
      if (this.local === 0) {
        if (!this.leading || !(await coordination.anyInterest(this.key))) {
          if (this.local === 0) this.shutdown();
          return;
        }
      }
      const held = await this.lease.tryAcquire();
      if (this.stopped) return;
      if (held && !this.leading) this.startLeading();
      else if (!held && this.leading) this.stopLeading();
    } finally {
      this.ticking = false;
    }
  }

  private startLeading() {
    this.leading = true;
    this.fresh = true;
    this.previous.clear();
    const generation = ++this.leaderGeneration;
    this.stopPokes = this.host.listenPokes(this.key, (hotMs) => this.heat(hotMs));
    void this.loop(generation);
  }

  private stopLeading() {
    this.leading = false;
    this.leaderGeneration++;
    this.stopPokes?.();
    this.stopPokes = undefined;
    this.nap?.wake();
    void this.lease.release();
  }

  private active(): boolean {
    if (this.hotUntil > this.host.clock.now()) return true;
    if (this.latest?.kind !== 'runs') return false;
    return this.latest.runs.some((r) => ACTIVE_STATUSES.has(r.executionStatus ?? ''));
  }

  private async loop(generation: number) {
    const { activePollMs, idlePollMs, maxBackoffMs } = this.host.timing;
    const current = () => this.leading && generation === this.leaderGeneration && !this.stopped;
    let failures = 0;
    while (current()) {
      let delay: number;
      try {
        this.polls++;
        const result = await this.host.poll(this.kind, this.flowName);
        if (!current()) break;
        failures = 0;
        this.backingOff = false;
        await this.absorb(result);
        const active = this.active();
        delay = this.host.pace?.(active) ?? (active ? activePollMs : idlePollMs);
        // Somebody waits for a run not visible yet: fast, events or not.
        if (this.hotUntil > this.host.clock.now()) delay = Math.min(delay, activePollMs);
      } catch (error) {
        if (!current()) break;
        const { code, message, retryable } = classifyAppflowError(error);
        if (retryable) {
          // Pause: subscribers keep their streams, and events resume with the next good poll.
          failures++;
          this.backingOff = true;
          delay = Math.min(maxBackoffMs, activePollMs * 2 ** failures);
        } else {
          failures = 0;
          this.backingOff = false;
          await this.absorbError({ code, message, retryable });
          delay = idlePollMs;
        }
      }
      this.nap = this.host.clock.sleep(this.host.jitter(delay));
      await this.nap.promise;
      this.nap = undefined;
    }
  }

  /** How long the shared latest result stays: past the slowest poll interval, plus a lease. */
  private latestTtl(): number {
    const { idlePollMs, maxBackoffMs, lockTtlMs } = this.host.timing;
    return Math.max(idlePollMs, Math.min(maxBackoffMs, 4 * idlePollMs)) * 2 + lockTtlMs;
  }

  private async absorb(result: PollResult) {
    const next = fingerprints(result);
    const changed = [...next].filter(([id, fp]) => this.fresh || this.previous.get(id) !== fp);
    const full = this.fresh || this.lastErrorCode !== undefined;
    this.previous = next;
    this.fresh = false;
    this.lastErrorCode = undefined;
    await this.record(result);
    if (result.kind === 'runs' && this.host.runsFromState) {
      if (full) this.host.publishEvent(this.key, { ...result, full });
    } else if (result.kind === 'runs' && (changed.length > 0 || full)) {
      const ids = new Set(changed.map(([id]) => id));
      const runs = result.runs.filter((run) => ids.has(run.executionId));
      this.host.publishEvent(this.key, { ...result, runs, full });
    } else if (result.kind === 'flow' && (changed.length > 0 || full)) {
      this.host.publishEvent(this.key, { ...result, full });
    }
  }

  private async absorbError(error: UpstreamError) {
    const polledAt = this.host.clock.now();
    const result: PollResult =
      this.kind === 'runs'
        ? { kind: 'runs', flowName: this.flowName, polledAt, runs: [], hasMore: false, error }
        : { kind: 'flow', flowName: this.flowName, polledAt, flow: null, error };
    await this.record(result);
    if (this.lastErrorCode !== error.code) {
      this.lastErrorCode = error.code;
      this.fresh = true;
      this.host.publishEvent(this.key, { ...result, full: true });
    }
  }

  private async record(result: PollResult) {
    this.latest = result;
    for (const waiter of [...this.resultWaiters]) waiter(result);
    await this.host.coordination.saveLatest(this.key, result, this.latestTtl());
  }
}

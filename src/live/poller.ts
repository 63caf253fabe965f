/**
 * ExecutionStatusPoller: one polling loop per watched flow per deployment, shared by all of its
 * subscribers. AppFlow has no push for run status, so somebody has to poll
 * DescribeFlowExecutionRecords (runs) or DescribeFlow (flow status); this makes it one loop:
 *
 * - a Watch per (kind, flow) on each replica counts that replica's subscribers; it starts with
 *   the first and stops when the last leaves;
 * - with Redis, each replica with subscribers refreshes its interest (a sorted set per watch
 *   with an expiry per replica) and competes for a lease lock (lock.ts); the holder polls while
 *   any replica is interested, writes the latest snapshot to Redis and publishes changes on the
 *   event bus (pubsub.ts). If it dies, the lease expires and another interested replica polls;
 * - the interval adapts: fast while a run is active or a subscriber waits for a run that is not
 *   visible yet (AppFlow is eventually consistent), slow when idle, jittered, with exponential
 *   backoff on throttling and 5xx; an outage only pauses events, subscribers stay;
 * - only real changes are published: each record's fingerprint (status, lastUpdatedAt, result)
 *   is compared with the previous poll's, and subscribers drop what they already have.
 *
 * Transport-agnostic on purpose (no GraphQL here): src/schema/subscriptions.ts maps it to the graph.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  type AppflowClient,
  DescribeFlowCommand,
  DescribeFlowExecutionRecordsCommand,
} from '@aws-sdk/client-appflow';
import { classifyAppflowError } from '../appflow/errors.js';
import { RedisLock } from './lock.js';
import { createEventBus, type EventBus, type Json, toJson } from './pubsub.js';

export type WatchKind = 'runs' | 'flow';

/** An ExecutionRecord as plain JSON (dates as ISO strings). */
export interface RunJson {
  executionId: string;
  executionStatus?: string;
  lastUpdatedAt?: string;
  startedAt?: string;
  executionResult?: Json;
  [member: string]: Json | undefined;
}

/** A DescribeFlow answer as plain JSON. */
export interface FlowJson {
  flowName: string;
  flowStatus?: string;
  flowStatusMessage?: string;
  [member: string]: Json | undefined;
}

export interface UpstreamError {
  /** Stable code, the same as the graph's `extensions.code` for AppFlow failures. */
  code: string;
  message: string;
  /** Throttling, 5xx, network: retried with backoff, never shown to subscribers. */
  retryable: boolean;
}

/** What a poll found: the newest page of runs, or the flow. */
export interface RunsSnapshot {
  kind: 'runs';
  flowName: string;
  polledAt: number;
  runs: RunJson[];
  /** More (older) runs exist beyond this page. */
  hasMore: boolean;
  error?: UpstreamError;
}

export interface FlowSnapshot {
  kind: 'flow';
  flowName: string;
  polledAt: number;
  flow: FlowJson | null;
  error?: UpstreamError;
}

export type Snapshot = RunsSnapshot | FlowSnapshot;

/**
 * An event: the runs that changed since the previous poll (all of them after a new poller's
 * first poll: `full`), or the flow when its status changed, or a non-retryable error.
 */
export type RunsEvent = RunsSnapshot & { full: boolean };
export type FlowEvent = FlowSnapshot & { full: boolean };
export type PollEvent = RunsEvent | FlowEvent;

export interface PollerOptions {
  activePollMs: number;
  idlePollMs: number;
  /** Longest backoff after repeated throttling/5xx (default max(60 s, idlePollMs)). */
  maxBackoffMs?: number;
  /** Lease of the Redis poll lock; a dead holder is replaced after at most this (default 5 s). */
  lockTtlMs?: number;
  /** How long a replica's interest lasts without refresh (default 6 s). */
  interestTtlMs?: number;
  /** Runs per DescribeFlowExecutionRecords poll (default 25). */
  runsPageSize?: number;
  /** Key namespace in Redis (default derived from the AppFlow endpoint/region). */
  namespace?: string;
  /** Jitter source (tests). */
  random?: () => number;
}

export const ACTIVE_STATUSES = new Set(['InProgress', 'CancelStarted']);
export const TERMINAL_STATUSES = new Set(['Successful', 'Error', 'Canceled']);

export function runFingerprint(run: RunJson): string {
  return `${run.executionStatus ?? ''}|${run.lastUpdatedAt ?? ''}|${JSON.stringify(run.executionResult ?? null)}`;
}

export function flowFingerprint(flow: FlowJson | null): string {
  return flow ? `${flow.flowStatus ?? ''}|${flow.flowStatusMessage ?? ''}` : 'missing';
}

/** Classify a failed poll with THE AppFlow error table (src/appflow/errors.ts). */
export function classifyUpstreamError(error: unknown): UpstreamError {
  const { code, message, retryable } = classifyAppflowError(error);
  return { code, message, retryable };
}

/**
 * A subscriber's view: drops what it already has (same fingerprint), older news (an earlier
 * lastUpdatedAt) and regressions from a terminal status, so snapshot + events never repeat.
 */
export class RunTracker {
  private readonly known = new Map<
    string,
    { fingerprint: string; updated: number; status: string }
  >();

  accept(runs: readonly RunJson[]): RunJson[] {
    const news: RunJson[] = [];
    for (const run of runs) {
      const fingerprint = runFingerprint(run);
      const previous = this.known.get(run.executionId);
      const updated = run.lastUpdatedAt ? Date.parse(run.lastUpdatedAt) : 0;
      const status = run.executionStatus ?? '';
      if (previous) {
        if (previous.fingerprint === fingerprint) continue;
        if (updated < previous.updated) continue;
        if (TERMINAL_STATUSES.has(previous.status) && !TERMINAL_STATUSES.has(status)) continue;
      }
      this.known.set(run.executionId, { fingerprint, updated, status });
      news.push(run);
    }
    return news;
  }
}

/** Where watches coordinate: trivially local in memory, or through Redis. */
interface Coordination {
  readonly distributed: boolean;
  lease(key: string): { tryAcquire(): Promise<boolean>; release(): Promise<void> };
  setInterest(key: string, interested: boolean): Promise<void>;
  anyInterest(key: string): Promise<boolean>;
  saveSnapshot(key: string, snapshot: Snapshot, ttlMs: number): Promise<void>;
  loadSnapshot(key: string): Promise<Snapshot | undefined>;
}

const memoryCoordination: Coordination = {
  distributed: false,
  lease: () => ({ tryAcquire: async () => true, release: async () => {} }),
  setInterest: async () => {},
  anyInterest: async () => false,
  saveSnapshot: async () => {},
  loadSnapshot: async () => undefined,
};

function redisCoordination(
  bus: EventBus,
  namespace: string,
  replicaId: string,
  lockTtlMs: number,
  interestTtlMs: number,
): Coordination {
  const redis = bus.redis!;
  const k = (kind: string, key: string) => `${namespace}:${kind}:${key}`;
  return {
    distributed: true,
    lease: (key) => new RedisLock(redis, k('lock', key), lockTtlMs, replicaId),
    async setInterest(key, interested) {
      try {
        if (interested) {
          await redis
            .multi()
            .zadd(k('interest', key), Date.now() + interestTtlMs, replicaId)
            .pexpire(k('interest', key), interestTtlMs)
            .exec();
        } else {
          await redis.zrem(k('interest', key), replicaId);
        }
      } catch {
        // Interest expires by itself; a Redis outage is retried on the next tick.
      }
    },
    async anyInterest(key) {
      try {
        const result = await redis
          .multi()
          .zremrangebyscore(k('interest', key), '-inf', Date.now())
          .zcard(k('interest', key))
          .exec();
        return Number(result?.[1]?.[1] ?? 0) > 0;
      } catch {
        // Unknown: keep polling rather than strand subscribers elsewhere.
        return true;
      }
    },
    async saveSnapshot(key, snapshot, ttlMs) {
      try {
        await redis.set(k('snapshot', key), JSON.stringify(snapshot), 'PX', Math.ceil(ttlMs));
      } catch {
        // Subscribers on other replicas wait for the next poll's event instead.
      }
    },
    async loadSnapshot(key) {
      try {
        const raw = await redis.get(k('snapshot', key));
        return raw ? (JSON.parse(raw) as Snapshot) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

type Sleep = { promise: Promise<void>; wake(): void };

function sleep(ms: number): Sleep {
  let wake!: () => void;
  const promise = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { promise, wake };
}

/** One (kind, flow) on this replica: its local subscribers, its lease, and, when leading, the loop. */
class Watch {
  local = 0;
  leading = false;
  stopped = false;
  polls = 0;
  snapshot?: Snapshot;
  private started = false;
  private ticking = false;
  private tickTimer?: NodeJS.Timeout;
  private readonly lease: { tryAcquire(): Promise<boolean>; release(): Promise<void> };
  private leaderGeneration = 0;
  private previous = new Map<string, string>();
  private fresh = true;
  private lastErrorCode?: string;
  private hotUntil = 0;
  private backingOff = false;
  private nap?: Sleep;
  private stopPokes?: () => void;
  private readonly snapshotWaiters = new Set<(s: Snapshot) => void>();
  /** Local feeds' event callbacks: one bus listener per watch, fanned out here. */
  private readonly eventListeners = new Set<(event: PollEvent) => void>();
  private stopEvents?: () => void;

  constructor(
    private readonly poller: ExecutionStatusPoller,
    readonly kind: WatchKind,
    readonly flowName: string,
    readonly key: string,
  ) {
    this.lease = poller.coordination.lease(key);
  }

  addLocal() {
    this.local++;
    if (!this.started) {
      this.started = true;
      void this.tick();
      this.tickTimer = setInterval(() => void this.tick(), this.poller.tickMs);
      this.tickTimer.unref();
    } else if (this.local === 1) {
      void this.tick();
    }
  }

  removeLocal() {
    this.local = Math.max(0, this.local - 1);
    if (this.local > 0) return;
    if (!this.poller.coordination.distributed) {
      this.shutdown();
      return;
    }
    void this.poller.coordination.setInterest(this.key, false).then(() => {
      // Not leading: nothing to keep. Leading: keep polling while another replica is
      // interested (the next tick checks); shut down now if nobody is.
      if (this.local === 0) void this.tick();
    });
  }

  listen(listener: (event: PollEvent) => void): () => void {
    this.eventListeners.add(listener);
    this.stopEvents ??= this.poller.bus.listen(this.poller.topic('events', this.key), (payload) => {
      for (const l of [...this.eventListeners]) l(payload as unknown as PollEvent);
    });
    return () => {
      this.eventListeners.delete(listener);
      if (this.eventListeners.size === 0) {
        this.stopEvents?.();
        this.stopEvents = undefined;
      }
    };
  }

  onSnapshot(waiter: (s: Snapshot) => void): () => void {
    this.snapshotWaiters.add(waiter);
    return () => this.snapshotWaiters.delete(waiter);
  }

  /** Poll soon and stay fast for `hotMs` (a subscriber waits for a run not visible yet). */
  heat(hotMs: number) {
    this.hotUntil = Math.max(this.hotUntil, Date.now() + hotMs);
    if (!this.backingOff) this.nap?.wake();
  }

  private async tick() {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      const coordination = this.poller.coordination;
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
    this.stopPokes = this.poller.bus.listen(this.poller.topic('poke', this.key), (payload) => {
      const hotMs = Number((payload as { hotMs?: number } | null)?.hotMs ?? 0);
      if (hotMs > 0) this.heat(hotMs);
    });
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

  shutdown() {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.tickTimer);
    if (this.leading) this.stopLeading();
    this.poller.forget(this);
  }

  private active(): boolean {
    if (this.hotUntil > Date.now()) return true;
    if (this.snapshot?.kind !== 'runs') return false;
    return this.snapshot.runs.some((r) => ACTIVE_STATUSES.has(r.executionStatus ?? ''));
  }

  private async loop(generation: number) {
    const { activePollMs, idlePollMs, maxBackoffMs } = this.poller.options;
    let failures = 0;
    while (this.leading && generation === this.leaderGeneration && !this.stopped) {
      let delay: number;
      try {
        this.polls++;
        const snapshot = await this.poller.fetch(this.kind, this.flowName);
        if (!this.leading || generation !== this.leaderGeneration || this.stopped) break;
        failures = 0;
        this.backingOff = false;
        await this.absorb(snapshot);
        delay = this.active() ? activePollMs : idlePollMs;
      } catch (error) {
        if (!this.leading || generation !== this.leaderGeneration || this.stopped) break;
        const info = classifyUpstreamError(error);
        if (info.retryable) {
          // Pause: subscribers keep their streams, and events resume with the next good poll.
          failures++;
          this.backingOff = true;
          delay = Math.min(maxBackoffMs, activePollMs * 2 ** failures);
        } else {
          failures = 0;
          this.backingOff = false;
          await this.absorbError(info);
          delay = idlePollMs;
        }
      }
      this.nap = sleep(this.poller.jitter(delay));
      await this.nap.promise;
      this.nap = undefined;
    }
  }

  private snapshotTtl(): number {
    const { idlePollMs, maxBackoffMs, lockTtlMs } = this.poller.options;
    return Math.max(idlePollMs, Math.min(maxBackoffMs, 4 * idlePollMs)) * 2 + lockTtlMs;
  }

  private async absorb(snapshot: Snapshot) {
    const changed: Json[] = [];
    const next = new Map<string, string>();
    let flowChanged = false;
    if (snapshot.kind === 'runs') {
      for (const run of snapshot.runs) {
        const fingerprint = runFingerprint(run);
        next.set(run.executionId, fingerprint);
        if (this.fresh || this.previous.get(run.executionId) !== fingerprint) {
          changed.push(run as unknown as Json);
        }
      }
    } else {
      const fingerprint = flowFingerprint(snapshot.flow);
      next.set('flow', fingerprint);
      flowChanged = this.fresh || this.previous.get('flow') !== fingerprint;
    }
    const full = this.fresh || this.lastErrorCode !== undefined;
    this.previous = next;
    this.fresh = false;
    this.lastErrorCode = undefined;
    this.publishSnapshot(snapshot);
    await this.poller.coordination.saveSnapshot(this.key, snapshot, this.snapshotTtl());
    if (snapshot.kind === 'runs' && (changed.length > 0 || full)) {
      this.poller.publishEvent(this.key, { ...snapshot, runs: changed as never, full });
    } else if (snapshot.kind === 'flow' && (flowChanged || full)) {
      this.poller.publishEvent(this.key, { ...snapshot, full });
    }
  }

  private async absorbError(error: UpstreamError) {
    const snapshot: Snapshot =
      this.kind === 'runs'
        ? {
            kind: 'runs',
            flowName: this.flowName,
            polledAt: Date.now(),
            runs: [],
            hasMore: false,
            error,
          }
        : { kind: 'flow', flowName: this.flowName, polledAt: Date.now(), flow: null, error };
    this.publishSnapshot(snapshot);
    await this.poller.coordination.saveSnapshot(this.key, snapshot, this.snapshotTtl());
    if (this.lastErrorCode !== error.code) {
      this.lastErrorCode = error.code;
      this.fresh = true;
      this.poller.publishEvent(this.key, { ...snapshot, full: true });
    }
  }

  private publishSnapshot(snapshot: Snapshot) {
    this.snapshot = snapshot;
    for (const waiter of [...this.snapshotWaiters]) waiter(snapshot);
  }
}

/** A subscriber's handle on a watch. */
export interface LiveFeed {
  /** The latest known state (waits for the first poll when there is none yet). */
  snapshot(): Promise<Snapshot>;
  /** Ask the poller to poll now and stay fast for `hotMs`. */
  poke(hotMs: number): void;
  close(): void;
}

export interface PollerStats {
  subscribers: number;
  watches: {
    kind: WatchKind;
    flowName: string;
    subscribers: number;
    leading: boolean;
    polls: number;
  }[];
}

export class ExecutionStatusPoller {
  readonly options: Required<Omit<PollerOptions, 'namespace' | 'random'>>;
  readonly coordination: Coordination;
  readonly replicaId = randomUUID();
  /** How often watches refresh interest and renew/compete for the lease. */
  readonly tickMs: number;
  private readonly namespace: string;
  private readonly random: () => number;
  private readonly watches = new Map<string, Watch>();
  private readonly feeds = new Set<LiveFeed>();
  private closed = false;

  constructor(
    private readonly client: AppflowClient,
    readonly bus: EventBus,
    options: PollerOptions,
  ) {
    this.options = {
      activePollMs: options.activePollMs,
      idlePollMs: options.idlePollMs,
      maxBackoffMs: options.maxBackoffMs ?? Math.max(60_000, options.idlePollMs),
      lockTtlMs: options.lockTtlMs ?? 5_000,
      interestTtlMs: options.interestTtlMs ?? 6_000,
      runsPageSize: options.runsPageSize ?? 25,
    };
    this.namespace = options.namespace ?? 'appflow-gateway';
    this.random = options.random ?? Math.random;
    this.tickMs = Math.max(
      50,
      Math.floor(Math.min(this.options.lockTtlMs, this.options.interestTtlMs) / 3),
    );
    this.coordination =
      bus.mode === 'redis'
        ? redisCoordination(
            bus,
            this.namespace,
            this.replicaId,
            this.options.lockTtlMs,
            this.options.interestTtlMs,
          )
        : memoryCoordination;
  }

  /** Subscribe to a flow's runs or status: events go to `onEvent` until `close()`. */
  watch(kind: WatchKind, flowName: string, onEvent: (event: PollEvent) => void): LiveFeed {
    if (this.closed) throw new Error('The poller is closed.');
    const key = `${kind}:${flowName}`;
    let watch = this.watches.get(key);
    if (!watch || watch.stopped) {
      watch = new Watch(this, kind, flowName, key);
      this.watches.set(key, watch);
    }
    const stopListening = watch.listen(onEvent);
    watch.addLocal();
    const current = watch;
    let closed = false;
    const waiters = new Set<() => void>();
    const feed: LiveFeed = {
      snapshot: () =>
        new Promise<Snapshot>((resolve, reject) => {
          if (closed) return reject(new Error('closed'));
          let done = false;
          let timer: NodeJS.Timeout | undefined;
          const finish = (s?: Snapshot) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            offSnapshot();
            waiters.delete(cancel);
            if (s) resolve(s);
            else reject(new Error('closed'));
          };
          const cancel = () => finish();
          waiters.add(cancel);
          const offSnapshot = current.onSnapshot((s) => finish(s));
          const check = async () => {
            if (done) return;
            if (current.snapshot && (current.leading || !this.coordination.distributed)) {
              return finish(current.snapshot);
            }
            const stored = await this.coordination.loadSnapshot(key);
            if (stored) return finish(stored);
            if (!done) timer = setTimeout(check, Math.min(250, this.options.activePollMs));
          };
          void check();
        }),
      poke: (hotMs) => {
        if (!closed) this.bus.publish(this.topic('poke', key), { hotMs });
      },
      close: () => {
        if (closed) return;
        closed = true;
        this.feeds.delete(feed);
        for (const cancel of [...waiters]) cancel();
        stopListening();
        current.removeLocal();
      },
    };
    this.feeds.add(feed);
    return feed;
  }

  /** Local subscribers of a flow's runs or status on this replica. */
  subscriberCount(kind: WatchKind, flowName: string): number {
    return this.watches.get(`${kind}:${flowName}`)?.local ?? 0;
  }

  stats(): PollerStats {
    const watches = [...this.watches.values()].map((w) => ({
      kind: w.kind,
      flowName: w.flowName,
      subscribers: w.local,
      leading: w.leading,
      polls: w.polls,
    }));
    return { subscribers: watches.reduce((n, w) => n + w.subscribers, 0), watches };
  }

  /**
   * Look a run up beyond the polled page (bounded: 5 pages of 100). A one-off call for a
   * subscriber asking about an old run, which is terminal anyway.
   */
  async findRun(flowName: string, executionId: string): Promise<RunJson | null> {
    let nextToken: string | undefined;
    for (let page = 0; page < 5; page++) {
      const answer = await this.client.send(
        new DescribeFlowExecutionRecordsCommand({ flowName, nextToken, maxResults: 100 }),
      );
      const found = answer.flowExecutions?.find((r) => r.executionId === executionId);
      if (found) return toJson(found) as unknown as RunJson;
      if (!answer.nextToken) return null;
      nextToken = answer.nextToken;
    }
    return null;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const feed of [...this.feeds]) feed.close();
    for (const watch of [...this.watches.values()]) watch.shutdown();
  }

  // ---- used by Watch ----

  topic(kind: 'events' | 'poke', key: string): string {
    return `${this.namespace}:${kind}:${key}`;
  }

  publishEvent(key: string, event: PollEvent) {
    this.bus.publish(this.topic('events', key), event as unknown as Json);
  }

  forget(watch: Watch) {
    if (this.watches.get(watch.key) === watch) this.watches.delete(watch.key);
  }

  jitter(ms: number): number {
    // +-20%: replicas and flows do not poll in lockstep.
    return Math.max(10, Math.round(ms * (0.8 + 0.4 * this.random())));
  }

  async fetch(kind: WatchKind, flowName: string): Promise<Snapshot> {
    if (kind === 'runs') {
      const answer = await this.client.send(
        new DescribeFlowExecutionRecordsCommand({
          flowName,
          maxResults: this.options.runsPageSize,
        }),
      );
      return {
        kind: 'runs',
        flowName,
        polledAt: Date.now(),
        runs: (answer.flowExecutions ?? [])
          .filter((r) => r.executionId)
          .map((r) => toJson(r) as unknown as RunJson),
        hasMore: Boolean(answer.nextToken),
      };
    }
    const { $metadata: _, ...flow } = await this.client.send(new DescribeFlowCommand({ flowName }));
    return {
      kind: 'flow',
      flowName,
      polledAt: Date.now(),
      flow: toJson(flow) as unknown as FlowJson,
    };
  }
}

/** A Redis namespace per AppFlow target, so gateways for different accounts never mix. */
export function pollerNamespace(endpoint: string | undefined, region: string): string {
  const target = createHash('sha256')
    .update(`${region}|${endpoint ?? 'aws'}`)
    .digest('hex')
    .slice(0, 12);
  return `appflow-gateway:live:${target}`;
}

/** Per-connection and total limits of live subscriptions on this replica. */
export class SubscriptionLimits {
  private total = 0;
  private readonly byConnection = new WeakMap<object, number>();
  /** Connections named by a token (graphql-sse single-connection mode). */
  private readonly byToken = new Map<string, number>();

  constructor(
    readonly maxPerConnection: number,
    readonly maxTotal: number,
  ) {}

  get active(): number {
    return this.total;
  }

  /** A release function, or which limit would be exceeded. */
  acquire(
    connection: object | string,
  ): (() => void) | { exceeded: 'connection' | 'total'; limit: number } {
    const get = () =>
      (typeof connection === 'string'
        ? this.byToken.get(connection)
        : this.byConnection.get(connection)) ?? 0;
    const set = (n: number) => {
      if (typeof connection !== 'string') this.byConnection.set(connection, n);
      else if (n > 0) this.byToken.set(connection, n);
      else this.byToken.delete(connection);
    };
    const mine = get();
    if (mine >= this.maxPerConnection) {
      return { exceeded: 'connection', limit: this.maxPerConnection };
    }
    if (this.total >= this.maxTotal) return { exceeded: 'total', limit: this.maxTotal };
    set(mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      set(Math.max(0, get() - 1));
    };
  }
}

/** The live-status services of one gateway: event bus, poller, limits. */
export interface LiveServices {
  bus: EventBus;
  poller: ExecutionStatusPoller;
  limits: SubscriptionLimits;
  /** How long executionUpdated waits for a run id AppFlow does not show yet. */
  visibilityTimeoutMs: number;
  close(): Promise<void>;
}

export interface LiveOptions extends Partial<PollerOptions> {
  visibilityTimeoutMs?: number;
}

export function createLiveServices(
  client: AppflowClient,
  config: {
    redisUrl?: string;
    appflowEndpoint?: string;
    region: string;
    subscriptions: {
      maxPerConnection: number;
      maxTotal: number;
      activePollMs: number;
      idlePollMs: number;
    };
  },
  overrides: LiveOptions = {},
): LiveServices {
  const bus = createEventBus(config.redisUrl);
  const { visibilityTimeoutMs, ...pollerOverrides } = overrides;
  const poller = new ExecutionStatusPoller(client, bus, {
    activePollMs: config.subscriptions.activePollMs,
    idlePollMs: config.subscriptions.idlePollMs,
    namespace: pollerNamespace(config.appflowEndpoint, config.region),
    ...pollerOverrides,
  });
  return {
    bus,
    poller,
    limits: new SubscriptionLimits(
      config.subscriptions.maxPerConnection,
      config.subscriptions.maxTotal,
    ),
    visibilityTimeoutMs:
      visibilityTimeoutMs ?? Math.max(60_000, 10 * config.subscriptions.activePollMs),
    async close() {
      await poller.close();
      await bus.close();
    },
  };
}

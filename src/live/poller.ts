/**
 * FlowPoller: polls flows for their subscribers, a flow's runs (DescribeFlowExecutionRecords)
 * and a flow's status (DescribeFlow), with one loop per watched flow per deployment shared by
 * all of its subscribers. AppFlow has no push for either, so somebody has to poll; this makes
 * it one loop:
 *
 * - a FlowWatch (watch.ts) per (kind, flow) on each replica counts that replica's subscribers;
 *   it starts with the first and stops when the last leaves;
 * - with Redis, the watches of one flow coordinate across replicas (coordination.ts): one holds
 *   the lease and polls, writes the latest result to Redis and publishes changes on the event
 *   bus (pubsub.ts); if it dies, the lease expires and another interested replica polls. While
 *   Redis is unavailable each replica with subscribers polls for itself;
 * - subscribers drop what they already have (tracker.ts).
 *
 * It reads AppFlow only through a FlowSource (src/yoga.ts wires it to the services reader).
 * Transport-agnostic: streams.ts turns feeds into subscription streams.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { DescribeFlowResponse, ExecutionRecord } from '@aws-sdk/client-appflow';
import type { SharedRedis } from '../redis.js';
import { type Coordination, memoryCoordination, redisCoordination } from './coordination.js';
import { type EventBus, type Json, toJson } from './pubsub.js';
import type { LiveState } from './state.js';
import type {
  FlowEvent,
  FlowJson,
  PollEvent,
  PolledFlow,
  PolledRuns,
  PollResult,
  RunJson,
  RunsEvent,
  WatchKind,
} from './tracker.js';
import { type Clock, FlowWatch, systemClock, type WatchHost, type WatchTiming } from './watch.js';

/** Where the poller reads AppFlow. Failures reject with what AppFlow (or the reader) threw. */
export interface FlowSource {
  /** The newest page of a flow's runs, uncached. */
  pollRuns(
    flowName: string,
    pageSize: number,
  ): Promise<{ runs: readonly ExecutionRecord[]; hasMore: boolean }>;
  /** The flow, fresh; null when AppFlow does not know it. */
  pollFlow(flowName: string): Promise<DescribeFlowResponse | null>;
  /** A run beyond the polled page (a bounded lookup); null when it is not found. */
  findRun(flowName: string, executionId: string): Promise<ExecutionRecord | null>;
}

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
  /** The poll interval while EventBridge events arrive (reconciliation only). */
  reconcilePollMs?: number;
  /** Jitter source (tests). */
  random?: () => number;
  clock?: Clock;
}

/** A subscriber's handle on a watch. */
export interface LiveFeed<T extends PollResult = PollResult> {
  /** The latest known result (waits for the first poll when there is none yet). */
  latest(): Promise<T>;
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

/** The failure the reader turns into `null`: the flow does not exist (any more). */
function flowNotFound(flowName: string): Error {
  return Object.assign(new Error(`Flow "${flowName}" was not found.`), {
    name: 'ResourceNotFoundException',
  });
}

export class FlowPoller {
  readonly replicaId = randomUUID();
  readonly coordination: Coordination;
  readonly timing: WatchTiming;
  private readonly host: WatchHost;
  private readonly namespace: string;
  private readonly watches = new Map<string, FlowWatch>();
  private readonly feeds = new Set<LiveFeed>();
  private readonly stopRechecks?: () => void;
  private closed = false;

  constructor(
    private readonly source: FlowSource,
    private readonly bus: EventBus,
    private readonly options: PollerOptions,
    redis?: SharedRedis,
    /** Polled runs go to the live state, which publishes what is news (state.ts). */
    private readonly state?: LiveState,
    /** EventBridge events arrive: idle polls wait the reconcile interval. */
    eventsFlowing: () => boolean = () => false,
  ) {
    const lockTtlMs = options.lockTtlMs ?? 5_000;
    const interestTtlMs = options.interestTtlMs ?? 6_000;
    this.timing = {
      activePollMs: options.activePollMs,
      idlePollMs: options.idlePollMs,
      maxBackoffMs: options.maxBackoffMs ?? Math.max(60_000, options.idlePollMs),
      lockTtlMs,
      tickMs: Math.max(50, Math.floor(Math.min(lockTtlMs, interestTtlMs) / 3)),
    };
    this.namespace = options.namespace ?? 'appflow-gateway';
    this.coordination = redis
      ? redisCoordination(redis, {
          namespace: this.namespace,
          replicaId: this.replicaId,
          lockTtlMs,
          interestTtlMs,
        })
      : memoryCoordination;
    // Redis went away or came back: poll locally, or re-elect one poller, without waiting a tick.
    this.stopRechecks = redis?.onAvailability(() => {
      for (const watch of this.watches.values()) watch.recheck();
    });
    const random = options.random ?? Math.random;
    const topic = (kind: 'events' | 'poke', key: string) => this.topic(kind, key);
    this.host = {
      coordination: this.coordination,
      clock: options.clock ?? systemClock,
      timing: this.timing,
      // +-20%: replicas and flows do not poll in lockstep.
      jitter: (ms) => Math.max(10, Math.round(ms * (0.8 + 0.4 * random()))),
      runsFromState: Boolean(state),
      pace: (active) =>
        options.reconcilePollMs && eventsFlowing()
          ? options.reconcilePollMs
          : active
            ? options.activePollMs
            : options.idlePollMs,
      poll: (kind, flowName) => this.poll(kind, flowName),
      publishEvent: (key, event) =>
        this.bus.publish(topic('events', key), event as unknown as Json),
      listenEvents: (key, listener) =>
        this.bus.listen(topic('events', key), (payload) =>
          listener(payload as unknown as PollEvent),
        ),
      listenPokes: (key, onPoke) =>
        this.bus.listen(topic('poke', key), (payload) => {
          const hotMs = Number((payload as { hotMs?: number } | null)?.hotMs ?? 0);
          if (hotMs > 0) onPoke(hotMs);
        }),
      forget: (watch) => {
        if (this.watches.get(watch.key) === watch) this.watches.delete(watch.key);
      },
    };
  }

  private topic(kind: 'events' | 'poke', key: string): string {
    return `${this.namespace}:${kind}:${key}`;
  }

  /** Subscribe to a flow's runs or status: events go to `onEvent` until `close()`. */
  watch(kind: 'runs', flowName: string, onEvent: (event: RunsEvent) => void): LiveFeed<PolledRuns>;
  watch(kind: 'flow', flowName: string, onEvent: (event: FlowEvent) => void): LiveFeed<PolledFlow>;
  watch(kind: WatchKind, flowName: string, onEvent: (event: never) => void): LiveFeed {
    if (this.closed) throw new Error('The poller is closed.');
    const key = `${kind}:${flowName}`;
    let watch = this.watches.get(key);
    if (!watch || watch.stopped) {
      watch = new FlowWatch(this.host, kind, flowName, key);
      this.watches.set(key, watch);
    }
    const stopListening = watch.listen(onEvent as (event: PollEvent) => void);
    watch.addLocal();
    const current = watch;
    let closed = false;
    const waiters = new Set<() => void>();
    const feed: LiveFeed = {
      latest: () =>
        new Promise<PollResult>((resolve, reject) => {
          if (closed) return reject(new Error('closed'));
          let done = false;
          let timer: NodeJS.Timeout | undefined;
          const finish = (result?: PollResult) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            offResult();
            waiters.delete(cancel);
            if (result) resolve(result);
            else reject(new Error('closed'));
          };
          const cancel = () => finish();
          waiters.add(cancel);
          const offResult = current.onResult((result) => finish(result));
          const check = async () => {
            if (done) return;
            if (current.latest && (current.leading || !this.coordination.distributed)) {
              return finish(current.latest);
            }
            const stored = await this.coordination.loadLatest(key);
            if (stored) return finish(stored);
            if (!done) timer = setTimeout(check, Math.min(250, this.timing.activePollMs));
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

  /**
   * A mutation started, stopped or cancelled something of this flow: whichever replica polls
   * it polls now and stays fast for `hotMs`, so subscribers see the change at once instead of
   * at the next idle poll.
   */
  notifyChanged(flowName: string, hotMs = 30_000): void {
    if (this.closed) return;
    for (const kind of ['runs', 'flow'] as const) {
      this.bus.publish(this.topic('poke', `${kind}:${flowName}`), { hotMs });
    }
  }

  /**
   * Runs of a flow the live state accepted (from any source): to its subscribers on every
   * replica, as a runs event.
   */
  publishRuns(flowName: string, runs: RunJson[]): void {
    if (this.closed || runs.length === 0) return;
    const event: RunsEvent = {
      kind: 'runs',
      flowName,
      polledAt: this.host.clock.now(),
      runs,
      hasMore: false,
      full: false,
    };
    this.bus.publish(this.topic('events', `runs:${flowName}`), event as unknown as Json);
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

  /** A run beyond the polled page: a one-off lookup for a subscriber asking about an old run. */
  async findRun(flowName: string, executionId: string): Promise<RunJson | null> {
    const run = await this.source.findRun(flowName, executionId);
    return run ? (toJson(run) as unknown as RunJson) : null;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopRechecks?.();
    for (const feed of [...this.feeds]) feed.close();
    for (const watch of [...this.watches.values()]) watch.shutdown();
  }

  private async poll(kind: WatchKind, flowName: string): Promise<PollResult> {
    const polledAt = this.host.clock.now();
    if (kind === 'runs') {
      const { runs, hasMore } = await this.source.pollRuns(
        flowName,
        this.options.runsPageSize ?? 25,
      );
      const json = runs.filter((r) => r.executionId).map((r) => toJson(r) as unknown as RunJson);
      // What is news in this page, the state publishes (once, whoever else reported it).
      await this.state?.applyRuns(flowName, json, 'poll');
      return { kind: 'runs', flowName, polledAt, runs: json, hasMore };
    }
    const flow = await this.source.pollFlow(flowName);
    if (!flow) throw flowNotFound(flowName);
    return { kind: 'flow', flowName, polledAt, flow: toJson(flow) as unknown as FlowJson };
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

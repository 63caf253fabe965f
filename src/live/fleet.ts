/**
 * FleetWatcher: every run start, status change and end on every flow of the account, for the
 * `flowRunEvents` subscription, at a cost that does not grow with subscribers:
 *
 * - one loop per deployment: the replicas with subscribers compete for one lease (Redis, as
 *   the per-flow FlowPoller does, coordination.ts); the holder polls;
 * - what it learns goes to the live state (state.ts), which decides what is news and publishes
 *   it on the event bus, to every replica's subscribers. Mutations and EventBridge events write
 *   to the same state, so the fleet hears of them at once and never reports a change twice;
 * - each poll reads ListFlows' pages (100 flows a page): a flow whose `lastRunExecutionDetails`
 *   changed, or that has a run in progress in the state, has its runs read
 *   (DescribeFlowExecutionRecords). A run that started and ended between two polls is a new
 *   execution id in that page: it is reported FINISHED (it was never seen in progress);
 * - polls are fast (activePollMs) while any run is in progress, slow (idlePollMs) otherwise,
 *   and at the reconcile interval while EventBridge events arrive (events.ts).
 *
 * Subscribers filter the events they get (FlowFilter, matched against the ListFlows item the
 * event carries), and drop what they already have: each run's end once.
 */
import type { FlowDefinition } from '@aws-sdk/client-appflow';
import { GraphQLError } from 'graphql';
import { Repeater } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { classifyAppflowError } from '../appflow/errors.js';
import { lastRunFingerprint } from '../services/reader/index.js';
import type { Coordination, Lease } from './coordination.js';
import type { FlowSource } from './poller.js';
import { type EventBus, type Json, toJson } from './pubsub.js';
import type { FlowItem, LiveState, RunChange, RunChangeKind } from './state.js';
import { ACTIVE_STATUSES, type RunJson, TERMINAL_STATUSES, type UpstreamError } from './tracker.js';

/** Where the fleet loop reads AppFlow. */
export interface FleetSource extends Pick<FlowSource, 'pollRuns'> {
  /** One ListFlows page (at most 100 flows). */
  listFlows(
    nextToken: string | undefined,
  ): Promise<{ items: FlowDefinition[]; nextToken?: string }>;
}

export type FleetEventKind = RunChangeKind;

/** One event, as plain JSON (it crosses Redis). */
export interface FleetEvent {
  kind: FleetEventKind;
  flowName: string;
  /** The flow as ListFlows listed it (for filters and the graph's Flow). */
  flow: { flowName: string; [member: string]: Json | undefined };
  execution: RunJson;
  previousStatus: string | null;
}

/** What goes on the bus: an event, or a failure of the loop that will not pass by itself. */
type FleetMessage = FleetEvent | { error: UpstreamError };

export interface FleetOptions {
  activePollMs: number;
  idlePollMs: number;
  /** The poll interval while EventBridge events arrive (reconciliation only). */
  reconcilePollMs?: number;
  namespace: string;
  /** Lease of the one loop; a dead holder is replaced after at most this (default 5 s). */
  lockTtlMs?: number;
  /** Runs read per flow that changed (default 10). */
  runsPageSize?: number;
}

export interface FleetStats {
  subscribers: number;
  leading: boolean;
  polls: number;
  listFlowsCalls: number;
  runsCalls: number;
}

const isActive = (status: string | undefined) => ACTIVE_STATUSES.has(status ?? '');
const STATE_KEY = 'fleet';

/** The fleet event of a change the live state accepted (null: not a fleet event). */
export function fleetEventOf(change: RunChange): FleetEvent | null {
  if (change.kind === 'UPDATED') return null;
  return {
    kind: change.kind,
    flowName: change.flowName,
    flow: toJson(change.flow) as FleetEvent['flow'],
    execution: change.run,
    previousStatus: change.previousStatus,
  };
}

export class FleetWatcher {
  private readonly listeners = new Set<(message: FleetMessage) => void>();
  /** Consecutive retryable failures (throttling, 5xx): the backoff grows with them. */
  private failures = 0;
  /** The code of the last failure subscribers were told about (told once per code). */
  private lastErrorCode?: string;
  /** The last listing's flows (names, status, lastUpdatedAt), to tell list changes. */
  private listShape?: string;
  readonly topic: string;
  private readonly lease: Lease;
  private stopListening?: () => void;
  private timer?: NodeJS.Timeout;
  private leading = false;
  private nextPollAt = 0;
  private polling = false;
  private closed = false;
  private readonly counters = { polls: 0, listFlowsCalls: 0, runsCalls: 0 };

  constructor(
    private readonly source: FleetSource,
    private readonly bus: EventBus,
    coordination: Coordination,
    private readonly state: LiveState,
    private readonly options: FleetOptions,
    /** Events arrive: poll at the reconcile interval. */
    private readonly eventsFlowing: () => boolean = () => false,
  ) {
    this.topic = `${options.namespace}:fleet:events`;
    this.lease = coordination.lease(STATE_KEY);
  }

  private get lockTtlMs() {
    return this.options.lockTtlMs ?? 5_000;
  }

  /** Publish a change the state accepted, to every replica's subscribers. */
  publish(change: RunChange): void {
    const event = fleetEventOf(change);
    if (event) this.bus.publish(this.topic, event as unknown as Json);
  }

  /** Get every event until the returned function is called. */
  subscribe(listener: (message: FleetMessage) => void): () => void {
    if (this.closed) throw new Error('The fleet watcher is closed.');
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.stop();
    };
  }

  stats(): FleetStats {
    return { subscribers: this.listeners.size, leading: this.leading, ...this.counters };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.stop();
  }

  private start() {
    this.stopListening = this.bus.listen(this.topic, (payload) => {
      const message = payload as unknown as FleetMessage;
      // A run started (a mutation, an event, another replica): the leader follows it at the
      // active pace from now, not after the rest of an idle interval.
      if (!('error' in message) && message.kind === 'STARTED') this.hasten();
      for (const listener of [...this.listeners]) listener(message);
    });
    this.nextPollAt = 0;
    this.schedule(0);
  }

  private async stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stopListening?.();
    this.stopListening = undefined;
    if (this.leading) {
      this.leading = false;
      await this.lease.release();
    }
  }

  /** Poll within activePollMs (unless events arrive: they will tell the end). */
  private hasten() {
    if (!this.leading || this.polling || (this.options.reconcilePollMs && this.eventsFlowing())) {
      return;
    }
    const soon = Date.now() + this.options.activePollMs;
    if (this.nextPollAt > soon) {
      this.nextPollAt = soon;
      this.schedule(this.options.activePollMs);
    }
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  /** Renew (or take) the lease; poll when a poll is due. */
  private async tick() {
    if (this.closed || this.listeners.size === 0 || this.polling) return;
    const tickMs = Math.max(50, Math.min(this.options.activePollMs, this.lockTtlMs / 3));
    try {
      const leading = await this.lease.tryAcquire();
      if (leading && !this.leading) this.nextPollAt = 0;
      this.leading = leading;
      if (leading && Date.now() >= this.nextPollAt) {
        this.polling = true;
        const active = await this.poll().finally(() => {
          this.polling = false;
        });
        this.failures = 0;
        this.lastErrorCode = undefined;
        const { activePollMs, idlePollMs, reconcilePollMs } = this.options;
        this.nextPollAt =
          Date.now() +
          (reconcilePollMs && this.eventsFlowing()
            ? reconcilePollMs
            : active
              ? activePollMs
              : idlePollMs);
      }
    } catch (error) {
      const { code, message, retryable } = classifyAppflowError(error);
      const { activePollMs, idlePollMs } = this.options;
      if (retryable) {
        // Throttled or AppFlow down: events pause, subscribers stay, polls back off.
        this.failures++;
        const backoff = Math.min(Math.max(60_000, idlePollMs), activePollMs * 2 ** this.failures);
        this.nextPollAt = Date.now() + backoff;
      } else {
        // It will not pass by itself (access denied): subscribers are told, once.
        if (this.lastErrorCode !== code) {
          this.lastErrorCode = code;
          this.bus.publish(this.topic, { error: { code, message, retryable } } as unknown as Json);
        }
        this.nextPollAt = Date.now() + idlePollMs;
      }
    }
    if (this.listeners.size > 0 && !this.closed) {
      this.schedule(Math.max(0, Math.min(tickMs, this.nextPollAt - Date.now())));
    }
  }

  /** One poll of the fleet; true while some run is in progress. */
  private async poll(): Promise<boolean> {
    const flows: FlowDefinition[] = [];
    let token: string | undefined;
    do {
      this.counters.listFlowsCalls++;
      const page = await this.source.listFlows(token);
      flows.push(...page.items.filter((f) => f.flowName));
      token = page.nextToken;
    } while (token);
    const items = flows.map((f) => toJson(f) as unknown as FlowItem);
    const fingerprint = (f: FlowItem) =>
      lastRunFingerprint(f.lastRunExecutionDetails as Parameters<typeof lastRunFingerprint>[0]);
    const listed = await this.state.noteListed(items, fingerprint);
    // What runs do not show: a flow added, removed or (de)activated since this loop's last look.
    const shape = JSON.stringify(items.map((i) => [i.flowName, i.flowStatus, i.lastUpdatedAt]));
    if (this.listShape !== undefined && shape !== this.listShape) this.state.listChanged();
    this.listShape = shape;
    let active = false;
    const reads = items
      .map((item, i) => ({ item, note: listed[i]!, flow: flows[i]! }))
      .filter(({ note, flow }) => {
        const running = isActive(flow.lastRunExecutionDetails?.mostRecentExecutionStatus);
        if (running || note.activeRuns > 0) active = true;
        // A new flow's first listing is its baseline: only its runs in progress are read.
        return note.baseline ? running : note.changed || note.activeRuns > 0 || running;
      });
    const settled = await Promise.allSettled(
      reads.map(async ({ item, note }) => {
        this.counters.runsCalls++;
        const { runs } = await this.source.pollRuns(item.flowName, this.options.runsPageSize ?? 10);
        const json = runs.map((r) => toJson(r) as unknown as RunJson);
        if (json.some((r) => isActive(r.executionStatus))) active = true;
        await this.state.applyRuns(item.flowName, json, 'list', item, note.baseline);
      }),
    );
    const failed = reads.filter((_, i) => settled[i]!.status === 'rejected');
    if (failed.length > 0) {
      // Their runs were not read: the next poll must see them as changed, not as known.
      await this.state.noteListed(
        failed.map((f) => f.item),
        () => 'unread',
      );
      throw (settled.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason;
    }
    // Counted once done: `polls` is the number of complete polls (baselines included).
    this.counters.polls++;
    return active;
  }
}

/**
 * A subscriber's stream of fleet events: the events whose flow `matches`, or a GraphQL error
 * (for that one item) when the loop fails for good, holding one of the connection's
 * subscriptions (`reserve`), given back however the stream ends.
 */
export function fleetStream(
  fleet: FleetWatcher,
  reserve: () => () => void,
  matches: (flow: FleetEvent['flow']) => boolean,
): AsyncIterableIterator<FleetEvent | GraphQLError> {
  const release = reserve();
  // Runs whose end this subscriber got: nothing more of them (a repeat from another source, a
  // late STARTED), so each run's end reaches it exactly once.
  const ended = new LRUCache<string, true>({ max: 10_000 });
  return new Repeater<FleetEvent | GraphQLError>(async (push, stop) => {
    const unsubscribe = fleet.subscribe((message) => {
      if ('error' in message) {
        const { code, message: text } = message.error;
        void push(new GraphQLError(text, { extensions: { code } })).catch(() => {});
        return;
      }
      if (!matches(message.flow)) return;
      const key = `${message.flowName}/${message.execution.executionId}`;
      if (ended.has(key)) return;
      if (TERMINAL_STATUSES.has(message.execution.executionStatus ?? '')) ended.set(key, true);
      void push(message).catch(() => {});
    });
    await stop;
    unsubscribe();
    release();
  });
}

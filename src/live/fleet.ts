/**
 * FleetWatcher: every run start, status change and end on every flow of the account, for the
 * `flowRunEvents` subscription, at a cost that does not grow with subscribers:
 *
 * - one loop per deployment: the replicas with subscribers compete for one lease (Redis, as
 *   the per-flow FlowPoller does, coordination.ts); the holder polls and publishes events on
 *   the event bus, which every replica's subscribers listen to. Its state (what it has seen)
 *   is saved in Redis, so a replica that takes over goes on where the last one stopped;
 * - each poll reads ListFlows' pages (100 flows a page): their `lastRunExecutionDetails` tell
 *   which flows have a new or changed last run. DescribeFlowExecutionRecords is called only
 *   for those, and for flows with a run in progress (a run that is not the newest changes
 *   without changing ListFlows' answer);
 * - polls are fast (activePollMs) while any run is in progress, slow (idlePollMs) otherwise.
 *
 * Subscribers filter the events they get (FlowFilter, matched against the ListFlows item the
 * event carries).
 */
import type { ExecutionRecord, FlowDefinition } from '@aws-sdk/client-appflow';
import { GraphQLError } from 'graphql';
import { Repeater } from 'graphql-yoga';
import { classifyAppflowError } from '../appflow/errors.js';
import { lastRunFingerprint } from '../services/reader/index.js';
import type { Coordination, Lease } from './coordination.js';
import type { FlowSource } from './poller.js';
import { type EventBus, type Json, toJson } from './pubsub.js';
import {
  ACTIVE_STATUSES,
  type PollResult,
  type RunJson,
  TERMINAL_STATUSES,
  type UpstreamError,
} from './tracker.js';

/** Where the fleet loop reads AppFlow. */
export interface FleetSource extends Pick<FlowSource, 'pollRuns'> {
  /** One ListFlows page (at most 100 flows). */
  listFlows(
    nextToken: string | undefined,
  ): Promise<{ items: FlowDefinition[]; nextToken?: string }>;
}

export type FleetEventKind = 'STARTED' | 'STATUS_CHANGED' | 'FINISHED';

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
  namespace: string;
  /** Lease of the one loop; a dead holder is replaced after at most this (default 5 s). */
  lockTtlMs?: number;
  /** Runs read per flow that changed (default 10). */
  runsPageSize?: number;
}

/** What the loop knows of one flow. */
interface FlowState {
  /** lastRunFingerprint of ListFlows' lastRunExecutionDetails. */
  fp: string;
  /** mostRecentExecutionTime (ms) and status, as ListFlows last said. */
  time?: number;
  status?: string;
  /** Runs seen in progress, by id: their status. */
  active: Record<string, string>;
}

interface FleetState {
  flows: Record<string, FlowState>;
  /** When it was saved (ms): an old state is not taken over (its changes are news no more). */
  savedAt: number;
}

export interface FleetStats {
  subscribers: number;
  leading: boolean;
  polls: number;
  listFlowsCalls: number;
  runsCalls: number;
}

const isActive = (status: string | undefined) => ACTIVE_STATUSES.has(status ?? '');
const isTerminal = (status: string | undefined) => TERMINAL_STATUSES.has(status ?? '');
const STATE_KEY = 'fleet';

export class FleetWatcher {
  private readonly listeners = new Set<(message: FleetMessage) => void>();
  /** Consecutive retryable failures (throttling, 5xx): the backoff grows with them. */
  private failures = 0;
  /** The code of the last failure subscribers were told about (told once per code). */
  private lastErrorCode?: string;
  private readonly topic: string;
  private readonly lease: Lease;
  private stopListening?: () => void;
  private timer?: NodeJS.Timeout;
  private state?: FleetState;
  private leading = false;
  private nextPollAt = 0;
  private polling = false;
  private closed = false;
  private readonly counters = { polls: 0, listFlowsCalls: 0, runsCalls: 0 };

  constructor(
    private readonly source: FleetSource,
    private readonly bus: EventBus,
    private readonly coordination: Coordination,
    private readonly options: FleetOptions,
  ) {
    this.topic = `${options.namespace}:fleet:events`;
    this.lease = coordination.lease(STATE_KEY);
  }

  private get lockTtlMs() {
    return this.options.lockTtlMs ?? 5_000;
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
    // The next subscriber starts from a new baseline, not from changes nobody was told about.
    this.state = undefined;
    if (this.leading) {
      this.leading = false;
      await this.lease.release();
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
      if (leading && !this.leading) {
        // Took over: go on from what the last holder saw (or from a baseline).
        const saved = this.coordination.distributed
          ? ((await this.coordination.loadLatest(STATE_KEY)) as unknown as FleetState | undefined)
          : undefined;
        const recent = saved?.flows && Date.now() - saved.savedAt < 3 * this.options.idlePollMs;
        this.state = recent ? saved : this.state;
        this.nextPollAt = 0;
      }
      this.leading = leading;
      if (leading && Date.now() >= this.nextPollAt) {
        this.polling = true;
        const active = await this.poll().finally(() => {
          this.polling = false;
        });
        this.failures = 0;
        this.lastErrorCode = undefined;
        this.nextPollAt =
          Date.now() + (active ? this.options.activePollMs : this.options.idlePollMs);
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
      flows.push(...page.items);
      token = page.nextToken;
    } while (token);
    const baseline = !this.state;
    const before = this.state?.flows ?? {};
    const after: Record<string, FlowState> = {};
    const events: FleetEvent[] = [];
    const changed = flows.filter((flow) => {
      const name = flow.flowName;
      if (!name) return false;
      const details = flow.lastRunExecutionDetails;
      const fp = lastRunFingerprint(details);
      const known = before[name];
      after[name] = {
        fp,
        time: details?.mostRecentExecutionTime
          ? new Date(details.mostRecentExecutionTime).getTime()
          : undefined,
        status: details?.mostRecentExecutionStatus,
        active: known?.active ?? {},
      };
      if (baseline) return isActive(details?.mostRecentExecutionStatus);
      if (!known) return Boolean(details?.mostRecentExecutionTime);
      return known.fp !== fp || Object.keys(known.active).length > 0;
    });
    await Promise.all(
      changed.map(async (flow) => {
        const name = flow.flowName!;
        this.counters.runsCalls++;
        const { runs } = await this.source.pollRuns(name, this.options.runsPageSize ?? 10);
        const state = after[name]!;
        if (!baseline) events.push(...runEvents(flow, before[name], runs));
        state.active = Object.fromEntries(
          runs
            .filter((r) => r.executionId && isActive(r.executionStatus))
            .map((r) => [r.executionId!, r.executionStatus!]),
        );
      }),
    );
    this.state = { flows: after, savedAt: Date.now() };
    if (this.coordination.distributed) {
      await this.coordination.saveLatest(
        STATE_KEY,
        this.state as unknown as PollResult,
        Math.max(60_000, 10 * this.options.idlePollMs),
      );
    }
    for (const event of events) this.bus.publish(this.topic, event as unknown as Json);
    // Counted once done: `polls` is the number of complete polls (baselines included).
    this.counters.polls++;
    return Object.values(after).some((f) => Object.keys(f.active).length > 0 || isActive(f.status));
  }
}

/** The events of one flow whose runs were read, from what was known of it before. */
function runEvents(
  flow: FlowDefinition,
  known: FlowState | undefined,
  runs: readonly ExecutionRecord[],
): FleetEvent[] {
  const flowJson = toJson(flow) as FleetEvent['flow'];
  const events: FleetEvent[] = [];
  const event = (kind: FleetEventKind, run: ExecutionRecord, previousStatus: string | null) =>
    events.push({
      kind,
      flowName: flow.flowName!,
      flow: flowJson,
      execution: toJson(run) as unknown as RunJson,
      previousStatus,
    });
  // Oldest first, so a subscriber sees a flow's events in the order they happened.
  for (const run of [...runs].reverse()) {
    const id = run.executionId;
    const status = run.executionStatus;
    if (!id || !status) continue;
    const started = run.startedAt ? new Date(run.startedAt).getTime() : 0;
    const seenActive = known?.active[id];
    let previous: string | null | undefined;
    if (seenActive !== undefined) previous = seenActive;
    else if (known?.time !== undefined && started === known.time) previous = known.status ?? null;
    else if (!known || known.time === undefined || started > known.time) {
      // A run the loop had not seen: it started since the last poll.
      event('STARTED', run, null);
      previous = 'InProgress';
      if (!isTerminal(status) && status === 'InProgress') continue;
    } else continue;
    if (previous === status) continue;
    if (isTerminal(status)) event('FINISHED', run, previous);
    else event('STATUS_CHANGED', run, previous);
  }
  return events;
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
  return new Repeater<FleetEvent | GraphQLError>(async (push, stop) => {
    const unsubscribe = fleet.subscribe((message) => {
      if ('error' in message) {
        const { code, message: text } = message.error;
        void push(new GraphQLError(text, { extensions: { code } })).catch(() => {});
      } else if (matches(message.flow)) {
        void push(message).catch(() => {});
      }
    });
    await stop;
    unsubscribe();
    release();
  });
}

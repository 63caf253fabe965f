/**
 * The live-status package of one gateway: the live state of every flow (state.ts), the event
 * bus, the shared flow poller, the fleet loop, AppFlow's EventBridge events, the subscription
 * limits and the streams the graph's subscriptions return.
 */
import type { RedisConnections } from '../redis.js';
import { EventIntake, EventPace } from './events.js';
import { type FleetSource, FleetWatcher } from './fleet.js';
import { SubscriptionLimits } from './limits.js';
import { FlowPoller, type FlowSource, type PollerOptions, pollerNamespace } from './poller.js';
import { createEventBus, type EventBus } from './pubsub.js';
import { LiveState, type RunChange } from './state.js';
import { LiveStreams } from './streams.js';

export interface LiveServices {
  bus: EventBus;
  /** The one state per flow every source writes and every reader follows. */
  state: LiveState;
  poller: FlowPoller;
  limits: SubscriptionLimits;
  streams: LiveStreams;
  /** One loop over every flow (ListFlows) for flowRunEvents. */
  fleet: FleetWatcher;
  /** AppFlow's EventBridge events into the state (POST /events/appflow). */
  events: EventIntake;
  /** Whether events arrive (polls reconcile only). */
  pace: EventPace;
  close(): Promise<void>;
}

export interface LiveOptions extends Partial<PollerOptions> {
  /** How long executionUpdated waits for a run id AppFlow does not show yet. */
  visibilityTimeoutMs?: number;
}

export function createLiveServices(
  source: FlowSource & FleetSource,
  config: {
    appflowEndpoint?: string;
    region: string;
    subscriptions: {
      maxPerConnection: number;
      maxTotal: number;
      maxPerViewer?: number;
      activePollMs: number;
      idlePollMs: number;
      reconcilePollMs?: number;
    };
    events?: { quietMs: number };
  },
  redis?: RedisConnections,
  overrides: LiveOptions = {},
  /** What else follows the state (the read cache): called with each accepted change. */
  onChange?: (changes: RunChange[]) => void | Promise<void>,
  /** A flow changed in a way only its description shows (AppFlow deactivated it). */
  onFlowChanged: (flowName: string) => void | Promise<void> = () => {},
): LiveServices {
  const bus = createEventBus(redis);
  const { visibilityTimeoutMs, ...pollerOverrides } = overrides;
  const { subscriptions } = config;
  const namespace =
    pollerOverrides.namespace ?? pollerNamespace(config.appflowEndpoint, config.region);
  const state = new LiveState(redis, { namespace });
  const pace = new EventPace(bus, `${namespace}:events:pace`, config.events?.quietMs ?? 3_600_000);
  const flowing = () => pace.flowing;
  const poller = new FlowPoller(
    source,
    bus,
    {
      activePollMs: subscriptions.activePollMs,
      idlePollMs: subscriptions.idlePollMs,
      reconcilePollMs: subscriptions.reconcilePollMs,
      namespace,
      ...pollerOverrides,
    },
    redis,
    state,
    flowing,
  );
  const fleet = new FleetWatcher(
    source,
    bus,
    poller.coordination,
    state,
    {
      activePollMs: subscriptions.activePollMs,
      idlePollMs: subscriptions.idlePollMs,
      reconcilePollMs: subscriptions.reconcilePollMs,
      namespace,
      lockTtlMs: pollerOverrides.lockTtlMs,
    },
    flowing,
  );
  // Every accepted change: the cache forgets what it changed first (so a subscriber that
  // queries on the event reads the new state), then every replica's subscribers hear of it.
  state.onChange(async (changes) => {
    await onChange?.(changes);
    const byFlow = new Map<string, RunChange[]>();
    for (const change of changes) {
      byFlow.set(change.flowName, [...(byFlow.get(change.flowName) ?? []), change]);
      fleet.publish(change);
    }
    for (const [flowName, mine] of byFlow) {
      poller.publishRuns(
        flowName,
        mine.map((c) => c.run),
      );
    }
    // A poll found news no event reported: events stopped or were lost.
    if (changes.some((c) => (c.source === 'poll' || c.source === 'list') && c.kind !== 'UPDATED')) {
      pace.missed();
    }
  });
  const events = new EventIntake(state, pace, redis, namespace, onFlowChanged);
  const limits = new SubscriptionLimits(
    subscriptions.maxPerConnection,
    subscriptions.maxTotal,
    subscriptions.maxPerViewer,
  );
  return {
    bus,
    state,
    poller,
    limits,
    fleet,
    events,
    pace,
    streams: new LiveStreams(
      poller,
      limits,
      visibilityTimeoutMs ?? Math.max(60_000, 10 * subscriptions.activePollMs),
    ),
    async close() {
      pace.close();
      await fleet.close();
      await poller.close();
      await bus.close();
    },
  };
}

export type { FleetEvent, FleetSource, FleetStats } from './fleet.js';
export { fleetStream } from './fleet.js';
export type { FlowSource, LiveFeed, PollerStats } from './poller.js';
export type { RunChange, RunSource } from './state.js';

/**
 * The live-status package of one gateway: the event bus, the shared flow poller, the
 * subscription limits and the streams the graph's subscriptions return.
 */
import type { RedisConnections } from '../redis.js';
import { type FleetSource, FleetWatcher } from './fleet.js';
import { SubscriptionLimits } from './limits.js';
import { FlowPoller, type FlowSource, type PollerOptions, pollerNamespace } from './poller.js';
import { createEventBus, type EventBus } from './pubsub.js';
import { LiveStreams } from './streams.js';

export interface LiveServices {
  bus: EventBus;
  poller: FlowPoller;
  limits: SubscriptionLimits;
  streams: LiveStreams;
  /** One loop over every flow (ListFlows) for flowRunEvents. */
  fleet: FleetWatcher;
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
    };
  },
  redis?: RedisConnections,
  overrides: LiveOptions = {},
): LiveServices {
  const bus = createEventBus(redis);
  const { visibilityTimeoutMs, ...pollerOverrides } = overrides;
  const { subscriptions } = config;
  const poller = new FlowPoller(
    source,
    bus,
    {
      activePollMs: subscriptions.activePollMs,
      idlePollMs: subscriptions.idlePollMs,
      namespace: pollerNamespace(config.appflowEndpoint, config.region),
      ...pollerOverrides,
    },
    redis,
  );
  const fleet = new FleetWatcher(source, bus, poller.coordination, {
    activePollMs: subscriptions.activePollMs,
    idlePollMs: subscriptions.idlePollMs,
    namespace: pollerOverrides.namespace ?? pollerNamespace(config.appflowEndpoint, config.region),
    lockTtlMs: pollerOverrides.lockTtlMs,
  });
  const limits = new SubscriptionLimits(
    subscriptions.maxPerConnection,
    subscriptions.maxTotal,
    subscriptions.maxPerViewer,
  );
  return {
    bus,
    poller,
    limits,
    fleet,
    streams: new LiveStreams(
      poller,
      limits,
      visibilityTimeoutMs ?? Math.max(60_000, 10 * subscriptions.activePollMs),
    ),
    async close() {
      await fleet.close();
      await poller.close();
      await bus.close();
    },
  };
}

export type { FleetEvent, FleetSource, FleetStats } from './fleet.js';
export { fleetStream } from './fleet.js';
export type { FlowSource, LiveFeed, PollerStats } from './poller.js';

/**
 * createGateway(config): the Yoga app and its process-wide services, without listening.
 * Tests call `gateway.yoga.fetch(...)`; src/server.ts wires it to node:http and graphql-ws.
 */
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { type AppflowHandle, createAppflowClient } from './appflow/client.js';
import { CursorCodec } from './appflow/pagination.js';
import type { GatewayConfig } from './config.js';
import {
  createContext,
  type GatewayContext,
  type GatewayServices,
  type Viewer,
} from './context.js';
import {
  createLiveServices,
  type FleetSource,
  type FlowSource,
  type LiveOptions,
} from './live/index.js';
import { toJson } from './live/pubsub.js';
import type { RunJson } from './live/tracker.js';
import type { Logger } from './logger.js';
import { useAppflowEvents } from './plugins/eventbridge.js';
import { createProductionLayer, type ProductionLayer } from './plugins/index.js';
import { useQueryJit } from './plugins/jit.js';
import { gatedViewer } from './plugins/pipeline.js';
import type { ResponseCache } from './plugins/response-cache.js';
import { useSafeGraphQLSSE } from './plugins/sse-stream.js';
import { RedisConnections } from './redis.js';
import { schema, subgraphSchema } from './schema/index.js';
import { useRedactInputValues } from './schema/mutations/errors.js';
import {
  AppflowCache,
  FallbackCacheStore,
  MemoryCacheStore,
  RedisCacheStore,
} from './services/cache.js';
import { AppflowMutations } from './services/mutations/index.js';
import { AppflowReader } from './services/reader/index.js';

export interface Gateway {
  yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  services: GatewayServices;
  appflow: AppflowHandle;
  /** Auth, persisted operations, metrics, readiness and logger (src/plugins). */
  production: ProductionLayer;
  close(): Promise<void>;
}

export interface GatewayDeps {
  /** Share one AppFlow client (tests); created from config otherwise. */
  appflow?: AppflowHandle;
  /** Extra envelop/Yoga plugins. */
  plugins?: Plugin[];
  /** Poller tuning beyond config.subscriptions (tests: lock lease, visibility timeout). */
  live?: LiveOptions;
  /** Where logs go (tests capture them); JSON to stdout otherwise. */
  logger?: Logger;
}

/** The runs a startFlow or cancelFlowExecutions payload reports, as the live state stores runs. */
function runsOfPayload(payload: unknown): RunJson[] {
  const p = (payload ?? {}) as { execution?: unknown; cancelledExecutions?: unknown[] };
  return [p.execution, ...(p.cancelledExecutions ?? [])]
    .filter((r): r is { executionId: string } =>
      Boolean((r as { executionId?: string })?.executionId),
    )
    .map((r) => {
      const { flowName: _, ...run } = toJson(r) as RunJson & { flowName?: string };
      return run;
    });
}

export async function createGateway(
  config: GatewayConfig,
  deps: GatewayDeps = {},
): Promise<Gateway> {
  const appflow = deps.appflow ?? createAppflowClient(config);
  // The process's Redis connections (REDIS_URL), shared by the cache, the live-status bus and
  // coordination, the readiness check and the rate limiter.
  const redis = config.redisUrl ? await RedisConnections.open(config.redisUrl) : undefined;
  // With REDIS_URL the cache (and its invalidations) is shared by every replica, and kept in
  // memory while Redis is unavailable. Entries are namespaced by where AppFlow is, so gateways
  // in front of different accounts, regions or emulators never read each other's answers.
  const namespace = `appflow-gateway:cache:${config.region}:${config.appflowEndpoint ?? 'aws'}:`;
  const cache = new AppflowCache(
    redis
      ? new FallbackCacheStore(new RedisCacheStore(redis.commands, namespace), redis)
      : new MemoryCacheStore(),
  );
  // The services are the only road to AppFlow: the client goes to them, not to the context.
  const reader = new AppflowReader(appflow.client, cache, config.cache, {
    maxListedProfiles: config.speculativeProfilesMax,
  });
  // The poller reads AppFlow through the reader, like every other read.
  const flowSource: FlowSource & FleetSource = {
    // ListFlows is never cached: the fleet loop (flowRunEvents) learns what changed from it.
    listFlows: (nextToken) => reader.flows.list(nextToken, 100),
    pollRuns: (flowName, pageSize) =>
      reader.flows
        .runs(flowName, undefined, pageSize)
        .then(({ items, nextToken }) => ({ runs: items, hasMore: Boolean(nextToken) })),
    pollFlow: (flowName) => reader.flows.describe(flowName),
    findRun: (flowName, executionId) => reader.flows.findRun(flowName, executionId),
  };
  // Subscriptions: the live state, one shared poller per flow, the fleet loop and AppFlow's
  // events; shared over Redis when REDIS_URL is set. The read cache follows the state: a run
  // the state learned of (from any source) forgets the flow's cached runs and description.
  let responses: ResponseCache | undefined;
  const live = createLiveServices(
    flowSource,
    config,
    redis,
    deps.live,
    (changes) =>
      Promise.all(
        [...new Set(changes.map((c) => c.flowName))].map((name) => reader.flows.invalidate(name)),
      ).then(() => responses?.changed(changes)),
    (flowName) => reader.flows.invalidate(flowName).then(() => responses?.flowChanged(flowName)),
  );
  const services: GatewayServices = {
    reader,
    // A run started, stopped or cancelled: the live state has it before the mutation answers
    // (every replica's subscribers and the fleet hear of it now), and the poller polls now.
    mutations: new AppflowMutations(appflow.client, reader, async (flowName, payload) => {
      live.poller.notifyChanged(flowName);
      await live.state.applyRuns(flowName, runsOfPayload(payload), 'mutation');
    }),
    cursors: new CursorCodec(config.cursorSecret, config.cursorTtlSeconds),
    live,
  };

  const production = await createProductionLayer(config, {
    services,
    appflow,
    cache,
    redis,
    logger: deps.logger,
  });
  const { authenticator } = production;
  // The response cache drops what the state learned, after the read cache forgot it.
  responses = production.responseCache;
  live.state.onListChanged(() => responses?.listChanged());
  // HTTP: the transport gate authenticated the headers before the body was read. WebSocket
  // and /graphql/stream pass the viewer they authenticated in the initial context.
  const authenticate = async (initial: { request?: Request; viewer?: Viewer }) =>
    initial.viewer ??
    gatedViewer(initial.request) ??
    authenticator.authenticate(authenticator.fromHeaders(initial.request?.headers ?? {}));

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    // FEDERATION=true: the same schema plus `_service` and `_entities` (a Federation v2 subgraph).
    schema: config.federation ? subgraphSchema() : schema,
    graphqlEndpoint: '/graphql',
    ...production.yogaOptions,
    logging: false,
    context: async (initial) => createContext(services, await authenticate(initial)),
    plugins: [
      // Queries run compiled by graphql-jit (first, so the plugins below wrap its executor).
      useQueryJit(),
      // Input values (maybe credentials) are never echoed in errors: src/schema/mutations/errors.ts.
      useRedactInputValues(),
      // AppFlow's EventBridge events (POST /events/appflow), when a secret is configured.
      ...(config.events.secret
        ? [
            useAppflowEvents({
              intake: live.events,
              secret: config.events.secret,
              secretHeader: config.events.secretHeader,
              maxBodyBytes: config.events.maxBodyBytes,
            }),
          ]
        : []),
      ...production.plugins,
      // SSE single-connection mode (graphql-sse) at /graphql/stream; distinct connections
      // (accept: text/event-stream on /graphql) are native to Yoga.
      useSafeGraphQLSSE({
        persisted: production.persisted,
        maxBodyBytes: config.transport.maxBodyBytes,
        reservationsPerViewer: config.transport.sseReservationsPerViewer,
        reservationTtlMs: config.transport.sseReservationTtlMs,
      }),
      ...(deps.plugins ?? []),
    ],
  });

  return {
    yoga,
    services,
    appflow,
    production,
    async close() {
      await production.close();
      await services.live.close();
      if (!deps.appflow) appflow.destroy();
      await redis?.close();
    },
  };
}

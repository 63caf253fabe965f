/**
 * createGateway(config): the Yoga app and its process-wide services, without listening.
 * Tests call `gateway.yoga.fetch(...)`; src/server.ts wires it to node:http and graphql-ws.
 */
import { useGraphQLSSE } from '@graphql-yoga/plugin-graphql-sse';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { type AppflowHandle, createAppflowClient } from './appflow/client.js';
import { CursorCodec } from './appflow/pagination.js';
import type { GatewayConfig } from './config.js';
import {
  ANONYMOUS_ALL_SCOPES,
  createContext,
  type GatewayContext,
  type GatewayServices,
  NOBODY,
  type Viewer,
} from './context.js';
import { AppflowReader } from './resolvers/appflow-reader.js';
import { AppflowCache, MemoryCacheStore, RedisCacheStore } from './resolvers/cache.js';
import { createLiveServices, type LiveOptions } from './resolvers/poller.js';
import { schema } from './schema/index.js';

export interface Gateway {
  yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  services: GatewayServices;
  appflow: AppflowHandle;
  close(): Promise<void>;
}

export interface GatewayDeps {
  /** Share one AppFlow client (tests); created from config otherwise. */
  appflow?: AppflowHandle;
  /** Extra envelop/Yoga plugins. */
  plugins?: Plugin[];
  /** Poller tuning beyond config.subscriptions (tests: lock lease, visibility timeout). */
  live?: LiveOptions;
}

export async function createGateway(
  config: GatewayConfig,
  deps: GatewayDeps = {},
): Promise<Gateway> {
  const appflow = deps.appflow ?? createAppflowClient(config);
  // With REDIS_URL the cache (and its invalidations) is shared by every replica.
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 })
    : undefined;
  // Entries are namespaced by where AppFlow is, so gateways in front of different
  // accounts, regions or emulators never read each other's answers.
  const namespace = `appflow-gateway:cache:${config.region}:${config.appflowEndpoint ?? 'aws'}:`;
  const cache = new AppflowCache(
    redis ? new RedisCacheStore(redis, namespace) : new MemoryCacheStore(),
  );
  const services: GatewayServices = {
    config,
    appflow: appflow.client,
    reader: new AppflowReader(appflow.client, cache, config.cache),
    cursors: new CursorCodec(config.cursorSecret, config.cursorTtlSeconds),
    // Subscriptions: one shared poller per flow; events over Redis when REDIS_URL is set.
    live: createLiveServices(appflow.client, config, deps.live),
  };

  const authenticate = async (_request: Request): Promise<Viewer> =>
    config.allowAnonymous ? ANONYMOUS_ALL_SCOPES : NOBODY;

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: config.graphiql ? { title: 'appflow-gateway', subscriptionsProtocol: 'WS' } : false,
    maskedErrors: { isDev: false },
    logging: false,
    context: async ({ request }) => createContext(services, await authenticate(request)),
    plugins: [
      // SSE single-connection mode (graphql-sse) at /graphql/stream; distinct connections
      // (accept: text/event-stream on /graphql) are native to Yoga.
      useGraphQLSSE(),
      ...(deps.plugins ?? []),
    ],
  });

  return {
    yoga,
    services,
    appflow,
    async close() {
      await services.live.close();
      if (!deps.appflow) appflow.destroy();
      redis?.disconnect();
    },
  };
}

/**
 * The production layer of a gateway in one place: authentication, CSRF, CORS, introspection
 * and GraphiQL switches, query limits, rate limit, persisted operations, metrics, logs,
 * tracing, health and readiness. src/yoga.ts spreads `yogaOptions` and `plugins` into
 * createYoga; src/server.ts uses `authenticator`, `persisted`, `readiness` and `logger` for the
 * WebSocket side and for shutdown.
 */

import type { Plugin, YogaServerOptions } from 'graphql-yoga';
import type { AppflowHandle } from '../appflow/client.js';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext, GatewayServices } from '../context.js';
import { createLogger, type Logger, setProcessLogMixin } from '../logger.js';
import type { SharedRedis } from '../redis.js';
import type { AppflowCache } from '../services/cache.js';
import { hasTracerProvider, startTelemetry, traceLogFields } from '../telemetry.js';
import { MemoryApqStore, RedisApqStore, useAutomaticPersistedQueries } from './apq.js';
import { type Authenticator, createAuthenticator } from './auth.js';
import { CSRF_HEADERS, useCsrfPrevention } from './csrf.js';
import { useDashboard } from './dashboard.js';
import { useErrorCodes } from './error-codes.js';
import { graphiqlOptions } from './graphiql.js';
import { Readiness, useOperationalEndpoints } from './health.js';
import {
  useCodedInputErrors,
  useNestingLimit,
  useNoIntrospection,
  useNoSuggestions,
} from './input-policies.js';
import {
  AppflowRateLimiter,
  DEFAULT_LIMITS,
  type RateLimiter,
  RedisRateLimiter,
  useAppflowRateLimit,
  useListLimits,
  useQueryLimits,
} from './limits.js';
import { loggingMaskError, useRequestLogging } from './logging.js';
import { createMetrics, type GatewayMetrics, useMetrics } from './metrics.js';
import { type OpenStreams, useOpenStreams } from './open-streams.js';
import { PersistedOperations, usePersistedOperations } from './persisted.js';
import { useTransportGate } from './pipeline.js';
import { useCredentialScrubbing } from './redaction.js';
import { createResponseCache, type ResponseCache } from './response-cache.js';
import { loadOtel, traceAppflowCalls, useTracing } from './tracing.js';

export interface ProductionLayer {
  authenticator: Authenticator;
  persisted: PersistedOperations;
  metrics: GatewayMetrics;
  readiness: Readiness;
  logger: Logger;
  /** Open SSE responses, ended with `complete` on shutdown. */
  streams: OpenStreams;
  plugins: Plugin[];
  /** RESPONSE_CACHE=true: whole responses, dropped by what the live state learns. */
  responseCache?: ResponseCache;
  yogaOptions: Pick<
    YogaServerOptions<Record<string, unknown>, GatewayContext>,
    | 'cors'
    | 'maskedErrors'
    | 'graphiql'
    | 'renderGraphiQL'
    | 'landingPage'
    | 'batching'
    | 'maxRequestBodySize'
  >;
  close(): Promise<void>;
}

export async function createProductionLayer(
  config: GatewayConfig,
  deps: {
    services: GatewayServices;
    appflow: AppflowHandle;
    cache?: AppflowCache;
    /** The process's Redis connections, when REDIS_URL is set. */
    redis?: SharedRedis;
    logger?: Logger;
  },
): Promise<ProductionLayer> {
  // OpenTelemetry first, so the logger can stamp lines with the active span's ids.
  const telemetry = await startTelemetry(config.otlp);
  const otel = config.tracing || telemetry ? await loadOtel() : undefined;
  const logFields = otel ? traceLogFields(otel) : undefined;
  // The process entry's logger (src/server.ts) was made before the SDK started: it learns the
  // trace ids through the process-wide mixin.
  if (deps.logger && logFields) setProcessLogMixin(logFields);
  const logger = deps.logger ?? createLogger({ level: config.logLevel, mixin: logFields });
  if (telemetry) logger.info(config.otlp, 'OpenTelemetry: exporting over OTLP');
  const authenticator = createAuthenticator(config);
  const persisted = PersistedOperations.fromFile(
    config.persistedOperations,
    config.persistedOperationsFile,
  );
  const metrics = createMetrics({
    appflow: deps.appflow,
    cache: deps.cache ?? deps.services.reader.cache,
    activePollers: () => deps.services.live.poller.stats().watches.filter((w) => w.leading).length,
  });
  const readiness = new Readiness().addAppflow(deps.appflow.client);
  if (deps.redis) readiness.addRedis(deps.redis);

  const detach: (() => void)[] = [() => metrics.detach()];
  const open = useOpenStreams();
  const plugins: Plugin[] = [
    open.plugin,
    useErrorCodes(),
    useRequestLogging(logger) as Plugin,
    useOperationalEndpoints({ readiness }),
    useCsrfPrevention(),
    useTransportGate({ authenticator, maxBodyBytes: config.transport.maxBodyBytes }),
    useNestingLimit(),
    useCodedInputErrors(),
    useCredentialScrubbing(),
    usePersistedOperations(persisted),
    useAutomaticPersistedQueries(
      persisted,
      deps.redis ? new RedisApqStore(deps.redis) : new MemoryApqStore(),
    ),
    useQueryLimits(config.limits, { hideSuggestions: !config.introspection }),
    useListLimits({ maxListLength: config.limits.maxListLength, maxCost: config.limits.maxCost }),
    useMetrics(metrics),
  ];
  if (config.dashboard) plugins.push(useDashboard({ dir: config.dashboardDir }));
  if (!config.introspection) plugins.push(useNoIntrospection(), useNoSuggestions());
  if (config.rateLimitPerMinute > 0) {
    // With REDIS_URL every replica draws on the same per-viewer budget.
    const limiter: RateLimiter = deps.redis
      ? new RedisRateLimiter(
          config.rateLimitPerMinute,
          deps.redis,
          `appflow-gateway:rate:${config.region}:${config.appflowEndpoint ?? 'aws'}:`,
        )
      : new AppflowRateLimiter(config.rateLimitPerMinute);
    plugins.push(useAppflowRateLimit(limiter) as Plugin);
  }
  if (otel) {
    plugins.push(useTracing(otel, { spans: config.tracing }));
    detach.push(traceAppflowCalls(otel, deps.appflow, { spans: config.tracing }));
    if (config.tracing && !telemetry?.traces && !hasTracerProvider(otel)) {
      logger.warn(
        'TRACING is on but no OpenTelemetry SDK is registered: spans go nowhere. Set OTEL_EXPORTER_OTLP_ENDPOINT (the gateway then exports over OTLP) or start an SDK with node --import.',
      );
    }
  } else if (config.tracing) {
    logger.warn('TRACING is on but @opentelemetry/api is not installed: no spans');
  }

  // Last: it answers (or stores) around the executor every plugin above has set.
  let responseCache: ResponseCache | undefined;
  if (config.responseCache.enabled) {
    responseCache = createResponseCache(
      config.responseCache,
      deps.services.live.bus,
      `appflow-gateway:${config.region}:${config.appflowEndpoint ?? 'aws'}`,
    );
    plugins.push(...responseCache.plugins);
    detach.push(() => responseCache?.close());
  }

  return {
    authenticator,
    persisted,
    metrics,
    readiness,
    logger,
    streams: open.streams,
    plugins,
    responseCache,
    yogaOptions: {
      cors:
        config.corsOrigins.length === 0
          ? false
          : {
              origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
              credentials: false,
              allowedHeaders: ['content-type', 'authorization', 'x-api-key', ...CSRF_HEADERS],
              methods: ['GET', 'POST', 'OPTIONS'],
              maxAge: 600,
            },
      maskedErrors: { isDev: false, maskError: loggingMaskError(logger) },
      // Array POSTs (BatchHttpLink): each operation runs its own pipeline, so each is checked
      // against the query limits and charged to the viewer's rate limit.
      batching: config.batchLimit > 0 ? { limit: config.batchLimit } : false,
      // Bodies without a content-length (chunked) stop being read at the limit too.
      maxRequestBodySize: config.transport.maxBodyBytes,
      landingPage: false,
      // The example operations as tabs, the Explorer, all inlined: src/plugins/graphiql.ts.
      ...graphiqlOptions(config.graphiql),
    },
    async close() {
      for (const d of detach.splice(0)) d();
      // The last spans and metrics leave before the process does.
      await telemetry?.shutdown();
    },
  };
}

export { DEFAULT_LIMITS };

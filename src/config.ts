/**
 * Configuration from the environment (and a few CLI flags), validated once at start.
 * Every variable is documented in docs/configuration.md.
 */

export type PersistedMode = 'off' | 'allow' | 'only';

export interface GatewayConfig {
  /** HTTP + WebSocket port (0 = any free port). */
  port: number;
  host: string;
  /** Where AppFlow calls go: undefined = real AWS through the standard chain. */
  appflowEndpoint?: string;
  /** Start the embedded emulator (npm start without APPFLOW_ENDPOINT or AWS). */
  embeddedEmulator: boolean;
  /** Seed the embedded emulator with example data. */
  emulatorSeed: boolean;
  emulatorRunSeconds: number;
  emulatorTimeScale: number;
  region: string;
  /**
   * Upper bound of concurrent AppFlow calls from this process: the adaptive window starts here,
   * halves on throttles and grows back to it (src/appflow/adaptive.ts).
   */
  maxConcurrentAppflowCalls: number;
  /** How long one AppFlow call may wait out throttling before its caller gets THROTTLED. */
  appflowThrottleWaitMs: number;
  /** SDK attempts per call (standard retry mode). */
  appflowMaxAttempts: number;
  /** Calls/s and burst each AppFlow operation starts at, then grows (0: unpaced until throttled). */
  appflowInitialRate: number;
  appflowInitialBurst: number;
  redisUrl?: string;
  /** HMAC secret for pagination cursors; random per process when unset. */
  cursorSecret?: string;
  /** Cursor lifetime in seconds. */
  cursorTtlSeconds: number;
  production: boolean;
  graphiql: boolean;
  /** Serve the dashboard (web/, built into dist/web) at `/`. */
  dashboard: boolean;
  /** Where the built dashboard is (default dist/web in the package). */
  dashboardDir?: string;
  introspection: boolean;
  /** Serve the schema as a Federation v2 subgraph (`_service`, `_entities`: src/schema/federation.ts). */
  federation: boolean;
  /** Allow anonymous requests with every scope (the demo does). */
  allowAnonymous: boolean;
  /** sha256 hex of accepted API keys, each with its scopes. */
  apiKeys: { sha256: string; scopes: string[] }[];
  jwtSecret?: string;
  jwksUrl?: string;
  jwtIssuer?: string;
  jwtAudience?: string;
  corsOrigins: string[];
  persistedOperations: PersistedMode;
  logLevel: string;
  /** Cache TTLs in seconds. */
  cache: {
    connectorsTtl: number;
    profilesTtl: number;
    flowTtl: number;
    runsTtl: number;
    /** ListFlows pages for queries: the freshness bound of a warm dashboard. */
    flowListTtl: number;
  };
  /** A flows list showing profiles lists the account's profiles early while it has at most this many (0: off). */
  speculativeProfilesMax: number;
  /** Whole query responses per document, variables and viewer, invalidated by the live state (docs/live-status.md). */
  responseCache: { enabled: boolean; ttlSeconds: number; maxResponses: number };
  /** Subscription limits. */
  subscriptions: {
    maxPerConnection: number;
    maxTotal: number;
    /** Subscriptions one viewer may hold on this replica, over all its connections. */
    maxPerViewer?: number;
    activePollMs: number;
    idlePollMs: number;
    /** Poll interval while AppFlow's EventBridge events arrive (reconciliation). */
    reconcilePollMs?: number;
  };
  /** POST /events/appflow: AppFlow's events from an EventBridge API destination (docs/live-status.md). */
  events: {
    /** The shared secret the API destination's connection sends; unset = endpoint off. */
    secret?: string;
    /** The header that carries it. */
    secretHeader: string;
    /** Largest accepted body (EventBridge events are at most 256 KB). */
    maxBodyBytes: number;
    /** Without an event for this long, polls go back to their normal pace. */
    quietMs: number;
  };
  /** Per-client budget of AppFlow-calling fields per minute (0 = unlimited). */
  rateLimitPerMinute: number;
  /** Operations one array POST may carry (Apollo's BatchHttpLink); 0 refuses batches. */
  batchLimit: number;
  /** JSON map sha256 -> document used by PERSISTED_OPERATIONS (default src/gql/persisted-documents.json). */
  persistedOperationsFile?: string;
  /** graphql-armor limits for every document (HTTP and WebSocket). */
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    maxTokens: number;
    maxDirectives: number;
    /** Longest list given to a field argument (`nodes(ids:)`), also counted in the cost. */
    maxListLength: number;
  };
  /**
   * OpenTelemetry spans through @opentelemetry/api: on by default when OTLP traces are exported;
   * TRACING=true without an endpoint hands them to an SDK started by `node --import`.
   */
  tracing: boolean;
  /** OTLP export by the OpenTelemetry Node SDK (src/telemetry.ts): signals with an endpoint. */
  otlp: { traces: boolean; metrics: boolean };
  /** Prometheus /metrics on its own listener (undefined: not served); never the main port. */
  metricsPort?: number;
  /** Where the metrics listener binds (loopback by default). */
  metricsHost: string;
  /** The one request pipeline's transport limits (src/plugins/pipeline.ts). */
  transport: {
    /** Largest HTTP request body, /graphql and /graphql/stream (413 above it). */
    maxBodyBytes: number;
    /** Largest graphql-ws frame (ws maxPayload: the socket is closed with 1009 above it). */
    wsMaxPayloadBytes: number;
    /** Bytes a WebSocket may send before its connection_init is authenticated (4400 above). */
    wsPreAuthBytes: number;
    /** Open stream reservations (PUT /graphql/stream) per viewer. */
    sseReservationsPerViewer: number;
    /** A reservation nobody connected to is dropped after this long. */
    sseReservationTtlMs: number;
    /** WebSockets one viewer may hold open at once on this replica (4429 past it). */
    wsConnectionsPerViewer: number;
  };
  /** graphql-ws: close with 4408 when connection_init does not arrive in time. */
  wsInitTimeoutMs: number;
  /** On SIGTERM: keep serving this long with /ready at 503 before closing the listener. */
  shutdownDelayMs: number;
  /** On SIGTERM: the whole shutdown takes at most this long, then connections are cut. */
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function num(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    throw new ConfigError(`${name} must be a number >= ${min}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

const SCOPES = ['read', 'write', 'admin'];

/** API_KEYS: comma-separated `sha256hex:scope+scope`, e.g. `9f86...:read+write`. */
function apiKeys(env: Env): GatewayConfig['apiKeys'] {
  const raw = env.API_KEYS;
  if (!raw) return [];
  return raw.split(',').map((entry, i) => {
    const [hash, scopeList = 'read'] = entry.trim().split(':');
    if (!/^[0-9a-f]{64}$/i.test(hash ?? '')) {
      throw new ConfigError(`API_KEYS entry ${i + 1} must start with a sha256 hex digest`);
    }
    const scopes = scopeList.split('+').filter(Boolean);
    for (const s of scopes) {
      if (!SCOPES.includes(s)) {
        throw new ConfigError(
          `API_KEYS entry ${i + 1} has unknown scope "${s}" (${SCOPES.join(', ')})`,
        );
      }
    }
    return { sha256: hash!.toLowerCase(), scopes };
  });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Checks across variables: auth, CORS origins, log level, shutdown timing. */
function validateAccess(config: GatewayConfig): void {
  if (config.jwtSecret && config.jwksUrl) {
    throw new ConfigError('Set JWT_SECRET (HS256) or JWKS_URL, not both');
  }
  if ((config.jwtIssuer || config.jwtAudience) && !config.jwtSecret && !config.jwksUrl) {
    throw new ConfigError('JWT_ISSUER and JWT_AUDIENCE need JWT_SECRET or JWKS_URL');
  }
  for (const origin of config.corsOrigins) {
    if (origin === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(
        `CORS_ORIGINS entries must be origins like https://app.example.com or *, got "${origin}"`,
      );
    }
  }
  if (!LOG_LEVELS.includes(config.logLevel)) {
    throw new ConfigError(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${config.logLevel}"`,
    );
  }
  if (config.shutdownDelayMs >= config.shutdownTimeoutMs) {
    throw new ConfigError('SHUTDOWN_DELAY_MS must be below SHUTDOWN_TIMEOUT_MS');
  }
}

/**
 * Which signals the Node SDK exports over OTLP: those with an endpoint (the standard variables,
 * read by the SDK itself too), unless OTEL_SDK_DISABLED or the signal's exporter is `none`.
 */
function otlpExport(env: Env): GatewayConfig['otlp'] {
  const any = url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']);
  const traces = url(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', ['http:', 'https:']);
  const metrics = url(env, 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', ['http:', 'https:']);
  if (bool(env, 'OTEL_SDK_DISABLED', false)) return { traces: false, metrics: false };
  const none = (name: string) => (env[name] ?? '').split(',').some((s) => s.trim() === 'none');
  return {
    traces: Boolean(any || traces) && !none('OTEL_TRACES_EXPORTER'),
    metrics: Boolean(any || metrics) && !none('OTEL_METRICS_EXPORTER'),
  };
}

export function loadConfig(
  env: Env = process.env,
  overrides: Partial<GatewayConfig> = {},
): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  const appflowEndpoint = url(env, 'APPFLOW_ENDPOINT', ['http:', 'https:']);
  const useRealAws = bool(env, 'APPFLOW_USE_AWS', false);
  const persisted = (env.PERSISTED_OPERATIONS ?? 'off').toLowerCase();
  if (!['off', 'allow', 'only'].includes(persisted)) {
    throw new ConfigError(`PERSISTED_OPERATIONS must be off, allow or only, got "${persisted}"`);
  }
  const otlp = otlpExport(env);
  const config: GatewayConfig = {
    port: int(env, 'PORT', 4000, 0, 65535),
    // This machine only unless HOST says otherwise (as Apollo Router and Vite do).
    host: env.HOST || '127.0.0.1',
    appflowEndpoint,
    embeddedEmulator: !appflowEndpoint && !useRealAws,
    emulatorSeed: bool(env, 'APPFLOW_EMULATOR_SEED', true),
    emulatorRunSeconds: num(env, 'APPFLOW_EMULATOR_RUN_SECONDS', 5, 0),
    emulatorTimeScale: num(env, 'APPFLOW_EMULATOR_TIME_SCALE', 1, 0.001),
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    maxConcurrentAppflowCalls: int(env, 'APPFLOW_MAX_CONCURRENCY', 256, 1, 1000),
    appflowMaxAttempts: int(env, 'APPFLOW_MAX_ATTEMPTS', 3, 1, 10),
    appflowThrottleWaitMs: int(env, 'APPFLOW_THROTTLE_WAIT_MS', 10_000, 0, 120_000),
    appflowInitialRate: num(env, 'APPFLOW_INITIAL_RATE', 10, 0),
    appflowInitialBurst: int(env, 'APPFLOW_INITIAL_BURST', 20, 1, 100_000),
    // APPFLOW_MODEL_DIR (the model files' folder) is read by src/model/files.ts: the emulator too.
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    cursorSecret: env.CURSOR_SECRET || undefined,
    cursorTtlSeconds: int(env, 'CURSOR_TTL_SECONDS', 3600, 1, 7 * 86400),
    production,
    graphiql: bool(env, 'GRAPHIQL', !production),
    dashboard: bool(env, 'DASHBOARD', true),
    dashboardDir: env.DASHBOARD_DIR || undefined,
    introspection: bool(env, 'INTROSPECTION', !production),
    federation: bool(env, 'FEDERATION', false),
    // Anonymous access only when configured, or in the self-contained demo (embedded emulator)
    // listening on a loopback address: on any other interface it must be asked for.
    allowAnonymous: bool(
      env,
      'ALLOW_ANONYMOUS',
      !appflowEndpoint && !useRealAws && isLoopback(env.HOST || '127.0.0.1'),
    ),
    apiKeys: apiKeys(env),
    jwtSecret: env.JWT_SECRET || undefined,
    jwksUrl: url(env, 'JWKS_URL', ['http:', 'https:']),
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    persistedOperations: persisted as PersistedMode,
    logLevel: env.LOG_LEVEL || 'info',
    cache: {
      connectorsTtl: int(env, 'CACHE_CONNECTORS_TTL', 300, 0, 86400),
      profilesTtl: int(env, 'CACHE_PROFILES_TTL', 30, 0, 86400),
      flowTtl: int(env, 'CACHE_FLOW_TTL', 600, 0, 86400),
      // A running flow's first runs page (CACHE_EXECUTIONS_TTL: its earlier name, still read).
      runsTtl: int(
        { CACHE_RUNS_TTL: env.CACHE_RUNS_TTL || env.CACHE_EXECUTIONS_TTL },
        'CACHE_RUNS_TTL',
        5,
        0,
        86400,
      ),
      // A change not made through the gateway, nor reported by an event or a poll, shows
      // in queries within this bound (docs/live-status.md).
      flowListTtl: int(env, 'CACHE_FLOW_LIST_TTL', 30, 0, 86400),
    },
    speculativeProfilesMax: int(env, 'SPECULATIVE_PROFILES_MAX', 200, 0, 10_000),
    responseCache: {
      enabled: bool(env, 'RESPONSE_CACHE', false),
      ttlSeconds: int(env, 'RESPONSE_CACHE_TTL', 30, 1, 86400),
      maxResponses: int(env, 'RESPONSE_CACHE_SIZE', 1000, 1, 1_000_000),
    },
    subscriptions: {
      maxPerConnection: int(env, 'SUBSCRIPTIONS_PER_CONNECTION', 50, 1, 10000),
      maxTotal: int(env, 'SUBSCRIPTIONS_MAX', 20000, 1, 1000000),
      maxPerViewer: int(env, 'SUBSCRIPTIONS_PER_VIEWER', 500, 1, 1000000),
      activePollMs: int(env, 'POLL_ACTIVE_MS', 1000, 50, 600000),
      idlePollMs: int(env, 'POLL_IDLE_MS', 15000, 50, 3600000),
      // While EventBridge events arrive, polls only reconcile (events are best effort).
      reconcilePollMs: int(env, 'POLL_RECONCILE_MS', 120000, 50, 3600000),
    },
    events: {
      // An EventBridge connection's API-key secret; no secret, no endpoint.
      secret: env.EVENTS_SECRET || undefined,
      secretHeader: (env.EVENTS_SECRET_HEADER || 'x-eventbridge-secret').toLowerCase(),
      maxBodyBytes: int(env, 'EVENTS_MAX_BODY_BYTES', 262_144, 1024, 10_000_000),
      quietMs: int(env, 'EVENTS_QUIET_MS', 3_600_000, 1000, 86_400_000),
    },
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 0, 0, 1000000),
    batchLimit: int(env, 'BATCH_LIMIT', 10, 0, 100),
    persistedOperationsFile: env.PERSISTED_OPERATIONS_FILE || undefined,
    limits: {
      maxDepth: int(env, 'MAX_DEPTH', 12, 1, 1000),
      maxAliases: int(env, 'MAX_ALIASES', 30, 0, 10000),
      // The dashboard query (100 flows with profiles, connectors and 5 runs) costs about 75k.
      maxCost: int(env, 'MAX_COST', 150000, 1, 100000000),
      maxTokens: int(env, 'MAX_TOKENS', 3000, 10, 1000000),
      maxDirectives: int(env, 'MAX_DIRECTIVES', 50, 0, 10000),
      maxListLength: int(env, 'MAX_LIST_LENGTH', 100, 1, 100000),
    },
    tracing: bool(env, 'TRACING', otlp.traces),
    otlp,
    metricsPort:
      env.METRICS_PORT?.toLowerCase() === 'off'
        ? undefined
        : int(env, 'METRICS_PORT', 9090, 0, 65535),
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    transport: {
      maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1_048_576, 1024, 100_000_000),
      wsMaxPayloadBytes: int(env, 'WS_MAX_PAYLOAD_BYTES', 1_048_576, 1024, 100_000_000),
      wsPreAuthBytes: int(env, 'WS_PREAUTH_BYTES', 16_384, 256, 10_000_000),
      sseReservationsPerViewer: int(env, 'SSE_RESERVATIONS_PER_VIEWER', 10, 1, 10_000),
      sseReservationTtlMs: int(env, 'SSE_RESERVATION_TTL_MS', 30_000, 100, 3_600_000),
      wsConnectionsPerViewer: int(env, 'WS_CONNECTIONS_PER_VIEWER', 20, 1, 100_000),
    },
    wsInitTimeoutMs: int(env, 'WS_INIT_TIMEOUT_MS', 10000, 100, 600000),
    shutdownDelayMs: int(env, 'SHUTDOWN_DELAY_MS', production ? 2000 : 0, 0, 8000),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 9000, 1000, 60000),
    ...overrides,
  };
  if (config.events.secret && config.events.secret.length < 16) {
    throw new ConfigError('EVENTS_SECRET must be at least 16 characters');
  }
  if (config.jwtSecret && config.jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters for HS256');
  }
  validateAccess(config);
  return config;
}

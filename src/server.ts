/**
 * Listens: HTTP (Yoga: queries, mutations, SSE, GraphiQL) and WebSocket (graphql-ws) on one
 * port and path. Starts the embedded AppFlow emulator unless APPFLOW_ENDPOINT (or real AWS)
 * is configured. SIGTERM/SIGINT: stop accepting, finish in-flight requests, close, exit 0.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import pino from 'pino';
import { WebSocketServer } from 'ws';
import { ConfigError, type GatewayConfig, isLoopback, loadConfig } from './config.js';
import type { Viewer } from './context.js';
import { createLogger, routeConsoleToLogger } from './logger.js';
import { serveMetrics } from './plugins/metrics.js';
import { prepareOperation } from './plugins/pipeline.js';
import {
  CREDENTIAL_EXPIRED,
  closeAtExpiry,
  expired,
  refuseMalformed,
  SocketsPerViewer,
  TOO_MANY_SOCKETS,
  wellFormedTarget,
} from './transport-guards.js';
import { createGateway, type Gateway, type GatewayDeps } from './yoga.js';

export interface RunningGateway {
  url: string;
  port: number;
  gateway: Gateway;
  server: Server;
  emulatorUrl?: string;
  /** The Prometheus endpoint (METRICS_PORT), when served. */
  metricsUrl?: string;
  close(): Promise<void>;
}

export async function startServer(
  config: GatewayConfig,
  deps: GatewayDeps = {},
): Promise<RunningGateway> {
  let emulator: { url: string; close(): Promise<void> } | undefined;
  if (config.embeddedEmulator) {
    // Loaded only when used: a gateway in front of real AWS never pays for it. On a thread of
    // its own (issue #24 item 9): nothing slow in the emulator freezes the gateway.
    const { startEmulatorThread } = await import('./emulator/thread.js');
    emulator = await startEmulatorThread({
      port: 0,
      region: config.region,
      seed: config.emulatorSeed,
      runSeconds: config.emulatorRunSeconds,
      timeScale: config.emulatorTimeScale,
      quiet: true,
    });
    config = { ...config, appflowEndpoint: emulator.url };
  }
  const gateway = await createGateway(config, deps);
  const { yoga } = gateway;
  // A target or Host that makes no URL is a bare 400 here, before Yoga (which answered 500).
  const server = createServer((req, res) =>
    wellFormedTarget(req) ? yoga(req, res) : refuseMalformed(res),
  );
  // Frames over the limit close the socket (1009) before they are buffered whole.
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    maxPayload: config.transport.wsMaxPayloadBytes,
  });
  // Until its connection_init is authenticated a socket may send only a few bytes: an
  // unauthenticated client cannot make the gateway parse megabytes of frames.
  const authenticated = new WeakSet<object>();
  wss.on('connection', (socket) => {
    let bytes = 0;
    const count = (data: Buffer | ArrayBuffer | Buffer[]) => {
      if (authenticated.has(socket)) {
        socket.off('message', count);
        return;
      }
      bytes += Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
      if (bytes > config.transport.wsPreAuthBytes) {
        logger.info({ ws: 'refused', reason: 'too many bytes before authentication' }, 'websocket');
        socket.off('message', count);
        socket.close(4400, 'Too many bytes before authentication');
        // Nothing more is read from it; the close frame gets a moment to leave.
        socket.pause();
        setTimeout(() => socket.terminate(), 500).unref();
      }
    };
    socket.prependListener('message', count);
  });

  const { authenticator, persisted, readiness, logger } = gateway.production;
  const socketsPerViewer = new SocketsPerViewer(config.transport.wsConnectionsPerViewer);
  useServer<Record<string, unknown>, { request: IncomingMessage; viewer?: Viewer }>(
    {
      connectionInitWaitTimeout: config.wsInitTimeoutMs,
      // Credentials travel in connectionParams (browsers cannot set upgrade headers); other
      // clients may use the upgrade request's headers. Refusal closes the socket with 4403.
      onConnect: async (ctx) => {
        try {
          let credentials = authenticator.fromConnectionParams(ctx.connectionParams);
          if (!credentials.apiKey && !credentials.bearer) {
            credentials = authenticator.fromHeaders(ctx.extra.request.headers);
          }
          const viewer = await authenticator.authenticate(credentials);
          const { socket } = ctx.extra;
          const release = socketsPerViewer.acquire(viewer.id);
          if (!release) {
            logger.info({ ws: 'refused', reason: 'connection limit' }, 'websocket');
            socket.close(TOO_MANY_SOCKETS.code, TOO_MANY_SOCKETS.reason);
            return false;
          }
          // The credential ends the socket when it expires (JWT exp): 4401, like an HTTP 401.
          const cancel = closeAtExpiry(socket, viewer);
          socket.once('close', () => {
            release();
            cancel();
          });
          ctx.extra.viewer = viewer;
          authenticated.add(socket);
          logger.debug({ ws: 'connected', viewer: viewer.id }, 'websocket');
          return true;
        } catch (error) {
          logger.info({ ws: 'refused', reason: (error as Error).message }, 'websocket');
          return false;
        }
      },
      execute: (args) =>
        (args.rootValue as { execute: (a: unknown) => unknown }).execute(args) as never,
      subscribe: (args) =>
        (args.rootValue as { subscribe: (a: unknown) => unknown }).subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        if (expired(ctx.extra.viewer)) {
          ctx.extra.socket.close(CREDENTIAL_EXPIRED.code, CREDENTIAL_EXPIRED.reason);
          return [
            new GraphQLError('Credential expired.', { extensions: { code: 'UNAUTHENTICATED' } }),
          ];
        }
        // The one pipeline (src/plugins/pipeline.ts): persisted policy, parse, validation and
        // limits through the same enveloped plugins as HTTP; refusals are coded errors.
        const prepared = await prepareOperation(
          yoga,
          persisted,
          {
            ...ctx,
            req: ctx.extra.request,
            socket: ctx.extra.socket,
            connectionParams: ctx.connectionParams,
            viewer: ctx.extra.viewer!,
          },
          params,
        );
        if (Array.isArray(prepared)) return prepared;
        return {
          schema: prepared.schema as never,
          document: prepared.document,
          operationName: prepared.operationName,
          variableValues: prepared.variableValues,
          contextValue: prepared.contextValue,
          rootValue: { execute: prepared.execute, subscribe: prepared.subscribe },
        };
      },
    },
    wss,
    12_000,
  );
  wss.on('connection', (socket) => {
    // Shutting down: no new sockets (the listener may still accept during the drain delay).
    if (readiness.isShuttingDown) socket.close(1001, 'Going away');
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}${yoga.graphqlEndpoint}`;
  const metricsServer =
    config.metricsPort === undefined
      ? undefined
      : await serveMetrics(gateway.production.metrics, {
          port: config.metricsPort,
          host: config.metricsHost,
        });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // /ready answers 503 from now on, so load balancers stop sending new work.
      readiness.beginShutdown();
      logger.info({ delayMs: config.shutdownDelayMs }, 'shutting down');
      if (config.shutdownDelayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
      }
      for (const client of wss.clients) client.close(1001, 'Going away');
      // SSE streams end the way their clients retry (src/plugins/open-streams.ts).
      gateway.production.streams.completeAll();
      // In-flight requests get the rest of the budget; then every connection is cut.
      const force = setTimeout(
        () => {
          server.closeAllConnections();
          for (const client of wss.clients) client.terminate();
        },
        Math.max(500, config.shutdownTimeoutMs - config.shutdownDelayMs - 500),
      );
      force.unref();
      const started = Date.now();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Keep-alive connections that finish their request after this point go idle too.
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        idle.unref();
        server.once('close', () => clearInterval(idle));
      });
      clearTimeout(force);
      const drainedMs = Date.now() - started;
      wss.close();
      await gateway.close();
      await metricsServer?.close();
      await emulator?.close();
      logger.info({ drainedMs, totalMs: Date.now() - started }, 'shut down');
    })();
    return closing;
  };
  return {
    url,
    port,
    gateway,
    server,
    emulatorUrl: emulator?.url,
    metricsUrl: metricsServer?.url,
    close,
  };
}

/** Who can reach what: the start line's second half (docs/security.md). */
export function reachLine(config: GatewayConfig, metricsUrl?: string): string {
  const where = isLoopback(config.host)
    ? `only this machine (HOST=${config.host})`
    : `anyone who can reach ${config.host}:${config.port} (HOST=${config.host})`;
  const anonymous = config.allowAnonymous
    ? 'callers without credentials get every scope, admin included (ALLOW_ANONYMOUS)'
    : 'every caller needs an API key or a JWT';
  const metrics = metricsUrl ? `metrics at ${metricsUrl}` : 'metrics off';
  return `Access: ${where}; ${anonymous}; ${metrics}.`;
}

/** The process: configuration from the environment, JSON logs, signals. */
export async function main() {
  let config: GatewayConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      createLogger({}, pino.destination({ dest: 2, sync: true })).fatal(
        `Configuration error: ${error.message}`,
      );
      process.exit(2);
    }
    throw error;
  }
  // One logger for the process: every line it writes is JSON (console included).
  const logger = createLogger({ level: config.logLevel });
  routeConsoleToLogger(logger);
  // Start-up and shutdown lines are the process's contract with whoever runs it (supervisors
  // and tests wait for "ready at"): written at info whatever LOG_LEVEL says.
  const lifecycle = logger.child({}, { level: 'info' });
  const running = await startServer(config, { logger });
  const target = config.embeddedEmulator
    ? `embedded AppFlow emulator at ${running.emulatorUrl}`
    : (config.appflowEndpoint ?? `AWS AppFlow in ${config.region}`);
  const banner = `appflow-gateway ready at ${running.url} (GraphiQL in a browser), AppFlow: ${target}`;
  const access = reachLine(config, running.metricsUrl);
  // A person at a terminal reads sentences; a log pipeline reads JSON. One write either way, so
  // the start line and who can reach what arrive together.
  if (process.stdout.isTTY)
    process.stdout.write(`${banner}
${access}
`);
  else
    lifecycle.info(
      { url: running.url, appflow: target, metricsUrl: running.metricsUrl, access },
      banner,
    );
  const shutdown = (signal: string) => {
    lifecycle.info({ signal }, `${signal}: shutting down`);
    // Whatever happens, the process is gone within 10 s of the signal.
    const hard = setTimeout(
      () => process.exit(1),
      Math.min(10_000, config.shutdownTimeoutMs + 500),
    );
    hard.unref();
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

// Run directly in development (`tsx src/server.ts`). The bundle's entry is src/cli.ts, which
// calls main(); esbuild defines __APPFLOW_BUNDLE__ so this module never starts a second one.
declare const __APPFLOW_BUNDLE__: boolean | undefined;
if (
  typeof __APPFLOW_BUNDLE__ === 'undefined' &&
  import.meta.url === pathToFileURL(process.argv[1] ?? '').href
) {
  main().catch((error) => {
    createLogger({}, pino.destination({ dest: 2, sync: true })).fatal({ err: error }, 'failed');
    process.exit(1);
  });
}

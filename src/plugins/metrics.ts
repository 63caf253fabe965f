/**
 * Prometheus metrics (prom-client), one Registry per gateway so gateways in one process (tests)
 * never mix their numbers: GraphQL operations by name, type and outcome; AppFlow calls by
 * operation and outcome; cache lookups; and gauges for live subscriptions (kept by useMetrics)
 * and pollers (read from the poller at scrape time).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppflowHandle } from '../appflow/client.js';
import type { AppflowCache } from '../services/cache.js';

/** The small API other parts of the gateway use to report what they run. */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** Live GraphQL subscriptions (WebSocket and SSE); useMetrics keeps it up to date. */
  subscriptions: { inc(): void; dec(): void; set(n: number): void };
  /** Live upstream pollers (one per watched flow or execution set). */
  pollers: { inc(): void; dec(): void; set(n: number): void };
  /** Record one finished GraphQL operation. */
  observeOperation(operation: string, type: string, outcome: string, seconds: number): void;
  /** Prometheus text exposition. */
  render(): Promise<{ contentType: string; body: string }>;
  /** Stop listening to the AppFlow client and the cache. */
  detach(): void;
}

/** Distinct operation-name labels kept before the rest are reported as `other`. */
const MAX_OPERATION_LABELS = 200;
/**
 * Longest operation name kept as a label: 20 names of 100 KB took /metrics from 9 KB to 30 MB
 * (and 45 of 900 KB past V8's string limit: every scrape a 500).
 */
export const MAX_OPERATION_LABEL_LENGTH = 100;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

export function createMetrics(sources: {
  appflow?: Pick<AppflowHandle, 'onCall'>;
  cache?: Pick<AppflowCache, 'onLookup'>;
  /** Watches this replica polls for (read at scrape time). */
  activePollers?: () => number;
  defaultMetrics?: boolean;
}): GatewayMetrics {
  const registry = new Registry();
  if (sources.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations executed, by operation name, type and outcome (ok or error).',
    labelNames: ['operation', 'type', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time to execute a query or mutation, by operation name and type.',
    labelNames: ['operation', 'type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const appflowCalls = new Counter({
    name: 'appflow_calls_total',
    help: 'Calls to AppFlow, by operation and outcome (ok or the AWS error name).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const appflowDuration = new Histogram({
    name: 'appflow_call_duration_seconds',
    help: 'AppFlow call latency including SDK retries, by operation.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: 'appflow_cache_lookups_total',
    help: 'Cross-request cache lookups, by kind of entry and outcome (hit, stale, miss).',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const subscriptions = new Gauge({
    name: 'graphql_active_subscriptions',
    help: 'GraphQL subscriptions currently open.',
    registers: [registry],
  });
  const activePollers = sources.activePollers;
  const pollers = new Gauge({
    name: 'appflow_active_pollers',
    help: 'Upstream pollers currently running for subscriptions.',
    registers: [registry],
    ...(activePollers
      ? {
          collect() {
            this.set(activePollers());
          },
        }
      : {}),
  });

  const names = new Set<string>();
  const label = (operation: string) => {
    if (operation.length > MAX_OPERATION_LABEL_LENGTH || !GRAPHQL_NAME.test(operation)) {
      return 'other';
    }
    if (names.has(operation)) return operation;
    if (names.size >= MAX_OPERATION_LABELS) return 'other';
    names.add(operation);
    return operation;
  };

  const detachers: (() => void)[] = [];
  if (sources.appflow) {
    detachers.push(
      sources.appflow.onCall((operation, outcome, ms) => {
        appflowCalls.inc({ operation, outcome });
        appflowDuration.observe({ operation }, ms / 1000);
      }),
    );
  }
  if (sources.cache) {
    detachers.push(sources.cache.onLookup((kind, outcome) => cacheLookups.inc({ kind, outcome })));
  }

  return {
    registry,
    subscriptions: {
      inc: () => subscriptions.inc(),
      dec: () => subscriptions.dec(),
      set: (n) => subscriptions.set(n),
    },
    pollers: { inc: () => pollers.inc(), dec: () => pollers.dec(), set: (n) => pollers.set(n) },
    observeOperation(operation, type, outcome, seconds) {
      const name = label(operation);
      requests.inc({ operation: name, type, outcome });
      if (type !== 'subscription') duration.observe({ operation: name, type }, seconds);
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
    detach() {
      for (const d of detachers.splice(0)) d();
    },
  };
}

/** Counts and times every operation, on HTTP and WebSocket alike (both run through envelop). */
export function useMetrics(metrics: GatewayMetrics): Plugin {
  const observe = (
    args: { document: Parameters<typeof getOperationAST>[0]; operationName?: string | null },
    ok: boolean,
    started: number,
  ) => {
    const op = getOperationAST(args.document, args.operationName);
    metrics.observeOperation(
      op?.name?.value ?? args.operationName ?? 'anonymous',
      op?.operation ?? 'unknown',
      ok ? 'ok' : 'error',
      (performance.now() - started) / 1000,
    );
  };
  return {
    onExecute({ args }) {
      const started = performance.now();
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result ? result.errors : undefined;
          observe(args, !errors?.length, started);
        },
      };
    },
    onSubscribe({ args }) {
      const started = performance.now();
      let counted = false;
      return {
        onSubscribeResult({ result }) {
          if (!counted) observe(args, true, started);
          counted = true;
          if (!(Symbol.asyncIterator in Object(result))) return;
          // A live subscription, over WebSocket or SSE alike, until its stream ends.
          metrics.subscriptions.inc();
          return { onEnd: () => metrics.subscriptions.dec() };
        },
        onSubscribeError() {
          observe(args, false, started);
          counted = true;
        },
      };
    },
  };
}

/**
 * /metrics on a listener of its own (METRICS_PORT, 127.0.0.1 by default, as Apollo Router
 * does): operation names of every caller and the runtime's version are not for the public
 * port. Anything but `GET /metrics` is a 404.
 */
export async function serveMetrics(
  metrics: Pick<GatewayMetrics, 'render'>,
  options: { port: number; host: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    metrics.render().then(
      ({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
        res.end(body);
      },
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics unavailable'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Prometheus metrics (prom-client), one Registry per gateway so gateways in one process (tests)
 * never mix their numbers: GraphQL operations by name, type and outcome; AppFlow calls by
 * operation and outcome; cache lookups; and gauges for live subscriptions (kept by useMetrics)
 * and pollers (read from the poller at scrape time).
 */
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

/**
 * OpenTelemetry spans and metrics through `@opentelemetry/api`, exported by the Node SDK when
 * an OTLP endpoint is set (src/telemetry.ts) or by one the process registered itself. Spans: one
 * per HTTP request to /graphql (server), its operation inside it, and one per AppFlow call
 * (client) under the operation. The request span is active for the whole request, so every log
 * line of it carries its trace_id. Metrics: operation and AppFlow call counts and durations.
 * Without an SDK the API is a no-op.
 */
import type { Attributes } from '@opentelemetry/api';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AppflowHandle } from '../appflow/client.js';

type OtelApi = typeof import('@opentelemetry/api');

let api: OtelApi | undefined | null;

/** The OpenTelemetry API, or undefined when the package is not installed. */
export async function loadOtel(): Promise<OtelApi | undefined> {
  if (api === undefined) {
    try {
      api = await import('@opentelemetry/api');
    } catch {
      api = null;
    }
  }
  return api ?? undefined;
}

export interface TelemetryOptions {
  /** Make spans (TRACING); metrics are recorded either way. */
  spans: boolean;
}

export function useTracing(otel: OtelApi, options: TelemetryOptions): Plugin {
  const tracer = otel.trace.getTracer('appflow-gateway');
  const meter = otel.metrics.getMeter('appflow-gateway');
  const duration = meter.createHistogram('graphql.server.operation.duration', {
    description: 'Duration of GraphQL operation executions.',
    unit: 's',
  });
  return {
    instrumentation: options.spans
      ? {
          request({ request }, wrapped) {
            const path = new URL(request.url).pathname;
            // Probes and static files would drown the traces.
            if (!path.startsWith('/graphql')) return wrapped();
            const span = tracer.startSpan(`${request.method} ${path}`, {
              kind: otel.SpanKind.SERVER,
              attributes: { 'http.request.method': request.method, 'url.path': path },
            });
            return otel.context.with(otel.trace.setSpan(otel.context.active(), span), async () => {
              try {
                await wrapped();
              } catch (error) {
                span.setStatus({ code: otel.SpanStatusCode.ERROR });
                throw error;
              } finally {
                span.end();
              }
            });
          },
        }
      : undefined,
    onResponse({ response }) {
      otel.trace.getActiveSpan()?.setAttribute('http.response.status_code', response.status);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const op = getOperationAST(args.document, args.operationName);
      const attributes: Attributes = {
        'graphql.operation.type': op?.operation ?? 'unknown',
        'graphql.operation.name': op?.name?.value ?? '',
      };
      const name = `graphql.${op?.operation ?? 'operation'} ${op?.name?.value ?? 'anonymous'}`;
      setExecuteFn(async (a) => {
        const started = performance.now();
        const run = async (span?: import('@opentelemetry/api').Span) => {
          for (const [key, value] of Object.entries(attributes)) span?.setAttribute(key, value!);
          let failed = false;
          try {
            const result = await executeFn(a);
            failed = Boolean('errors' in result && result.errors?.length);
            if (failed)
              span?.setStatus({ code: otel.SpanStatusCode.ERROR, message: 'GraphQL errors' });
            return result;
          } catch (error) {
            failed = true;
            span?.setStatus({ code: otel.SpanStatusCode.ERROR });
            throw error;
          } finally {
            span?.end();
            duration.record((performance.now() - started) / 1000, {
              ...attributes,
              'graphql.errors': failed,
            });
          }
        };
        return options.spans ? tracer.startActiveSpan(name, run) : run();
      });
    },
  };
}

/** A span per AppFlow call under the operation's span (the active one), and its metrics. */
export function traceAppflowCalls(
  otel: OtelApi,
  appflow: Pick<AppflowHandle, 'onCall'>,
  options: TelemetryOptions,
) {
  const tracer = otel.trace.getTracer('appflow-gateway');
  const meter = otel.metrics.getMeter('appflow-gateway');
  const calls = meter.createCounter('appflow.client.calls', {
    description: 'AppFlow API calls, by operation and outcome.',
  });
  const duration = meter.createHistogram('appflow.client.call.duration', {
    description: 'Duration of AppFlow API calls.',
    unit: 's',
  });
  return appflow.onCall((operation, outcome, ms) => {
    calls.add(1, { 'rpc.method': operation, outcome });
    duration.record(ms / 1000, { 'rpc.method': operation, outcome });
    if (!options.spans) return;
    const end = Date.now();
    const span = tracer.startSpan(`appflow.${operation}`, {
      startTime: end - ms,
      kind: otel.SpanKind.CLIENT,
      attributes: { 'rpc.system': 'aws-api', 'rpc.service': 'Appflow', 'rpc.method': operation },
    });
    if (outcome !== 'ok') {
      span.setStatus({ code: otel.SpanStatusCode.ERROR, message: outcome });
    }
    span.end(end);
  });
}

/**
 * Optional OpenTelemetry tracing: a span per GraphQL operation and one per AppFlow call.
 * It uses `@opentelemetry/api` when installed; with no SDK registered the API's tracer is a
 * no-op, so this costs next to nothing until an operator registers an exporter.
 */
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

export function useTracing(otel: OtelApi): Plugin {
  const tracer = otel.trace.getTracer('appflow-gateway');
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const op = getOperationAST(args.document, args.operationName);
      const name = `graphql.${op?.operation ?? 'operation'} ${op?.name?.value ?? 'anonymous'}`;
      setExecuteFn((a) =>
        tracer.startActiveSpan(name, async (span) => {
          span.setAttribute('graphql.operation.type', op?.operation ?? 'unknown');
          span.setAttribute('graphql.operation.name', op?.name?.value ?? '');
          try {
            const result = await executeFn(a);
            const errors = 'errors' in result ? result.errors : undefined;
            if (errors?.length) {
              span.setStatus({ code: otel.SpanStatusCode.ERROR, message: 'GraphQL errors' });
            }
            return result;
          } catch (error) {
            span.setStatus({ code: otel.SpanStatusCode.ERROR });
            throw error;
          } finally {
            span.end();
          }
        }),
      );
    },
  };
}

/** A span per AppFlow call, under the operation's span when a context manager carries it. */
export function traceAppflowCalls(otel: OtelApi, appflow: Pick<AppflowHandle, 'onCall'>) {
  const tracer = otel.trace.getTracer('appflow-gateway');
  return appflow.onCall((operation, outcome, ms) => {
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

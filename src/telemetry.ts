/**
 * OpenTelemetry by environment. With an OTLP endpoint in the standard variables
 * (OTEL_EXPORTER_OTLP_ENDPOINT, or the _TRACES_ / _METRICS_ ones) the gateway starts the
 * OpenTelemetry Node SDK (src/telemetry-sdk.ts), which exports the spans and metrics of
 * src/plugins/tracing.ts over OTLP. Without them nothing of the SDK is loaded: the import is
 * dynamic (a chunk of its own in the bundle), so startup is unchanged.
 */
import type { GatewayConfig } from './config.js';

type OtelApi = typeof import('@opentelemetry/api');

export interface Telemetry {
  /** Spans are exported (an OTLP traces endpoint). */
  traces: boolean;
  /** Flushes what is buffered (spans, the last metrics) and stops the exporters. */
  shutdown(): Promise<void>;
}

/** Starts the Node SDK when an OTLP endpoint is configured; undefined otherwise. */
export async function startTelemetry(otlp: GatewayConfig['otlp']): Promise<Telemetry | undefined> {
  if (!otlp.traces && !otlp.metrics) return undefined;
  const { startNodeSdk } = await import('./telemetry-sdk.js');
  return startNodeSdk(otlp);
}

/** Is an OpenTelemetry SDK registered in this process (ours, or one started by --import)? */
export function hasTracerProvider(otel: OtelApi): boolean {
  // Never ended, so an SDK that is there does not export it.
  const span = otel.trace.getTracer('appflow-gateway').startSpan('probe');
  return otel.trace.isSpanContextValid(span.spanContext());
}

/**
 * Fields a log line made inside a span carries (pino mixin): the W3C ids a trace backend links
 * logs to spans by. pino is bundled, so an auto-instrumentation could not add them.
 */
export function traceLogFields(otel: OtelApi): () => Record<string, string | undefined> {
  return () => {
    const span = otel.trace.getActiveSpan();
    if (!span) return {};
    const { traceId, spanId, traceFlags } = span.spanContext();
    if (!otel.trace.isSpanContextValid(span.spanContext())) return {};
    return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}` };
  };
}

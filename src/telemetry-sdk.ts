/**
 * The OpenTelemetry Node SDK, configured from the standard OTEL_* variables (protocol:
 * http/protobuf by default, http/json or grpc; headers, timeouts, sampler, export intervals,
 * resource from OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES). Imported only when an OTLP
 * endpoint is set (src/telemetry.ts). No auto-instrumentation: the spans are the gateway's own
 * (a request, its operation, each AppFlow call), metrics likewise (src/plugins/tracing.ts).
 */
import { NodeSDK, resources } from '@opentelemetry/sdk-node';
import type { GatewayConfig } from './config.js';
import type { Telemetry } from './telemetry.js';

export function startNodeSdk(otlp: GatewayConfig['otlp']): Telemetry {
  const sdk = new NodeSDK({
    // A default name; OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (detected) take precedence.
    resource: resources
      .defaultResource()
      .merge(resources.resourceFromAttributes({ 'service.name': 'appflow-gateway' })),
    // Empty lists switch a signal off (the SDK would otherwise default to localhost:4318).
    ...(otlp.traces ? {} : { spanProcessors: [] }),
    ...(otlp.metrics ? {} : { metricReaders: [] }),
    // Logs stay JSON lines on stdout, with trace_id and span_id (src/logger.ts).
    logRecordProcessors: [],
    instrumentations: [],
  });
  sdk.start();
  return { traces: otlp.traces, shutdown: () => sdk.shutdown() };
}

/**
 * OpenTelemetry by environment: a gateway process started with the standard OTEL_* variables
 * exports its spans and metrics over OTLP/HTTP (JSON here) to a receiver this test runs, with
 * the resource from OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES; an operation's span sits in
 * its request's span and has its AppFlow calls as children; the request's log line carries the
 * same trace_id. Without an endpoint nothing is exported, and TRACING=true says where its spans
 * (do not) go.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createGateway } from '../../src/yoga.js';
import { startTestEmulator } from '../helpers/emulator.js';

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
interface ExportRequest {
  resourceSpans?: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
  resourceMetrics?: {
    resource: { attributes: OtlpAttribute[] };
    scopeMetrics: { metrics: { name: string }[] }[];
  }[];
}

/** An OTLP/HTTP receiver: keeps every JSON export request by path (/v1/traces, /v1/metrics). */
function startReceiver(): Promise<{
  server: Server;
  url: string;
  received: Map<string, ExportRequest[]>;
}> {
  const received = new Map<string, ExportRequest[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const list = received.get(req.url!) ?? [];
      list.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportRequest);
      received.set(req.url!, list);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        received,
      }),
    ),
  );
}

const attribute = (attributes: OtlpAttribute[] | undefined, key: string) =>
  attributes?.find((a) => a.key === key)?.value.stringValue;

describe('a gateway process with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let child: ChildProcess;
  let stdout = '';
  let answer: { data?: { flow?: { flowName: string } }; errors?: unknown };

  beforeAll(async () => {
    receiver = await startReceiver();
    const { REDIS_URL: _, ...inherited } = process.env;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        ...inherited,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'appflow-gateway-otel-test',
        OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=test,team=data',
        // Metrics leave at shutdown (the SDK's final collection), not on a timer.
        OTEL_METRIC_EXPORT_INTERVAL: '600000',
        SHUTDOWN_TIMEOUT_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    // Ready when it names its address (the banner, or a JSON line carrying it).
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start:\n${stdout}${stderr}`)), 60_000);
      const check = () => {
        const m = stdout.match(/localhost:(\d+)\/graphql/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => reject(new Error(`exited ${code}:\n${stdout}${stderr}`)));
    });
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'otel-test-request' },
      body: JSON.stringify({
        query:
          'query FlowForTrace { flow(name: "salesforce-accounts-to-s3") { flowName sourceConnectorProfile { connectorProfileName } } }',
      }),
    });
    answer = (await res.json()) as typeof answer;
    // A clean stop flushes the SDK: every span and the last metrics reach the receiver.
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }, 120_000);
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    receiver?.server.close();
  });

  const spans = () =>
    (receiver.received.get('/v1/traces') ?? []).flatMap((r) =>
      (r.resourceSpans ?? []).flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)),
    );

  it('exports the request, its operation and the AppFlow calls as one trace', () => {
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.flow?.flowName).toBe('salesforce-accounts-to-s3');
    const all = spans();
    const operation = all.find((s) => s.name === 'graphql.query FlowForTrace');
    expect(operation, JSON.stringify(all.map((s) => s.name))).toBeDefined();
    expect(attribute(operation!.attributes, 'graphql.operation.name')).toBe('FlowForTrace');
    const request = all.find((s) => s.spanId === operation!.parentSpanId);
    expect(request).toMatchObject({ name: 'POST /graphql', traceId: operation!.traceId, kind: 2 });
    const calls = all.filter((s) => s.parentSpanId === operation!.spanId);
    expect(calls.map((s) => s.name).sort()).toEqual([
      'appflow.DescribeConnectorProfiles',
      'appflow.DescribeFlow',
    ]);
    for (const call of calls) {
      expect(call).toMatchObject({ traceId: operation!.traceId, kind: 3 });
      expect(attribute(call.attributes, 'rpc.service')).toBe('Appflow');
    }
  });

  it('names the resource from OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES', () => {
    const resource = receiver.received.get('/v1/traces')![0]!.resourceSpans![0]!.resource;
    expect(attribute(resource.attributes, 'service.name')).toBe('appflow-gateway-otel-test');
    expect(attribute(resource.attributes, 'deployment.environment.name')).toBe('test');
    expect(attribute(resource.attributes, 'team')).toBe('data');
  });

  it('exports metrics of operations and AppFlow calls', () => {
    const names = (receiver.received.get('/v1/metrics') ?? []).flatMap((r) =>
      (r.resourceMetrics ?? []).flatMap((rm) =>
        rm.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.name)),
      ),
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'graphql.server.operation.duration',
        'appflow.client.calls',
        'appflow.client.call.duration',
      ]),
    );
  });

  it("stamps the request's log line with the trace_id and span_id of its span", () => {
    const lines = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const line = lines.find((l) => l.msg === 'request' && l.reqId === 'otel-test-request');
    expect(line, stdout).toBeDefined();
    const request = spans().find((s) => s.name === 'POST /graphql' && s.traceId === line!.trace_id);
    expect(
      request,
      JSON.stringify({ line, spans: spans().map((x) => [x.name, x.traceId, x.spanId]) }),
    ).toBeDefined();
    expect(line!.span_id).toBe(request!.spanId);
    // Lines outside any request carry no ids.
    expect(lines.find((l) => l.msg === 'shutting down')?.trace_id).toBeUndefined();
  });
});

describe('without an OTLP endpoint', () => {
  it('exports nothing and makes no spans by default', () => {
    const config = loadConfig({});
    expect(config.otlp).toEqual({ traces: false, metrics: false });
    expect(config.tracing).toBe(false);
  });

  it('reads the standard variables: per signal, none and OTEL_SDK_DISABLED', () => {
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' }),
    ).toMatchObject({
      otlp: { traces: true, metrics: false },
      tracing: true,
    });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_METRICS_EXPORTER: 'none' })
        .otlp,
    ).toEqual({ traces: true, metrics: false });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', TRACING: 'false' }),
    ).toMatchObject({ otlp: { traces: true }, tracing: false });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }).otlp,
    ).toEqual({ traces: false, metrics: false });
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'c:4318' })).toThrow(ConfigError);
  });

  it('TRACING=true says that its spans go nowhere when no SDK is registered', async () => {
    const emulator = await startTestEmulator();
    const lines: string[] = [];
    const logger = createLogger({ level: 'info' }, { write: (s: string) => lines.push(s) });
    const gateway = await createGateway(
      loadConfig(
        { TRACING: 'true', ALLOW_ANONYMOUS: 'true' },
        { appflowEndpoint: emulator.url, embeddedEmulator: false },
      ),
      { logger },
    );
    try {
      const warning = lines.map((l) => JSON.parse(l)).find((l) => l.level === 'warn');
      expect(warning?.msg).toMatch(
        /TRACING is on but no OpenTelemetry SDK is registered.*OTEL_EXPORTER_OTLP_ENDPOINT/,
      );
    } finally {
      await gateway.close();
      await emulator.close();
    }
  });
});

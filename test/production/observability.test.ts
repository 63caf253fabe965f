/**
 * Operations: /health, /ready, /metrics (Prometheus, own registry), request ids, structured
 * logs that never contain a credential (a canary sent every way a credential travels), and
 * OpenTelemetry spans when a tracer provider is registered.
 */
import { type Span, type Tracer, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED, redact, SENSITIVE_KEYS, sensitiveModelMembers } from '../../src/logger.js';
import { READ_KEY, startProdGateway, startProdServer, WRITE_KEY } from './helpers.js';
import { rawSocket } from './ws-client.js';

const CANARY = 'canary-5f1c2e9a7b3d';

describe('redaction rules', () => {
  it('derives credential members from the model and masks them at any depth', () => {
    const fromModel = sensitiveModelMembers();
    for (const m of ['clientSecret', 'password', 'accessToken', 'secretKey', 'apiKey']) {
      expect(fromModel).toContain(m);
    }
    for (const k of ['authorization', 'x-api-key', 'refreshtoken'])
      expect(SENSITIVE_KEYS.has(k)).toBe(true);
    const out = redact({
      headers: { Authorization: 'Bearer abc', 'X-Api-Key': 'k' },
      deep: [{ a: { clientSecret: 's', keep: 'visible' } }],
      note: 'sent Bearer eyJhbGciOi.x.y here',
    }) as Record<string, unknown>;
    expect(out).toEqual({
      headers: { Authorization: REDACTED, 'X-Api-Key': REDACTED },
      deep: [{ a: { clientSecret: REDACTED, keep: 'visible' } }],
      note: `sent Bearer ${REDACTED} here`,
    });
  });
});

describe('HTTP operations endpoints and logs', () => {
  let g: Awaited<ReturnType<typeof startProdGateway>>;
  beforeAll(async () => {
    g = await startProdGateway({ LOG_LEVEL: 'debug' });
  });
  afterAll(() => g.close());

  it('/health answers while the process lives; /ready checks AppFlow', async () => {
    const health = await g.fetch('/health');
    expect(health.status).toBe(200);
    const ready = await g.fetch('/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { appflow: 'ok' } });
  });

  it('/ready is 503 when AppFlow is unreachable, and during shutdown', async () => {
    const other = await startProdGateway();
    await other.emulator.close(); // AppFlow gone.
    const down = await other.fetch('/ready');
    expect(down.status).toBe(503);
    expect((await down.json()).checks.appflow).toMatch(/^failed/);
    await other.gateway.close();

    g.gateway.production.readiness.beginShutdown();
    const draining = await g.fetch('/ready');
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ shuttingDown: true });
    expect((await g.fetch('/health')).status).toBe(200);
  });

  it('/metrics counts operations, AppFlow calls, cache lookups and exposes the gauges', async () => {
    const q = 'query Dash { flows(first: 2) { edges { node { lastExecution { executionId } } } } }';
    await g.post({ query: q, operationName: 'Dash' }, { 'x-api-key': READ_KEY });
    await g.post({ query: q, operationName: 'Dash' }, { 'x-api-key': READ_KEY });
    await g.post(
      { query: '{ flow(name: "nope-missing") { flowName } }' },
      { 'x-api-key': READ_KEY },
    );
    // A watched flow is a live poller on this replica while someone watches it.
    const feed = g.gateway.services.live.poller.watch(
      'runs',
      'salesforce-accounts-to-s3',
      () => {},
    );
    await new Promise((r) => setTimeout(r, 50));
    // Scraped from the gateway's registry: the listener (METRICS_PORT) is test/production/exposure.
    const { contentType, body: text } = await g.gateway.production.metrics.render();
    expect(contentType).toContain('text/plain');
    expect(text).toMatch(
      /graphql_operations_total\{operation="Dash",type="query",outcome="ok"\} 2/,
    );
    expect(text).toMatch(
      /graphql_operation_duration_seconds_count\{operation="Dash",type="query"\} 2/,
    );
    expect(text).toMatch(/appflow_calls_total\{operation="ListFlows",outcome="ok"\} \d+/);
    expect(text).toMatch(
      /appflow_calls_total\{operation="DescribeFlow",outcome="ResourceNotFoundException"\} 1/,
    );
    expect(text).toMatch(/appflow_cache_lookups_total\{kind="\w+",outcome="hit"\} \d+/);
    expect(text).toMatch(/appflow_cache_lookups_total\{kind="\w+",outcome="miss"\} \d+/);
    expect(text).toMatch(/^appflow_active_pollers 1$/m);
    expect(text).toMatch(/^graphql_active_subscriptions 0$/m);
    feed.close();
    expect((await g.gateway.production.metrics.render()).body).toMatch(
      /^appflow_active_pollers 0$/m,
    );
  });

  it('gives each request an id (caller-supplied when well-formed) and logs it as JSON', async () => {
    const mine = await g.fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'req-123',
        'x-api-key': READ_KEY,
      },
      body: JSON.stringify({ query: 'query Named { __typename }' }),
    });
    expect(mine.headers.get('x-request-id')).toBe('req-123');
    const junk = await g.fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'bad id\n',
        'x-api-key': READ_KEY,
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(junk.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const line = g.logs.entries.find((e) => e.reqId === 'req-123' && e.msg === 'request');
    expect(line).toMatchObject({
      level: 'info',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'Named',
      type: 'query',
      viewer: expect.stringMatching(/^apikey:/),
    });
  });
});

describe('a canary credential never reaches the logs', () => {
  it('HTTP headers, JWT, mutation variables, WebSocket connectionParams and errors', async () => {
    const s = await startProdServer({ LOG_LEVEL: 'trace' });
    try {
      const post = (body: unknown, headers: Record<string, string>) =>
        fetch(s.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        });
      const q = { query: '{ flows(first: 1) { edges { cursor } } }' };
      expect((await post(q, { 'x-api-key': CANARY })).status).toBe(401);
      expect((await post(q, { authorization: `Bearer ${CANARY}` })).status).toBe(401);
      expect((await post(q, { authorization: `Bearer aaa.${CANARY}.bbb` })).status).toBe(401);
      expect((await post(q, { authorization: `Basic ${CANARY}` })).status).toBe(401);

      const create = await post(
        {
          query: `mutation ($input: CreateConnectorProfileInput!) {
            createConnectorProfile(input: $input) { __typename ... on MutationError { message } } }`,
          variables: {
            input: {
              connectorProfileName: 'canary-profile',
              connectorType: 'Salesforce',
              connectionMode: 'Public',
              connectorProfileConfig: {
                connectorProfileCredentials: {
                  Salesforce: { accessToken: CANARY, refreshToken: CANARY, jwtToken: CANARY },
                },
                connectorProfileProperties: {
                  Salesforce: { instanceUrl: 'https://canary.my.salesforce.com' },
                },
              },
            },
          },
        },
        { 'x-api-key': WRITE_KEY },
      );
      const body = await create.json();
      expect(JSON.stringify(body)).not.toContain(CANARY);
      // Same secret inline in the document, and a validation error that might echo it.
      await post(
        {
          query: `mutation { createConnectorProfile(input: { connectorProfileName: "x", connectorType: Salesforce,
            connectionMode: Public, connectorProfileConfig: { connectorProfileProperties: {},
            connectorProfileCredentials: { Salesforce: { accessToken: 42, clientCredentialsArn: "${CANARY}" } } } }) { __typename } }`,
        },
        { 'x-api-key': WRITE_KEY },
      );

      for (const payload of [
        { 'x-api-key': CANARY },
        { authorization: `Bearer ${CANARY}` },
        { apiKey: CANARY, token: CANARY },
      ]) {
        const c = await rawSocket(s.wsUrl);
        c.send({ type: 'connection_init', payload });
        expect((await c.closed).code).toBe(4403);
      }
      await new Promise((r) => setTimeout(r, 100)); // let pino's async writes land

      expect(s.logs.lines.length).toBeGreaterThan(5);
      expect(s.logs.text).not.toContain(CANARY);
      // The logs did record these events, with the secrets masked.
      expect(s.logs.text).toContain(REDACTED);
      expect(s.logs.entries.some((e) => e.ws === 'refused')).toBe(true);
      expect(s.logs.entries.filter((e) => e.status === 401).length).toBeGreaterThanOrEqual(4);
    } finally {
      await s.stop();
    }
  });
});

describe('OpenTelemetry', () => {
  it('makes a span per operation and per AppFlow call when a provider is registered', async () => {
    const spans: { name: string; attributes: Record<string, unknown>; ended: boolean }[] = [];
    const makeSpan = (name: string, attributes: Record<string, unknown> = {}) => {
      const record = { name, attributes: { ...attributes }, ended: false };
      spans.push(record);
      const span = {
        setAttribute: (k: string, v: unknown) => {
          record.attributes[k] = v;
          return span;
        },
        setAttributes: () => span,
        setStatus: () => span,
        end: () => {
          record.ended = true;
        },
        isRecording: () => true,
        spanContext: () => ({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 1 }),
        recordException: () => {},
        addEvent: () => span,
        updateName: () => span,
      };
      return span as unknown as Span;
    };
    const tracer = {
      startSpan: (name: string, opts?: { attributes?: Record<string, unknown> }) =>
        makeSpan(name, opts?.attributes),
      startActiveSpan: (name: string, ...rest: unknown[]) =>
        (rest[rest.length - 1] as (s: Span) => unknown)(makeSpan(name)),
    } as unknown as Tracer;
    trace.setGlobalTracerProvider({ getTracer: () => tracer });
    const g = await startProdGateway({ TRACING: 'true' });
    try {
      await g.post(
        { query: 'query Traced { flows(first: 1) { edges { cursor } } }' },
        { 'x-api-key': READ_KEY },
      );
      const op = spans.find((s) => s.name === 'graphql.query Traced');
      expect(op).toMatchObject({ ended: true, attributes: { 'graphql.operation.type': 'query' } });
      const call = spans.find((s) => s.name === 'appflow.ListFlows');
      expect(call).toMatchObject({ ended: true, attributes: { 'rpc.method': 'ListFlows' } });
    } finally {
      await g.close();
      trace.disable();
    }
  });
});

describe('readiness with Redis', () => {
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) console.warn('!!! REDIS_URL unset: skipping the Redis readiness test !!!');
  it.skipIf(!redisUrl)(
    'checks Redis when configured, and reports degraded when it is unreachable',
    async () => {
      const g = await startProdGateway({ REDIS_URL: redisUrl! });
      try {
        const res = await g.fetch('/ready');
        expect(await res.json()).toMatchObject({
          ready: true,
          checks: { appflow: 'ok', redis: 'ok' },
        });
      } finally {
        await g.close();
      }
      const { Readiness } = await import('../../src/plugins/health.js');
      const { RedisConnections } = await import('../../src/redis.js');
      const unreachable = await RedisConnections.open('redis://127.0.0.1:1');
      try {
        // Redis is not required: a replica without it still serves, degraded.
        const report = await new Readiness(0, 1_000).addRedis(unreachable).report();
        expect(report).toMatchObject({ ready: true, degraded: true });
        expect(report.checks.redis).toMatch(/^failed/);
      } finally {
        await unreachable.close();
      }
    },
  );
});

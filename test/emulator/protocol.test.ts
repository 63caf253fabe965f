import {
  CreateConnectorProfileCommand,
  CreateFlowCommand,
  DescribeFlowCommand,
  ListFlowsCommand,
  StartFlowCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { errorOf, s3Flow, salesforceProfile } from './fixtures.js';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control.reset();
});

const signed = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/appflow/aws4_request, SignedHeaders=host, Signature=abc',
};

describe('rest-json protocol and AWS errors', () => {
  it('answers unsigned requests with 403 AccessDeniedException', async () => {
    const res = await fetch(`${t.url}/list-flows`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(await res.json()).toEqual({ message: expect.any(String) });
  });

  it('answers unknown routes with 404 UnknownOperationException', async () => {
    const res = await fetch(`${t.url}/no-such-operation`, {
      method: 'POST',
      headers: signed,
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    const wrongMethod = await fetch(`${t.url}/list-flows`, { method: 'GET', headers: signed });
    expect(wrongMethod.status).toBe(404);
  });

  it('answers malformed JSON with 400 SerializationException', async () => {
    const res = await fetch(`${t.url}/list-flows`, {
      method: 'POST',
      headers: signed,
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('SerializationException');
  });

  it('answers wrongly typed members with ValidationException', async () => {
    const res = await fetch(`${t.url}/list-flows`, {
      method: 'POST',
      headers: signed,
      body: JSON.stringify({ maxResults: 'ten' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect((await res.json()).message).toContain("Value at 'maxResults'");
  });

  it('routes uri and querystring members (tags operations)', async () => {
    await t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
    const { flowArn } = await t.client.send(new CreateFlowCommand(s3Flow('f1', 'sf')));
    const arn = encodeURIComponent(flowArn!);
    const get = await fetch(`${t.url}/tags/${arn}`, { headers: signed });
    expect(await get.json()).toEqual({ tags: { team: 'test' } });
    const del = await fetch(`${t.url}/tags/${arn}?tagKeys=team`, {
      method: 'DELETE',
      headers: signed,
    });
    expect(del.status).toBe(200);
    expect(await (await fetch(`${t.url}/tags/${arn}`, { headers: signed })).json()).toEqual({
      tags: {},
    });
  });

  it('outputs timestamps as epoch seconds', async () => {
    await t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
    await t.client.send(new CreateFlowCommand(s3Flow('f1', 'sf')));
    const res = await fetch(`${t.url}/describe-flow`, {
      method: 'POST',
      headers: signed,
      body: JSON.stringify({ flowName: 'f1' }),
    });
    const body = await res.json();
    expect(typeof body.createdAt).toBe('number');
    expect(Math.abs(body.createdAt - Date.now() / 1000)).toBeLessThan(60);
  });

  it('raises every modelled error type by name through the SDK (faults for the rare ones)', async () => {
    const names = [
      'ConnectorAuthenticationException',
      'ConnectorServerException',
      'ServiceQuotaExceededException',
      'AccessDeniedException',
      'InternalServerException',
    ];
    for (const errorType of names) {
      await t.control.faults({ operation: 'ListFlows', type: 'error', errorType, count: 1 });
      const err = await errorOf(t.client.send(new ListFlowsCommand({})));
      expect(err.name).toBe(errorType);
    }
    await t.control.faults({ operation: 'ListFlows', type: 'throttle', count: 1 });
    const throttled = await errorOf(t.client.send(new ListFlowsCommand({})));
    expect(throttled.name).toBe('ThrottlingException');
    expect(throttled.$metadata?.httpStatusCode).toBe(429);
    // The rest come from real behaviour, covered in the other files; one each here.
    expect((await errorOf(t.client.send(new DescribeFlowCommand({ flowName: 'nope' })))).name).toBe(
      'ResourceNotFoundException',
    );
    expect((await errorOf(t.client.send(new StartFlowCommand({ flowName: '!' })))).name).toBe(
      'ValidationException',
    );
  });
});

describe('control API', () => {
  it('health, reset and built-in seed', async () => {
    const health = (await t.control.call('GET', '/health')) as Record<string, unknown>;
    expect(health.status).toBe('ok');
    const seeded = (await t.control.seed()) as Record<string, number>;
    expect(seeded.flows).toBeGreaterThanOrEqual(6);
    expect(seeded.connectorProfiles).toBeGreaterThanOrEqual(5);
    const flows = (await t.client.send(new ListFlowsCommand({ maxResults: 100 }))).flows!;
    const triggers = new Set(flows.map((f) => f.triggerType));
    expect(triggers).toEqual(new Set(['OnDemand', 'Scheduled', 'Event']));
    const statuses = new Set(
      flows.map((f) => f.lastRunExecutionDetails?.mostRecentExecutionStatus),
    );
    expect(statuses).toContain('Successful');
    expect(statuses).toContain('Error');
    const destinations = new Set(flows.map((f) => f.destinationConnectorType));
    for (const d of ['S3', 'Redshift', 'EventBridge', 'Salesforce'])
      expect(destinations).toContain(d);
    await t.control.reset();
    expect((await t.client.send(new ListFlowsCommand({}))).flows).toEqual([]);
  });

  it('seeds a document of profiles, flows and executions, and generates synthetic volume', async () => {
    const now = Math.floor(Date.now() / 1000);
    await t.control.seed({
      profiles: [salesforceProfile('doc-sf')],
      flows: [s3Flow('doc-flow', 'doc-sf')],
      executions: [
        { flowName: 'doc-flow', executionStatus: 'Successful', startedAt: now - 7200 },
        {
          flowName: 'doc-flow',
          executionStatus: 'Error',
          startedAt: now - 3600,
          message: 'Bad data',
        },
      ],
    });
    const flow = await t.client.send(new DescribeFlowCommand({ flowName: 'doc-flow' }));
    expect(flow.lastRunExecutionDetails).toMatchObject({
      mostRecentExecutionStatus: 'Error',
      mostRecentExecutionMessage: 'Bad data',
    });
    await expect(t.control.seed({ flows: [{ flowName: 'bad name' }] })).rejects.toThrow(
      /Seed failed/,
    );

    const started = Date.now();
    const out = (await t.control.seed({
      generate: { flows: 500, profiles: 10, executionsPerFlow: 5 },
    })) as Record<string, number>;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out.flows).toBe(501);
    expect(out.executions).toBe(2 + 2500);
  });

  it('faults: latency, rate, count, operation filter, clear', async () => {
    await t.control.faults({ operation: 'ListFlows', type: 'latency', latencyMs: 150, count: 1 });
    const t0 = Date.now();
    await t.client.send(new ListFlowsCommand({}));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    await t.control.faults({ operation: '*', type: 'error', rate: 0 });
    await t.client.send(new ListFlowsCommand({})); // rate 0: never fires
    await t.control.faults({ operation: 'DescribeFlow', type: 'throttle' });
    await t.client.send(new ListFlowsCommand({})); // other operation: unaffected
    expect((await errorOf(t.client.send(new DescribeFlowCommand({ flowName: 'x1' })))).name).toBe(
      'ThrottlingException',
    );
    expect((await errorOf(t.client.send(new DescribeFlowCommand({ flowName: 'x1' })))).name).toBe(
      'ThrottlingException',
    );
    await t.control.clearFaults();
    expect((await errorOf(t.client.send(new DescribeFlowCommand({ flowName: 'x1' })))).name).toBe(
      'ResourceNotFoundException',
    );
    await expect(t.control.faults({ type: 'explode' })).rejects.toThrow(/400/);
  });

  it('counts requests per operation', async () => {
    await t.control.clearRequests();
    await t.client.send(new ListFlowsCommand({}));
    await t.client.send(new ListFlowsCommand({}));
    await errorOf(t.client.send(new DescribeFlowCommand({ flowName: 'x1' })));
    expect(await t.control.requests()).toEqual({
      total: 3,
      byOperation: { ListFlows: 2, DescribeFlow: 1 },
      throttled: { total: 0, byOperation: {} },
    });
    await t.control.clearRequests();
    expect(await t.control.requests()).toEqual({
      total: 0,
      byOperation: {},
      throttled: { total: 0, byOperation: {} },
    });
  });

  it('unknown control routes are 404 and need no auth', async () => {
    const res = await fetch(`${t.url}/_emulator/nope`);
    expect(res.status).toBe(404);
    const health = await fetch(`${t.url}/_emulator/health`);
    expect(health.status).toBe(200);
  });
});

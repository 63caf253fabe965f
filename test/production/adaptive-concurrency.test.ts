/**
 * The adaptive limiter of the one AppFlow client (src/appflow/adaptive.ts), through the real
 * SDK against the emulator's token-bucket limits: it backs off at once on ThrottlingException,
 * paces the throttled operation, absorbs the throttles (no error reaches the caller) and
 * recovers when AppFlow stops throttling; and it serves viewers in turn, so one viewer's long
 * queue does not starve another's call. Ordering and counts only, never timings.
 */
import { DescribeConnectorsCommand, ListFlowsCommand } from '@aws-sdk/client-appflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveOptions } from '../../src/appflow/adaptive.js';
import { type AppflowHandle, createAppflowClient } from '../../src/appflow/client.js';
import { type CallBudget, withCallBudget } from '../../src/appflow/guards.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

let emulator: TestEmulator;
const handles: AppflowHandle[] = [];

function client(
  maxConcurrentAppflowCalls: number,
  adaptive: Partial<AdaptiveOptions> = {},
): AppflowHandle {
  const handle = createAppflowClient(
    {
      region: 'us-east-1',
      appflowEndpoint: emulator.url,
      maxConcurrentAppflowCalls,
      appflowMaxAttempts: 3,
    },
    adaptive,
  );
  handles.push(handle);
  return handle;
}

function viewer(name: string): CallBudget {
  return { take: async () => true, refusal: async () => new Error('never'), viewer: name };
}

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: true });
});
afterEach(async () => {
  await emulator.control.call('DELETE', '/limits');
  await emulator.control.call('POST', '/latency', { latencyMs: 0 });
  await emulator.control.clearRequests();
});
afterAll(async () => {
  for (const h of handles) h.destroy();
  await emulator.close();
});

describe('adaptive AppFlow concurrency', () => {
  it('backs off at once on throttling, absorbs the throttles, paces, and recovers', async () => {
    const appflow = client(16, { forgetAfterMs: 1500 });
    await emulator.control.call('POST', '/latency', { latencyMs: 20 });
    await emulator.control.call('POST', '/limits', {
      operation: 'ListFlows',
      ratePerSecond: 10,
      burst: 10,
    });
    await emulator.control.clearRequests();
    const limits: number[] = [];
    const outcomes: string[] = [];
    const stop = appflow.onCall((_op, outcome) => {
      outcomes.push(outcome);
      limits.push(appflow.concurrency().limit);
    });
    const thirty = () =>
      Promise.all(Array.from({ length: 30 }, () => appflow.client.send(new ListFlowsCommand({}))));

    // 30 calls at once against a bucket of 10: 16 go out together (the window), and every
    // call sent before the first throttle comes back is throttled too. Every caller still
    // gets its answer.
    const answers = await thirty();
    expect(answers.every((a) => Array.isArray(a.flows))).toBe(true);
    const learned = appflow.concurrency();
    expect(learned.throttles).toBeGreaterThan(0);
    expect(learned.maxActive).toBe(16);
    // The window halved at once, and once: the other throttles of the same burst are echoes.
    expect(Math.min(...limits)).toBe(8);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(30);
    expect((await emulator.control.requests()).throttled.total).toBe(learned.throttles);
    // ListFlows is paced from now on, other operations are not.
    expect(learned.rates.ListFlows?.ratePerSecond).toBeGreaterThan(0);
    expect(learned.rates.DescribeConnectors).toBeUndefined();

    // The same 30 again, now that ListFlows' pace is known: (nearly) none is throttled.
    await emulator.control.clearRequests();
    await thirty();
    expect((await emulator.control.requests()).throttled.total).toBeLessThanOrEqual(3);
    stop();

    // AppFlow stops throttling: once no call was throttled or held back by the pace for the
    // limiter's memory (1.5 s here), the operation is unpaced again, and answered calls grow the window back to the bound.
    await emulator.control.call('DELETE', '/limits');
    await new Promise((r) => setTimeout(r, 1600));
    await Promise.all(
      Array.from({ length: 20 }, () => appflow.client.send(new ListFlowsCommand({}))),
    );
    const after = appflow.concurrency();
    expect(after.rates.ListFlows).toBeUndefined();
    expect(after.limit).toBe(16);
  }, 30_000);

  it('a caller sees ThrottlingException only when AppFlow keeps throttling past the retries', async () => {
    const appflow = client(4, { maxThrottleRetries: 3 });
    await emulator.control.faults({ operation: 'DescribeConnectors', type: 'throttle' });
    try {
      await expect(
        appflow.client.send(new DescribeConnectorsCommand({ connectorTypes: ['S3'] })),
      ).rejects.toMatchObject({ name: 'ThrottlingException' });
      // The first try and 3 retries, each one AppFlow call; the SDK itself retried none.
      expect((await emulator.control.requests()).throttled.total).toBe(4);
    } finally {
      await emulator.control.clearFaults();
    }
  }, 30_000);

  it('serves viewers in turn: a long queue of one viewer does not starve another', async () => {
    const appflow = client(2);
    await emulator.control.call('POST', '/latency', { latencyMs: 15 });
    const done: string[] = [];
    const send = (who: string, i: number) =>
      appflow.client.send(new ListFlowsCommand({})).then(() => done.push(`${who}${i}`));
    // Viewer a queues 40 calls; then viewer b asks for 2.
    const a = withCallBudget(viewer('a'), () =>
      Promise.all(Array.from({ length: 40 }, (_, i) => send('a', i))),
    );
    await new Promise((r) => setImmediate(r));
    const b = withCallBudget(viewer('b'), () =>
      Promise.all(Array.from({ length: 2 }, (_, i) => send('b', i))),
    );
    await Promise.all([a, b]);
    // FIFO would answer b after all 40 of a; round robin answers b's two within the first
    // few calls after it asked (a's 2 in flight, then a and b alternate).
    const lastB = Math.max(done.indexOf('b0'), done.indexOf('b1'));
    expect(lastB).toBeGreaterThan(0);
    expect(lastB).toBeLessThan(8);
  }, 30_000);
});

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
import { DEFAULT_PACE } from '../../src/appflow/pace.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

let emulator: TestEmulator;
const handles: AppflowHandle[] = [];

/** A client whose operations are unpaced until throttled, unless `adaptive.pace` says otherwise. */
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
    { pace: { initialRate: 0, initialBurst: 1 }, ...adaptive },
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

describe('a fresh process (the default pace), through the SDK against the emulator', () => {
  it('under a 20/s, burst 40 limit per operation: at most 3 % throttled, no caller error', async () => {
    const appflow = client(256, { pace: DEFAULT_PACE });
    await emulator.control.call('POST', '/latency', { latencyMs: 20 });
    await emulator.control.call('POST', '/limits', {
      operation: '*',
      ratePerSecond: 20,
      burst: 40,
    });
    await emulator.control.clearRequests();
    // A dashboard's shape: 100 calls of two operations each, at once.
    const answers = await Promise.all([
      ...Array.from({ length: 100 }, () => appflow.client.send(new ListFlowsCommand({}))),
      ...Array.from({ length: 100 }, () =>
        appflow.client.send(new DescribeConnectorsCommand({ connectorTypes: ['S3'] })),
      ),
    ]);
    expect(answers).toHaveLength(200);
    const { total, throttled } = await emulator.control.requests();
    expect(throttled.total / total).toBeLessThanOrEqual(0.03);
    // Both operations grew past the conservative start (they were held back by it).
    expect(appflow.concurrency().rates.ListFlows!.ratePerSecond).toBeGreaterThan(
      DEFAULT_PACE.initialRate,
    );
  }, 30_000);

  it('30 % random throttling: every caller answered, and the pace does not collapse', async () => {
    const appflow = client(256, { pace: DEFAULT_PACE });
    await emulator.control.call('POST', '/latency', { latencyMs: 10 });
    const round = () =>
      Promise.all(Array.from({ length: 60 }, () => appflow.client.send(new ListFlowsCommand({}))));
    // Grown first, then the random throttling.
    for (let i = 0; i < 3; i++) await round();
    const grown = appflow.concurrency().rates.ListFlows!.ratePerSecond;
    await emulator.control.faults({ operation: 'ListFlows', type: 'throttle', rate: 0.3 });
    try {
      for (let i = 0; i < 4; i++) {
        expect(await round()).toHaveLength(60);
      }
    } finally {
      await emulator.control.clearFaults();
    }
    expect((await emulator.control.requests()).throttled.total).toBeGreaterThan(0);
    // At most the one decrease being judged, never a collapse towards 1 call/s.
    expect(appflow.concurrency().rates.ListFlows!.ratePerSecond).toBeGreaterThanOrEqual(
      grown * 0.4,
    );
  }, 60_000);
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

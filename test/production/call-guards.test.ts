/**
 * The guards on the one AppFlow client (src/appflow/guards.ts), through the real SDK against
 * the emulator: a call past the viewer's budget is refused before the concurrency cap, so it
 * neither waits for nor takes a permit, and it is no AppFlow call (no listener hears of it, the
 * emulator never sees it).
 */
import { ListFlowsCommand } from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppflowHandle, createAppflowClient } from '../../src/appflow/client.js';
import { type CallBudget, withCallBudget } from '../../src/appflow/guards.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

let emulator: TestEmulator;
let appflow: AppflowHandle;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: true });
  appflow = createAppflowClient({
    region: 'us-east-1',
    appflowEndpoint: emulator.url,
    maxConcurrentAppflowCalls: 1,
    appflowMaxAttempts: 1,
  });
});
afterAll(async () => {
  appflow.destroy();
  await emulator.close();
});

class Refused extends Error {}

function budgetOf(calls: number): CallBudget {
  let left = calls;
  return {
    take: async () => left-- > 0,
    refusal: async () => new Refused('budget spent'),
  };
}

describe('AppFlow call guards', () => {
  it('refuses a call past the budget at once, without a permit, and never counts it', async () => {
    const heard: string[] = [];
    const stop = appflow.onCall((operation, outcome) => heard.push(`${operation}:${outcome}`));
    await emulator.control.clearRequests();
    await emulator.control.faults({ operation: 'ListFlows', type: 'latency', latencyMs: 1500 });
    try {
      await withCallBudget(budgetOf(1), async () => {
        // The one call the budget allows holds the only permit while AppFlow is slow...
        let allowedDone = false;
        const allowed = appflow.client.send(new ListFlowsCommand({})).then(() => {
          allowedDone = true;
        });
        await new Promise((r) => setTimeout(r, 50));
        expect(appflow.concurrency().active).toBe(1);
        // ...and the next is refused while it runs: it does not queue behind the permit.
        await expect(appflow.client.send(new ListFlowsCommand({}))).rejects.toBeInstanceOf(Refused);
        expect(allowedDone).toBe(false);
        expect(appflow.concurrency()).toMatchObject({ active: 1, pending: 0 });
        await allowed;
      });
    } finally {
      stop();
      await emulator.control.clearFaults();
    }
    expect(heard).toEqual(['ListFlows:ok']);
    expect((await emulator.control.requests()).byOperation).toEqual({ ListFlows: 1 });
  });

  it('charges nothing outside an operation with a budget (pollers, readiness)', async () => {
    await expect(appflow.client.send(new ListFlowsCommand({}))).resolves.toBeDefined();
  });
});

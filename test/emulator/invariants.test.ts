import {
  CancelFlowExecutionsCommand,
  CreateConnectorProfileCommand,
  CreateFlowCommand,
  StartFlowCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { s3Flow, salesforceProfile } from './fixtures.js';
import { accountViolations } from './invariants.js';

let t: TestEmulator;
let now = Date.UTC(2025, 5, 1, 12, 0, 0);
beforeAll(async () => {
  t = await startTestEmulator({ runSeconds: 5, now: () => now });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control.reset();
});

const clockNow = async () =>
  ((await t.control.call('GET', '/clock')) as { now: number }).now * 1000;

describe('seeded, generated and live data obey the same invariants', () => {
  it('the built-in seed', async () => {
    await t.control.seed({});
    expect(await accountViolations(t.client, await clockNow())).toEqual([]);
    // And still after its schedules ran for a day.
    await t.control.advance(24 * 3600);
    expect(await accountViolations(t.client, await clockNow())).toEqual([]);
  });

  it('generated volume', async () => {
    await t.control.seed({ generate: { flows: 30, profiles: 3, executionsPerFlow: 4 } });
    expect(await accountViolations(t.client, await clockNow())).toEqual([]);
  });

  it('live data after runs, failures, cancels and schedules', async () => {
    await t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
    await t.client.send(new CreateFlowCommand(s3Flow('od', 'sf')));
    await t.client.send(
      new CreateFlowCommand(s3Flow('sched', 'sf', 'Scheduled', 'rate(1minutes)')),
    );
    await t.client.send(new StartFlowCommand({ flowName: 'sched' }));
    await t.client.send(new StartFlowCommand({ flowName: 'od' }));
    await t.control.advance(1);
    await t.control.runsOutcome({ outcome: 'Error', flowName: 'od', count: 1 });
    await t.client.send(new StartFlowCommand({ flowName: 'od' }));
    // The older run finished while a newer one is still in progress: the flow speaks of the
    // newest run.
    await t.control.advance(4.5);
    expect(await accountViolations(t.client, await clockNow())).toEqual([]);
    await t.control.advance(1);
    expect(await accountViolations(t.client, await clockNow())).toEqual([]);
    await t.client.send(new StartFlowCommand({ flowName: 'od' }));
    await t.client.send(new CancelFlowExecutionsCommand({ flowName: 'od' }));
    await t.control.advance(2);
    expect(await accountViolations(t.client, await clockNow())).toEqual([]);
    await t.control.advance(600);
    expect(await accountViolations(t.client, await clockNow())).toEqual([]);
  });

  it('data seeded as of real time, too', async () => {
    now = Date.now();
    await t.control.reset();
    await t.control.seed({});
    expect(await accountViolations(t.client, await clockNow())).toEqual([]);
  });
});

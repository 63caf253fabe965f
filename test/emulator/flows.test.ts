import {
  CancelFlowExecutionsCommand,
  CreateConnectorProfileCommand,
  CreateFlowCommand,
  DeleteFlowCommand,
  DescribeFlowCommand,
  DescribeFlowExecutionRecordsCommand,
  ListFlowsCommand,
  paginateDescribeFlowExecutionRecords,
  paginateListFlows,
  StartFlowCommand,
  StopFlowCommand,
  UpdateFlowCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { errorOf, s3Flow, salesforceProfile } from './fixtures.js';

let t: TestEmulator;
// A frozen base clock: time only moves through the control API, so nothing depends on timing.
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
beforeAll(async () => {
  t = await startTestEmulator({ runSeconds: 5, now: () => T0 });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control.reset();
  await t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
});

const records = async (flowName: string) =>
  (await t.client.send(new DescribeFlowExecutionRecordsCommand({ flowName }))).flowExecutions ?? [];

describe('CreateFlow / DescribeFlow / UpdateFlow / DeleteFlow', () => {
  it('creates an on-demand flow Active and a scheduled one Draft, with ARNs and audit fields', async () => {
    const a = await t.client.send(new CreateFlowCommand(s3Flow('od-flow', 'sf')));
    expect(a.flowArn).toBe('arn:aws:appflow:us-east-1:123456789012:flow/od-flow');
    expect(a.flowStatus).toBe('Active');
    const b = await t.client.send(new CreateFlowCommand(s3Flow('sched-flow', 'sf', 'Scheduled')));
    expect(b.flowStatus).toBe('Draft');
    const c = await t.client.send(new CreateFlowCommand(s3Flow('event-flow', 'sf', 'Event')));
    expect(c.flowStatus).toBe('Draft');
    const d = await t.client.send(new DescribeFlowCommand({ flowName: 'od-flow' }));
    expect(d.createdAt).toEqual(new Date(T0));
    expect(d.createdBy).toBe('arn:aws:iam::123456789012:user/emulator');
    expect(d.tags).toEqual({ team: 'test' });
    expect(d.tasks).toHaveLength(2);
    expect(d.sourceFlowConfig?.sourceConnectorProperties?.Salesforce?.object).toBe('Account');
    expect(d.lastRunExecutionDetails).toBeUndefined();
  });

  it('rejects duplicates, unknown flows and unknown profiles', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('dup', 'sf')));
    expect((await errorOf(t.client.send(new CreateFlowCommand(s3Flow('dup', 'sf'))))).name).toBe(
      'ConflictException',
    );
    const missing = await errorOf(t.client.send(new DescribeFlowCommand({ flowName: 'nope' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    const noProfile = await errorOf(t.client.send(new CreateFlowCommand(s3Flow('x1', 'ghost'))));
    expect(noProfile.name).toBe('ResourceNotFoundException');
    const badSchedule = await errorOf(
      t.client.send(new CreateFlowCommand(s3Flow('x2', 'sf', 'Scheduled', 'every tuesday'))),
    );
    expect(badSchedule.name).toBe('ValidationException');
  });

  it('UpdateFlow bumps lastUpdatedAt/By and refuses a new destination connector type', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('upd', 'sf')));
    await t.control.advance(30);
    const input = { ...s3Flow('upd', 'sf'), description: 'changed' };
    delete input.tags;
    const r = await t.client.send(new UpdateFlowCommand(input));
    expect(r.flowStatus).toBe('Active');
    const d = await t.client.send(new DescribeFlowCommand({ flowName: 'upd' }));
    expect(d.description).toBe('changed');
    expect(d.lastUpdatedAt!.getTime() - d.createdAt!.getTime()).toBe(30_000);
    expect(d.lastUpdatedBy).toBe('arn:aws:iam::123456789012:user/emulator');
    const other = {
      ...input,
      destinationFlowConfigList: [
        {
          connectorType: 'EventBridge' as const,
          destinationConnectorProperties: { EventBridge: { object: 'aws.partner/x' } },
        },
      ],
    };
    const err = await errorOf(t.client.send(new UpdateFlowCommand(other)));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toContain('destination connector type');
    expect(
      (await errorOf(t.client.send(new UpdateFlowCommand({ ...input, flowName: 'ghost' })))).name,
    ).toBe('ResourceNotFoundException');
  });

  it('DeleteFlow with a run in progress needs forceDelete', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('del', 'sf')));
    await t.client.send(new StartFlowCommand({ flowName: 'del' }));
    const err = await errorOf(t.client.send(new DeleteFlowCommand({ flowName: 'del' })));
    expect(err.name).toBe('ConflictException');
    await t.client.send(new DeleteFlowCommand({ flowName: 'del', forceDelete: true }));
    expect((await errorOf(t.client.send(new DescribeFlowCommand({ flowName: 'del' })))).name).toBe(
      'ResourceNotFoundException',
    );
    await t.client.send(new CreateFlowCommand(s3Flow('del2', 'sf')));
    await t.client.send(new DeleteFlowCommand({ flowName: 'del2' }));
  });
});

describe('clientToken idempotency', () => {
  it('same token + same input returns the first answer; different input is a conflict', async () => {
    const input = { ...s3Flow('idem', 'sf'), clientToken: 'token-1' };
    const first = await t.client.send(new CreateFlowCommand(input));
    const again = await t.client.send(new CreateFlowCommand(input));
    expect(again.flowArn).toBe(first.flowArn);
    const err = await errorOf(
      t.client.send(new CreateFlowCommand({ ...input, flowName: 'idem-other' })),
    );
    expect(err.name).toBe('ConflictException');
    const list = await t.client.send(new ListFlowsCommand({}));
    expect(list.flows?.map((f) => f.flowName)).toEqual(['idem']);
  });

  it('StartFlow: on-demand returns the same executionId; scheduled conflicts on different input', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('od', 'sf')));
    await t.client.send(new CreateFlowCommand(s3Flow('od2', 'sf')));
    await t.client.send(new CreateFlowCommand(s3Flow('sch', 'sf', 'Scheduled')));
    const a = await t.client.send(new StartFlowCommand({ flowName: 'od', clientToken: 'tok' }));
    const b = await t.client.send(new StartFlowCommand({ flowName: 'od', clientToken: 'tok' }));
    expect(b.executionId).toBe(a.executionId);
    expect(await records('od')).toHaveLength(1);
    // Different parameters with the token: fine for on-demand flows.
    const c = await t.client.send(new StartFlowCommand({ flowName: 'od2', clientToken: 'tok' }));
    expect(c.executionId).toBeDefined();
    await t.client.send(new StartFlowCommand({ flowName: 'sch', clientToken: 'tok2' }));
    const err = await errorOf(
      t.client.send(new StartFlowCommand({ flowName: 'od', clientToken: 'tok2' })),
    );
    expect(err.name).toBe('ConflictException');
  });

  it('tokens expire after 8 hours', async () => {
    const input = { ...s3Flow('exp', 'sf'), clientToken: 'token-x' };
    await t.client.send(new CreateFlowCommand(input));
    await t.control.advance(8 * 3600 + 1);
    const err = await errorOf(t.client.send(new CreateFlowCommand(input)));
    expect(err.name).toBe('ConflictException'); // now a real duplicate name, not a replay
    expect(err.message).toContain('already exists');
  });
});

describe('runs', () => {
  it('an on-demand run goes InProgress -> Successful after runSeconds and updates the flow', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('run', 'sf')));
    const { executionId, flowStatus } = await t.client.send(
      new StartFlowCommand({ flowName: 'run' }),
    );
    expect(flowStatus).toBe('Active');
    let [rec] = await records('run');
    expect(rec).toMatchObject({ executionId, executionStatus: 'InProgress' });
    let flow = await t.client.send(new DescribeFlowCommand({ flowName: 'run' }));
    expect(flow.lastRunExecutionDetails?.mostRecentExecutionStatus).toBe('InProgress');
    await t.control.advance(4);
    expect((await records('run'))[0].executionStatus).toBe('InProgress');
    await t.control.advance(1);
    [rec] = await records('run');
    expect(rec.executionStatus).toBe('Successful');
    expect(rec.startedAt).toEqual(new Date(T0 + 4000 * 0 + (rec.startedAt!.getTime() - T0)));
    expect(rec.lastUpdatedAt!.getTime() - rec.startedAt!.getTime()).toBe(5000);
    expect(rec.executionResult?.recordsProcessed).toBeGreaterThan(0);
    expect(rec.executionResult?.bytesProcessed).toBeGreaterThan(0);
    expect(rec.executionResult?.bytesWritten).toBeGreaterThan(0);
    expect(rec.executionResult?.numParallelProcesses).toBeGreaterThan(0);
    expect(rec.executionResult?.maxPageSize).toBe(2000);
    expect(rec.dataPullStartTime).toBeInstanceOf(Date);
    expect(rec.dataPullEndTime).toBeInstanceOf(Date);
    flow = await t.client.send(new DescribeFlowCommand({ flowName: 'run' }));
    expect(flow.lastRunExecutionDetails).toMatchObject({
      mostRecentExecutionStatus: 'Successful',
      mostRecentExecutionTime: rec.lastUpdatedAt,
    });
    const listed = await t.client.send(new ListFlowsCommand({}));
    expect(listed.flows?.[0].lastRunExecutionDetails?.mostRecentExecutionStatus).toBe('Successful');
  });

  it('runs end in Error when the control API says so (per flow, with a count)', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('err', 'sf')));
    await t.client.send(new CreateFlowCommand(s3Flow('ok', 'sf')));
    await t.control.runsOutcome({
      outcome: 'Error',
      flowName: 'err',
      count: 1,
      message: 'Boom happened',
    });
    await t.client.send(new StartFlowCommand({ flowName: 'ok' }));
    await t.client.send(new StartFlowCommand({ flowName: 'err' }));
    await t.control.advance(5);
    await t.client.send(new StartFlowCommand({ flowName: 'err' }));
    await t.control.advance(5);
    expect((await records('ok'))[0].executionStatus).toBe('Successful');
    const [second, first] = await records('err');
    expect(first.executionStatus).toBe('Error');
    expect(first.executionResult?.errorInfo?.executionMessage).toBe('Boom happened');
    expect(second.executionStatus).toBe('Successful');
    // Global rule.
    await t.control.runsOutcome({ outcome: 'Error' });
    await t.client.send(new StartFlowCommand({ flowName: 'ok' }));
    await t.control.advance(5);
    const flow = await t.client.send(new DescribeFlowCommand({ flowName: 'ok' }));
    expect(flow.lastRunExecutionDetails?.mostRecentExecutionStatus).toBe('Error');
    expect(flow.lastRunExecutionDetails?.mostRecentExecutionMessage).toBeTruthy();
  });

  it('scheduled flows: StartFlow activates (no executionId) and runs a rate() flow at once, then every interval; StopFlow suspends', async () => {
    await t.client.send(
      new CreateFlowCommand(s3Flow('sched', 'sf', 'Scheduled', 'rate(5minutes)')),
    );
    const start = await t.client.send(new StartFlowCommand({ flowName: 'sched' }));
    expect(start.flowStatus).toBe('Active');
    expect(start.executionId).toBeUndefined();
    // AppFlow runs a rate() flow without scheduleStartTime once when it is activated.
    const first = await records('sched');
    expect(first.map((r) => r.executionStatus)).toEqual(['InProgress']);
    expect(first[0].startedAt).toEqual(new Date(T0));
    await t.control.advance(299);
    expect(await records('sched')).toHaveLength(1);
    await t.control.advance(1);
    expect((await records('sched')).map((r) => r.executionStatus)).toEqual([
      'InProgress',
      'Successful',
    ]);
    await t.control.advance(605);
    const recs = await records('sched');
    expect(recs.map((r) => r.executionStatus)).toEqual([
      'Successful',
      'Successful',
      'Successful',
      'Successful',
    ]);
    // Newest first.
    expect(recs[0].startedAt!.getTime()).toBeGreaterThan(recs[1].startedAt!.getTime());
    const stop = await t.client.send(new StopFlowCommand({ flowName: 'sched' }));
    expect(stop.flowStatus).toBe('Suspended');
    await t.control.advance(3600);
    expect(await records('sched')).toHaveLength(4);
  });

  it('cron() schedules use AWS 6-field syntax', async () => {
    await t.client.send(
      new CreateFlowCommand(s3Flow('cron', 'sf', 'Scheduled', 'cron(0 * * * ? *)')),
    );
    await t.client.send(new StartFlowCommand({ flowName: 'cron' }));
    await t.control.advance(3 * 3600);
    // T0 is midnight: fires at 01:00, 02:00, 03:00.
    const recs = await records('cron');
    expect(recs.map((r) => new Date(r.startedAt!).toISOString().slice(11, 16))).toEqual([
      '03:00',
      '02:00',
      '01:00',
    ]);
  });

  it('StopFlow on an on-demand flow is UnsupportedOperationException', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('od', 'sf')));
    const err = await errorOf(t.client.send(new StopFlowCommand({ flowName: 'od' })));
    expect(err.name).toBe('UnsupportedOperationException');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('event flows run when the control API fires an event', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('ev', 'sf', 'Event')));
    await t.client.send(new StartFlowCommand({ flowName: 'ev' }));
    const { executionId } = (await t.control.call('POST', '/flows/ev/trigger', {})) as {
      executionId: string;
    };
    await t.control.advance(5);
    expect(await records('ev')).toMatchObject([{ executionId, executionStatus: 'Successful' }]);
  });

  it('CancelFlowExecutions: InProgress -> CancelStarted -> Canceled; others are invalid', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('can', 'sf')));
    const a = await t.client.send(new StartFlowCommand({ flowName: 'can' }));
    await t.control.advance(5);
    const b = await t.client.send(new StartFlowCommand({ flowName: 'can' }));
    const r = await t.client.send(
      new CancelFlowExecutionsCommand({
        flowName: 'can',
        executionIds: [a.executionId!, b.executionId!, 'no-such-id'],
      }),
    );
    expect(r.invalidExecutions?.sort()).toEqual([a.executionId, 'no-such-id'].sort());
    expect((await records('can'))[0].executionStatus).toBe('CancelStarted');
    await t.control.advance(1);
    expect((await records('can')).map((x) => x.executionStatus)).toEqual([
      'Canceled',
      'Successful',
    ]);
    // Without ids: every active run of the flow.
    await t.client.send(new StartFlowCommand({ flowName: 'can' }));
    await t.client.send(new StartFlowCommand({ flowName: 'can' }));
    const all = await t.client.send(new CancelFlowExecutionsCommand({ flowName: 'can' }));
    expect(all.invalidExecutions).toEqual([]);
    await t.control.advance(1);
    const statuses = (await records('can')).map((x) => x.executionStatus);
    expect(statuses.slice(0, 2)).toEqual(['Canceled', 'Canceled']);
    const flow = await t.client.send(new DescribeFlowCommand({ flowName: 'can' }));
    expect(flow.lastRunExecutionDetails?.mostRecentExecutionStatus).toBe('Canceled');
  });

  it('eventual consistency: a new run can stay hidden for the first K record calls', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('ec', 'sf')));
    await t.control.call('POST', '/consistency', { hideNewRunsForCalls: 2 });
    await t.client.send(new StartFlowCommand({ flowName: 'ec' }));
    expect(await records('ec')).toHaveLength(0);
    expect(await records('ec')).toHaveLength(0);
    expect(await records('ec')).toHaveLength(1);
    await t.control.call('POST', '/consistency', { hideNewRunsForCalls: 0 });
  });

  it('runs also advance in real time (timers), with timeScale', async () => {
    const fast = await startTestEmulator({ runSeconds: 6, timeScale: 60 });
    try {
      await fast.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
      await fast.client.send(new CreateFlowCommand(s3Flow('rt', 'sf')));
      await fast.client.send(new StartFlowCommand({ flowName: 'rt' }));
      // 6 emulated seconds at 60x = 100 ms of real time.
      await new Promise((r) => setTimeout(r, 400));
      const flow = await fast.client.send(new DescribeFlowCommand({ flowName: 'rt' }));
      expect(flow.lastRunExecutionDetails?.mostRecentExecutionStatus).toBe('Successful');
    } finally {
      await fast.close();
    }
  });
});

describe('pagination', () => {
  it('ListFlows and DescribeFlowExecutionRecords page with nextToken; foreign tokens are rejected', async () => {
    await t.control.seed({ generate: { flows: 25, profiles: 2, executionsPerFlow: 0 } });
    const page1 = await t.client.send(new ListFlowsCommand({ maxResults: 10 }));
    expect(page1.flows).toHaveLength(10);
    expect(page1.nextToken).toBeDefined();
    const names: string[] = [];
    for await (const page of paginateListFlows({ client: t.client, pageSize: 7 }, {})) {
      names.push(...(page.flows ?? []).map((f) => f.flowName!));
    }
    expect(names).toHaveLength(25);
    expect(new Set(names).size).toBe(25);
    // Default page size is 20.
    const def = await t.client.send(new ListFlowsCommand({}));
    expect(def.flows).toHaveLength(20);

    await t.client.send(new CreateFlowCommand(s3Flow('many', 'sf')));
    for (let i = 0; i < 5; i++) await t.client.send(new StartFlowCommand({ flowName: 'many' }));
    const ids: string[] = [];
    for await (const page of paginateDescribeFlowExecutionRecords(
      { client: t.client, pageSize: 2 },
      { flowName: 'many' },
    )) {
      ids.push(...(page.flowExecutions ?? []).map((e) => e.executionId!));
    }
    expect(ids).toHaveLength(5);

    const foreign = await errorOf(
      t.client.send(
        new DescribeFlowExecutionRecordsCommand({ flowName: 'many', nextToken: page1.nextToken }),
      ),
    );
    expect(foreign.name).toBe('ValidationException');
    const garbage = await errorOf(
      t.client.send(new ListFlowsCommand({ nextToken: 'not-a-token' })),
    );
    expect(garbage.name).toBe('ValidationException');
  });
});

/**
 * Apache Airflow's AppFlow operators against the emulator, through the real SDK (issue #22
 * item 7). Each call sequence is Airflow's own, from apache/airflow
 * `providers/amazon/src/airflow/providers/amazon/aws/hooks/appflow.py` (AppflowHook.run_flow,
 * AppflowHook.update_flow_filter) and `.../operators/appflow.py` (AppflowRunFullOperator,
 * AppflowRunDailyOperator, AppflowRunBeforeOperator, AppflowRunAfterOperator,
 * AppflowRecordsShortCircuitOperator); the facts are carried over, not the code:
 *
 * - `_get_connector_type`: DescribeFlow, `sourceFlowConfig.connectorType` lower-cased must be
 *   the operator's source ("salesforce");
 * - `update_flow_filter(flow, filter_tasks, set_trigger_ondemand=True)`: DescribeFlow; keep
 *   every task but the Filter tasks whose operator is not PROJECTION; add `filter_tasks`;
 *   `del response["triggerConfig"]["triggerProperties"]` (no guard: a DescribeFlow without that
 *   key is a KeyError); UpdateFlow with flowName, destinationFlowConfigList, sourceFlowConfig,
 *   triggerConfig, description (or "Flow description.") and tasks, all from DescribeFlow;
 * - the filter each operator adds: before = LESS_THAN, after = GREATER_THAN, daily = BETWEEN
 *   (filter_date - 1 ms, filter_date + 1 day), with DATA_TYPE "datetime" and epoch-millisecond
 *   strings, on `source_field`; full adds none;
 * - `run_flow`: StartFlow (executionId), DescribeFlow until lastRunExecutionDetails is not
 *   InProgress;
 * - the short-circuit operator: DescribeFlowExecutionRecords (maxResults 100, following
 *   nextToken) until it finds the executionId, reads `executionResult.recordsProcessed`, and
 *   skips the rest of the DAG when it is 0.
 *
 * Record counts: the emulator's source entities hold one record per hour over the 30 days before
 * a run (src/emulator/models/source-data.ts), so the counts below are exact.
 */
import {
  CreateConnectorProfileCommand,
  CreateFlowCommand,
  DescribeFlowCommand,
  DescribeFlowExecutionRecordsCommand,
  type DescribeFlowExecutionRecordsCommandOutput,
  StartFlowCommand,
  type Task,
  UpdateFlowCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { s3Flow, salesforceProfile } from './fixtures.js';

/** The injected clock: noon UTC on 15 January 2025, a whole hour. */
const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const HOUR = 3_600_000;
let now = T0;
let t: TestEmulator;

beforeAll(async () => {
  t = await startTestEmulator({ now: () => now, runSeconds: 5 });
  await t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
});
afterAll(() => t.close());

/** AppflowHook.update_flow_filter with set_trigger_ondemand=True, step by step. */
async function updateFlowFilter(flowName: string, filterTasks: Task[]) {
  const response = await t.client.send(new DescribeFlowCommand({ flowName }));
  const connectorType = response.sourceFlowConfig!.connectorType!;
  const tasks: Task[] = [];
  for (const task of response.tasks ?? []) {
    const operator = (task.connectorOperator as Record<string, string> | undefined)?.[
      connectorType
    ];
    if (task.taskType === 'Filter' && operator !== 'PROJECTION') continue;
    tasks.push(task);
  }
  tasks.push(...filterTasks);
  // Python's `del d["triggerProperties"]`: a KeyError when the key is missing.
  const trigger = { ...response.triggerConfig! } as Record<string, unknown>;
  if (!('triggerProperties' in trigger)) throw new Error("KeyError: 'triggerProperties'");
  delete trigger.triggerProperties;
  await t.client.send(
    new UpdateFlowCommand({
      flowName: response.flowName,
      destinationFlowConfigList: response.destinationFlowConfigList,
      sourceFlowConfig: response.sourceFlowConfig,
      triggerConfig: trigger as never,
      description: response.description ?? 'Flow description.',
      tasks,
    }),
  );
}

/** AppflowHook.run_flow, with the emulator's clock stepped instead of sleeping. */
async function runFlow(flowName: string): Promise<string> {
  const { executionId } = await t.client.send(new StartFlowCommand({ flowName }));
  for (let i = 0; i < 10; i++) {
    const d = await t.client.send(new DescribeFlowCommand({ flowName }));
    const status = d.lastRunExecutionDetails?.mostRecentExecutionStatus;
    if (status && status !== 'InProgress') {
      expect(status).toBe('Successful');
      return executionId!;
    }
    now += 5_000;
    await t.control.advance(0);
  }
  throw new Error('the run did not finish');
}

/** AppflowRecordsShortCircuitOperator._has_new_records_func: recordsProcessed of the run. */
async function recordsProcessed(flowName: string, executionId: string): Promise<number> {
  let response: DescribeFlowExecutionRecordsCommandOutput | undefined;
  for (;;) {
    response = await t.client.send(
      new DescribeFlowExecutionRecordsCommand({
        flowName,
        maxResults: 100,
        nextToken: response?.nextToken,
      }),
    );
    const record = response.flowExecutions?.find((r) => r.executionId === executionId);
    if (record) {
      expect(record.executionResult).toHaveProperty('recordsProcessed');
      return record.executionResult!.recordsProcessed!;
    }
    if (!response.nextToken) throw new Error(`Flow (${executionId}) without recordsProcessed`);
  }
}

/** An operator's whole sequence: source check, update_flow_filter, run, short-circuit read. */
async function operator(flowName: string, filterTasks: Task[]) {
  const described = await t.client.send(new DescribeFlowCommand({ flowName }));
  expect(described.sourceFlowConfig?.connectorType?.toLowerCase()).toBe('salesforce');
  await updateFlowFilter(flowName, filterTasks);
  const executionId = await runFlow(flowName);
  return recordsProcessed(flowName, executionId);
}

/** The Filter task Airflow's before/after/daily operators add, as they build it. */
const dateFilter = (op: string, props: Record<string, number>): Task => ({
  taskType: 'Filter',
  connectorOperator: { Salesforce: op as never },
  sourceFields: ['LastModifiedDate'],
  taskProperties: {
    DATA_TYPE: 'datetime',
    ...Object.fromEntries(Object.entries(props).map(([k, v]) => [k, String(v)])),
  },
});
const filterBefore = (date: number) => dateFilter('LESS_THAN', { VALUE: date });
const filterAfter = (date: number) => dateFilter('GREATER_THAN', { VALUE: date });
const daily = (date: number) =>
  dateFilter('BETWEEN', { LOWER_BOUND: date - 1, UPPER_BOUND: date + 24 * HOUR });

describe("Airflow's AppFlow operators", () => {
  it('DescribeFlow of an on-demand flow has triggerConfig.triggerProperties {}, also after UpdateFlow without it', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('airflow-trigger', 'sf')));
    const first = await t.client.send(new DescribeFlowCommand({ flowName: 'airflow-trigger' }));
    expect(first.triggerConfig).toEqual({ triggerType: 'OnDemand', triggerProperties: {} });
    await updateFlowFilter('airflow-trigger', []);
    const second = await t.client.send(new DescribeFlowCommand({ flowName: 'airflow-trigger' }));
    expect(second.triggerConfig).toEqual({ triggerType: 'OnDemand', triggerProperties: {} });
    // A second operator run on the same flow (every DAG run does this).
    await updateFlowFilter('airflow-trigger', []);
  });

  it('full, after, before and daily operators read exact record counts; a future date gives 0', async () => {
    await t.client.send(new CreateFlowCommand(s3Flow('airflow-runs', 'sf')));
    // The source holds 720 hourly records, the newest at T0 (every run here starts within
    // seconds after T0, in the same hour).
    expect(await operator('airflow-runs', [])).toBe(720);
    // AppflowRunAfterOperator with tomorrow's date: nothing newer, so the short-circuit skips.
    expect(await operator('airflow-runs', [filterAfter(T0 + 24 * HOUR)])).toBe(0);
    // After 13 January 12:00 (not inclusive): 13:00 on the 13th to 12:00 on the 15th.
    expect(await operator('airflow-runs', [filterAfter(T0 - 48 * HOUR)])).toBe(48);
    // Before 1 January 2025 00:00: the oldest record is 16 December 13:00 (T0 - 719 h), so
    // 11 hours of the 16th and 15 whole days.
    expect(await operator('airflow-runs', [filterBefore(Date.UTC(2025, 0, 1))])).toBe(11 + 15 * 24);
    // One day (10 January): its 24 hourly records.
    expect(await operator('airflow-runs', [daily(Date.UTC(2025, 0, 10))])).toBe(24);
    // The operators replace each other's filters: back to full.
    expect(await operator('airflow-runs', [])).toBe(720);
    const tasks = (await t.client.send(new DescribeFlowCommand({ flowName: 'airflow-runs' })))
      .tasks!;
    expect(tasks.filter((task) => task.taskType === 'Filter')).toHaveLength(1);
  });

  it("a Filter task with NO_OP is refused with AppFlow's message (aws/aws-cdk#17748)", async () => {
    const flow = s3Flow('airflow-noop', 'sf');
    flow.tasks!.push({
      taskType: 'Filter',
      sourceFields: ['Name'],
      connectorOperator: { Salesforce: 'NO_OP' },
    });
    const refused = await t.client.send(new CreateFlowCommand(flow)).catch((e) => e);
    expect(refused.name).toBe('ValidationException');
    expect(refused.message).toContain('The operator NO_OP is not valid for filtering tasks');
    await t.client.send(new CreateFlowCommand(s3Flow('airflow-noop', 'sf')));
    const update = await t.client
      .send(new UpdateFlowCommand({ ...flow, flowName: 'airflow-noop' }))
      .catch((e) => e);
    expect(update.name).toBe('ValidationException');
    expect(update.message).toContain('The operator NO_OP is not valid for filtering tasks');
  });
});

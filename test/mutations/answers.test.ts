/**
 * Mutations answer from what AppFlow said: a selection that needs only the write's own answer
 * (StartFlow: executionId, flowStatus, flowArn) costs that one call; the flow and the run,
 * when selected, are read side by side after it (2 dependent steps), never one after the
 * other. Counted with the client's call listener (when each call began and ended), with
 * latency on every call, never on durations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callChainDepth, recordTimedCalls, type TimedCall } from '../../bench/lib.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { s3Flow } from './fixtures.js';

let gw: TestGateway;
type Any = any;

/** The AppFlow calls `run` made, in order of their start. */
async function callsOf(run: () => Promise<unknown>): Promise<TimedCall[]> {
  const calls = await recordTimedCalls(gw.gateway.appflow, run);
  return calls.sort((a, b) => a.start - b.start);
}

async function mutation(doc: string, input: Record<string, unknown>): Promise<Any> {
  const r = await gw.query(doc, { input });
  expect(r.errors).toBeUndefined();
  return Object.values(r.data as object)[0];
}

const ops = (calls: TimedCall[]) => calls.map((c) => c.operation);

beforeAll(async () => {
  gw = await startTestGateway({ emulator: { runSeconds: 600, latencyMs: 30 } });
  await mutation(
    `mutation($input: CreateFlowInput!) { createFlow(input: $input) { __typename } }`,
    s3Flow('answers'),
  );
});
afterAll(() => gw?.close());

describe('startFlow', () => {
  it("one AppFlow call when the selection needs only StartFlow's answer", async () => {
    let started: Any;
    const calls = await callsOf(async () => {
      started = await mutation(
        `mutation($input: StartFlowInput!) { startFlow(input: $input) {
          __typename ... on StartFlowSuccess {
            flow { id flowName flowStatus flowArn } execution { id executionId flowName }
          } } }`,
        { flowName: 'answers' },
      );
    });
    expect(ops(calls)).toEqual(['StartFlow']);
    expect(started.__typename).toBe('StartFlowSuccess');
    expect(started.flow).toMatchObject({ flowName: 'answers', flowStatus: 'Active' });
    expect(started.flow.flowArn).toMatch(/:flow\/answers$/);
    expect(started.execution.executionId).toEqual(expect.any(String));
  });

  it('the flow and the run, when selected, are read side by side after it: 2 steps', async () => {
    let started: Any;
    const calls = await callsOf(async () => {
      started = await mutation(
        `mutation($input: StartFlowInput!) { startFlow(input: $input) {
          ... on StartFlowSuccess {
            flow { flowStatus triggerType description }
            execution { executionId executionStatus startedAt flow { flowName } }
          } } }`,
        { flowName: 'answers' },
      );
    });
    expect(ops(calls)).toEqual(
      expect.arrayContaining(['StartFlow', 'DescribeFlow', 'DescribeFlowExecutionRecords']),
    );
    expect(calls).toHaveLength(3);
    expect(calls[0]!.operation).toBe('StartFlow');
    expect(callChainDepth(calls)).toBe(2);
    expect(started.flow).toMatchObject({ flowStatus: 'Active', triggerType: 'OnDemand' });
    expect(started.execution).toMatchObject({
      executionStatus: 'InProgress',
      flow: { flowName: 'answers' },
    });
    expect(started.execution.startedAt).toEqual(expect.any(String));
  });
});

describe('the other mutations', () => {
  it("createFlow, updateFlow: the write alone when the flow's answer members are selected", async () => {
    const input = s3Flow('answers-2');
    await gw.gateway.services.reader.cache.clear();
    // The validation's catalog reads are cached: the second create is measured.
    await mutation(
      `mutation($input: CreateFlowInput!) { createFlow(input: $input) { __typename } }`,
      s3Flow('answers-warmup'),
    );
    const created = await callsOf(() =>
      mutation(
        `mutation($input: CreateFlowInput!) { createFlow(input: $input) {
          ... on CreateFlowSuccess { flow { flowName flowStatus flowArn } } } }`,
        input,
      ),
    );
    expect(ops(created)).toEqual(['CreateFlow']);
    const updated = await callsOf(() =>
      mutation(
        `mutation($input: UpdateFlowInput!) { updateFlow(input: $input) {
          ... on UpdateFlowSuccess { flow { flowName flowStatus } } } }`,
        { ...input, description: 'changed' },
      ),
    );
    // UpdateFlow's own rule reads the flow first (its destination type cannot change).
    expect(ops(updated).filter((o) => o !== 'DescribeFlow')).toEqual(['UpdateFlow']);
    expect(ops(updated).at(-1)).toBe('UpdateFlow');
    // A member the answer lacks is described, after the write, fresh.
    const described = await callsOf(async () => {
      const r = await mutation(
        `mutation($input: UpdateFlowInput!) { updateFlow(input: $input) {
          ... on UpdateFlowSuccess { flow { description } } } }`,
        { ...input, description: 'changed again' },
      );
      expect(r.flow.description).toBe('changed again');
    });
    expect(ops(described).at(-1)).toBe('DescribeFlow');
  });

  it('cancelFlowExecutions: the flow and the runs side by side after the write', async () => {
    const started = await mutation(
      `mutation($input: StartFlowInput!) { startFlow(input: $input) {
        ... on StartFlowSuccess { execution { executionId } } } }`,
      { flowName: 'answers' },
    );
    const id = started.execution.executionId as string;
    let cancelled: Any;
    const calls = await callsOf(async () => {
      cancelled = await mutation(
        `mutation($input: CancelFlowExecutionsInput!) { cancelFlowExecutions(input: $input) {
          ... on CancelFlowExecutionsSuccess {
            flow { flowStatus } cancelledExecutions { executionId executionStatus }
            invalidExecutions { executionId } invalidExecutionIds
          } } }`,
        { flowName: 'answers', executionIds: [id] },
      );
    });
    expect(cancelled.cancelledExecutions).toEqual([
      { executionId: id, executionStatus: expect.stringMatching(/^Cancel/) },
    ]);
    const after = calls.slice(calls.findIndex((c) => c.operation === 'CancelFlowExecutions'));
    expect(ops(after).sort()).toEqual(
      ['CancelFlowExecutions', 'DescribeFlow', 'DescribeFlowExecutionRecords'].sort(),
    );
    expect(callChainDepth(after)).toBe(2);
    // Only the ids: the write alone.
    const idsOnly = await callsOf(() =>
      mutation(
        `mutation($input: CancelFlowExecutionsInput!) { cancelFlowExecutions(input: $input) {
          ... on CancelFlowExecutionsSuccess { invalidExecutionIds } } }`,
        { flowName: 'answers', executionIds: [id] },
      ),
    );
    expect(ops(idsOnly)).toEqual(['CancelFlowExecutions']);
  });

  it('a profile or connector payload is read only when selected', async () => {
    const calls = await callsOf(() =>
      mutation(
        `mutation($input: TagResourceInput!) { tagResource(input: $input) {
          __typename ... on TagResourceSuccess { resourceArn flow { flowName } } } }`,
        {
          resourceArn: 'arn:aws:appflow:us-east-1:123456789012:flow/answers',
          tags: [{ key: 'team', value: 'data' }],
        },
      ),
    );
    // The tags answer is the payload's own read (ListTagsForResource); no DescribeFlow.
    expect(ops(calls)).not.toContain('DescribeFlow');
  });
});

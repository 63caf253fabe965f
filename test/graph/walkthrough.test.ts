/**
 * The walkthrough of docs/examples.md, run as written: create a profile, create a flow, start it, watch the
 * run to its end (SSE), against the seeded demo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { section } from '../helpers/docs.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const walkthrough = section(
  'docs/examples.md',
  '## Create a profile and a flow, start it, watch it',
);
const blocks = [...walkthrough.matchAll(/```(graphql|json)\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[1]!,
  text: m[2]!,
}));

/** Each operation with the JSON variables block that follows it, if any. */
function operation(name: string): { query: string; variables?: Record<string, unknown> } {
  const i = blocks.findIndex(
    (b) => b.lang === 'graphql' && new RegExp(`^\\s*\\w+ ${name}\\b`).test(b.text),
  );
  if (i < 0) throw new Error(`the walkthrough has no operation ${name}`);
  const next = blocks[i + 1];
  const variables =
    next?.lang === 'json' && /^\s*\{\s*"input"/.test(next.text) ? JSON.parse(next.text) : undefined;
  return { query: blocks[i]!.text, variables };
}

let t: TestGateway;
beforeAll(async () => {
  // Runs last 4 s: long enough that the watch starts while the run is still InProgress, even on
  // a loaded machine (1 s was not).
  t = await startTestGateway({ emulator: { seed: true, runSeconds: 4 } });
});
afterAll(() => t.close());

describe('docs walkthrough', () => {
  it('creates a profile and a flow, starts it and watches the run finish', async () => {
    const profile = operation('CreateProfile');
    const created = await t.query<any>(profile.query, profile.variables);
    expect(created.errors).toBeUndefined();
    expect(created.data.createConnectorProfile.__typename).toBe('CreateConnectorProfileSuccess');
    // Credentials go in and never come back out.
    expect(JSON.stringify(created)).not.toContain('<access-token>');

    const flow = operation('CreateFlow');
    const flowResult = await t.query<any>(flow.query, flow.variables);
    expect(flowResult.errors).toBeUndefined();
    expect(flowResult.data.createFlow).toMatchObject({
      __typename: 'CreateFlowSuccess',
      flow: { flowStatus: 'Active', triggerType: 'OnDemand' },
    });

    const start = operation('Start');
    const started = await t.query<any>(start.query);
    expect(started.data.startFlow.__typename).toBe('StartFlowSuccess');
    const { executionId } = started.data.startFlow.execution;
    // Retrying with the same idempotency key starts no second run.
    const again = await t.query<any>(start.query);
    expect(again.data.startFlow.execution.executionId).toBe(executionId);

    const watch = operation('Watch');
    const res = await t.gateway.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: watch.query,
        variables: { flowName: 'demo-accounts-to-s3', executionId },
      }),
    });
    const text = await res.text();
    const statuses = [...text.matchAll(/"executionStatus":"(\w+)"/g)].map((m) => m[1]);
    expect(statuses[0]).toBe('InProgress');
    expect(statuses.at(-1)).toBe('Successful');
  });

  it('answers an invalid flow with every problem at once, before AppFlow', async () => {
    const flow = operation('CreateFlow');
    const input = structuredClone(flow.variables!.input) as any;
    input.flowName = 'demo-invalid';
    input.tasks[1].sourceFields = [];
    input.triggerConfig = { triggerType: 'Scheduled' };
    await t.resetCalls();
    const r = await t.query<any>(`${flow.query}`, { input });
    expect(r.data.createFlow.__typename).toBe('ValidationError');
    expect(r.data.createFlow.fieldErrors.map((e: any) => e.path.join('.'))).toEqual(
      expect.arrayContaining(['input.tasks.1.sourceFields']),
    );
    expect(r.data.createFlow.fieldErrors.length).toBeGreaterThanOrEqual(2);
    expect(await t.calls()).toEqual({});
  });
});

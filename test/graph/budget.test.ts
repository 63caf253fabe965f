/**
 * Upstream call budget, counted at the emulator, for the dashboard over 100 flows against naive
 * one-call-per-field resolvers (bench/naive-gateway.ts).
 *
 * Cold, the gateway needs what AppFlow cannot batch: one DescribeFlow per flow (profile names
 * exist nowhere else) and one DescribeFlowExecutionRecords per flow, plus one ListFlows, one
 * DescribeConnectorProfiles and one DescribeConnectors for all flows: 3 + 2n calls. Naive
 * resolvers make 7 calls per flow when the destination has a connector profile (Redshift,
 * Snowflake, Salesforce...): 0.29x, within the 0.30x goal. With a profile-less destination (S3)
 * naive makes 6 a flow and 3 + 2n is 0.338x: above the goal, at the floor AppFlow's API allows;
 * the test pins that floor exactly so any regression shows. Warm, one ListFlows call answers
 * either (goal 0.15x).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNaiveGateway } from '../../bench/naive-gateway.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const dashboard = `{
  flows(first: 100) { edges { node {
    flowName flowStatus triggerType lastUpdatedAt
    sourceConnectorProfile { connectorProfileName connectorType connectionMode }
    destinationConnectorProfiles { connectorProfileName connectorType }
    sourceConnector { connectorType connectorName canUseAsSource }
    destinationConnectors { connectorType canUseAsDestination }
    executions(first: 5) { edges { node { executionId executionStatus startedAt } } }
  } } }
}`;

let t: TestGateway;
let naive: ReturnType<typeof createNaiveGateway>;

async function setUp(seed: (t: TestGateway) => Promise<void>) {
  t = await startTestGateway();
  await seed(t);
  naive = createNaiveGateway(t.emulator.url);
}
async function tearDown() {
  naive.close();
  await t.close();
}

/** 100 on-demand Salesforce -> Redshift flows (both ends use connector profiles), 5 runs each. */
async function seedRedshiftFlows(g: TestGateway) {
  await g.emulator.control.seed({});
  const now = Math.floor(Date.now() / 1000);
  const flows = Array.from({ length: 100 }, (_, i) => ({
    flowName: `sf-to-redshift-${i}`,
    triggerConfig: { triggerType: 'OnDemand' },
    sourceFlowConfig: {
      connectorType: 'Salesforce',
      connectorProfileName: i % 2 ? 'salesforce-prod' : 'salesforce-sandbox',
      sourceConnectorProperties: { Salesforce: { object: 'Account' } },
    },
    destinationFlowConfigList: [
      {
        connectorType: 'Redshift',
        connectorProfileName: 'redshift-analytics',
        destinationConnectorProperties: {
          Redshift: {
            object: `public.accounts_${i}`,
            intermediateBucketName: 'appflow-redshift-staging',
          },
        },
      },
    ],
    tasks: [{ taskType: 'Map_all', sourceFields: [], connectorOperator: { Salesforce: 'NO_OP' } }],
  }));
  const executions = flows.flatMap((f) =>
    Array.from({ length: 5 }, (_, k) => ({
      flowName: f.flowName,
      executionStatus: 'Successful',
      startedAt: now - 3600 * (k + 1),
    })),
  );
  await g.emulator.control.seed({ flows, executions });
  const seeded = await g.query<{ flows: { edges: unknown[] } }>(
    '{ flows(first: 100) { edges { cursor } } }',
  );
  expect(seeded.errors).toBeUndefined();
}

/** What both answers must agree on: flows, their profiles and their runs. */
const summary = (b: any) =>
  b.data.flows.edges.map((e: any) => [
    e.node.flowName,
    e.node.sourceConnectorProfile?.connectorProfileName ?? null,
    e.node.destinationConnectorProfiles.map((p: any) => p.connectorProfileName),
    e.node.executions.edges.map((x: any) => x.node.executionId),
  ]);

async function total(): Promise<number> {
  return Object.values(await t.calls()).reduce((a, b) => a + b, 0);
}

async function run(fetcher: (req: Request) => Response | Promise<Response>) {
  await t.resetCalls();
  const res = await fetcher(
    new Request('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: dashboard }),
    }),
  );
  const body = (await res.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data.flows.edges).toHaveLength(100);
  return { calls: await total(), byOperation: await t.calls(), body };
}

describe('upstream call budget of the dashboard, 100 flows with profile-based destinations', () => {
  beforeAll(() => setUp(seedRedshiftFlows));
  afterAll(tearDown);

  it('stays within 0.30x of naive resolvers cold and 0.15x warm, with the same answer', async () => {
    const baseline = await run((req) => naive.yoga.fetch(req));
    const cold = await run((req) => t.gateway.yoga.fetch(req));
    const warm = await run((req) => t.gateway.yoga.fetch(req));
    console.log(
      `dashboard (Redshift destinations) upstream calls: naive ${baseline.calls}, gateway cold ${cold.calls} (${(cold.calls / baseline.calls).toFixed(3)}x), warm ${warm.calls} (${(warm.calls / baseline.calls).toFixed(3)}x)`,
    );
    expect(cold.calls / baseline.calls).toBeLessThanOrEqual(0.3);
    expect(warm.calls / baseline.calls).toBeLessThanOrEqual(0.15);
    expect(summary(cold.body)).toEqual(summary(baseline.body));
    expect(summary(warm.body)).toEqual(summary(baseline.body));
  });
});

describe('upstream call budget of the dashboard, 100 flows to S3 (no destination profile)', () => {
  beforeAll(() =>
    setUp((g) =>
      g.emulator.control
        .seed({ generate: { flows: 100, profiles: 10, executionsPerFlow: 5 } })
        .then(() => {}),
    ),
  );
  afterAll(tearDown);

  it('costs the unbatchable floor cold (0.34x of naive) and one call warm (<= 0.15x), with the same answer', async () => {
    const baseline = await run((req) => naive.yoga.fetch(req));
    const cold = await run((req) => t.gateway.yoga.fetch(req));
    const warm = await run((req) => t.gateway.yoga.fetch(req));
    console.log(
      `dashboard upstream calls: naive ${baseline.calls}, gateway cold ${cold.calls} (${(cold.calls / baseline.calls).toFixed(3)}x), warm ${warm.calls} (${(warm.calls / baseline.calls).toFixed(3)}x)`,
      cold.byOperation,
    );
    expect(cold.byOperation).toEqual({
      ListFlows: 1,
      DescribeFlow: 100,
      DescribeFlowExecutionRecords: 100,
      DescribeConnectorProfiles: 1,
      DescribeConnectors: 1,
    });
    expect(cold.calls / baseline.calls).toBeLessThanOrEqual(0.34);
    expect(warm.calls / baseline.calls).toBeLessThanOrEqual(0.15);
    // Same flows, profiles and runs as the naive answer.
    expect(summary(cold.body)).toEqual(summary(baseline.body));
    expect(summary(warm.body)).toEqual(summary(baseline.body));
  });
});

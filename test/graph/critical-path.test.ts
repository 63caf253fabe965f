/**
 * The critical path of a cold dashboard, with latency on every AppFlow call (the emulator's
 * `latencyMs`): every call starts as soon as what it needs is known. Runs and connectors need
 * only ListFlows; profiles need DescribeFlow. So the README's dashboard is 3 round trips
 * (ListFlows -> DescribeFlow, runs, connectors -> profiles), and with more than one ListFlows
 * page each page's follow-ups run while the next page is listed. Asserted on the order of the
 * calls (when each began and ended, from the client's call listener), never on durations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callChainDepth, type TimedCall } from '../../bench/lib.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/** The README's dashboard query: flows with profiles, connectors and last runs. */
const DASHBOARD = `query Dashboard($first: Int = 100) { flows(first: $first) { edges { node {
  id flowName flowStatus triggerType
  lastRunExecutionDetails { mostRecentExecutionStatus mostRecentExecutionTime }
  sourceConnectorProfile { connectorProfileName connectorType }
  destinationConnectorProfiles { connectorProfileName }
  sourceConnector { connectorType connectorName canUseAsSource }
  destinationConnectors { connectorType canUseAsDestination }
  executions(first: 5) { edges { node {
    executionId executionStatus startedAt executionResult { recordsProcessed bytesProcessed }
  } } }
} } } }`;

type Call = TimedCall;
const roundTrips = callChainDepth;

let t: TestGateway;

async function recordCalls(run: () => Promise<unknown>): Promise<Call[]> {
  const calls: Call[] = [];
  const stop = t.gateway.appflow.onCall((operation, _outcome, durationMs) => {
    const end = performance.now();
    calls.push({ operation, start: end - durationMs, end });
  });
  try {
    await run();
  } finally {
    stop();
  }
  return calls;
}

const of = (calls: Call[], operation: string) => calls.filter((c) => c.operation === operation);

beforeAll(async () => {
  // The window (APPFLOW_MAX_CONCURRENCY) is not what these tests are about: 500 calls of three
  // pages may all be in flight. A 250-flow dashboard costs more than the default MAX_COST.
  t = await startTestGateway({
    emulator: { latencyMs: 40 },
    env: { MAX_COST: '2000000' },
    config: { maxConcurrentAppflowCalls: 1000 },
  });
  await t.emulator.control.seed({
    generate: { flows: 30, profiles: 5, executionsPerFlow: 3 },
  });
});
afterAll(() => t.close());

describe('critical path of a cold dashboard (40 ms per AppFlow call)', () => {
  it('runs and connectors start right after ListFlows, profiles after DescribeFlow: 3 round trips', async () => {
    await t.gateway.services.reader.cache.clear();
    let answer: Awaited<ReturnType<TestGateway['query']>> | undefined;
    const calls = await recordCalls(async () => {
      answer = await t.query(DASHBOARD);
    });
    expect(answer?.errors).toBeUndefined();
    const list = of(calls, 'ListFlows');
    const describe = of(calls, 'DescribeFlow');
    const runs = of(calls, 'DescribeFlowExecutionRecords');
    const connectors = of(calls, 'DescribeConnectors');
    const profiles = of(calls, 'DescribeConnectorProfiles');
    expect(list).toHaveLength(1);
    expect(describe).toHaveLength(30);
    expect(runs.length).toBeGreaterThan(0);
    expect(connectors.length).toBeGreaterThan(0);
    expect(profiles.length).toBeGreaterThan(0);
    const lastDescribeEnd = Math.max(...describe.map((c) => c.end));
    const firstDescribeEnd = Math.min(...describe.map((c) => c.end));
    // Runs and connectors need only ListFlows: each begins before any DescribeFlow has ended.
    for (const c of [...runs, ...connectors]) {
      expect(c.start).toBeGreaterThanOrEqual(list[0]!.end);
      expect(c.start).toBeLessThan(firstDescribeEnd);
    }
    // Profiles need DescribeFlow's profile names, batched into one call after it.
    for (const p of profiles) expect(p.start).toBeGreaterThanOrEqual(firstDescribeEnd);
    expect(profiles.length).toBeLessThanOrEqual(2);
    expect(Math.min(...profiles.map((p) => p.start))).toBeLessThanOrEqual(lastDescribeEnd + 40);
    expect(roundTrips(calls)).toBe(3);
  });

  it('starts only the follow-ups the query selects: no DescribeFlow for list members and runs', async () => {
    await t.gateway.services.reader.cache.clear();
    const onlyRuns = await recordCalls(async () => {
      const a = await t.query(`{ flows(first: 30) { edges { node {
        flowName flowStatus lastRunExecutionDetails { mostRecentExecutionStatus }
        executions(first: 2) { edges { node { executionId } } }
      } } } }`);
      expect(a.errors).toBeUndefined();
    });
    expect(of(onlyRuns, 'DescribeFlow')).toHaveLength(0);
    expect(of(onlyRuns, 'DescribeFlowExecutionRecords')).toHaveLength(30);
    const onlyList = await recordCalls(async () => {
      const a = await t.query('{ flows(first: 30) { edges { node { flowName triggerType } } } }');
      expect(a.errors).toBeUndefined();
    });
    expect(onlyList.map((c) => c.operation)).toEqual(['ListFlows']);
  });

  it('with several ListFlows pages, the follow-ups of a page run while the next is listed', async () => {
    // 250 flows: three ListFlows pages of at most 100 for one `flows(first: 250)`.
    await t.emulator.control.seed({ generate: { flows: 220, profiles: 0, executionsPerFlow: 1 } });
    await t.gateway.services.reader.cache.clear();
    const calls = await recordCalls(async () => {
      const a = await t.query(DASHBOARD, { first: 250 });
      expect(a.errors).toBeUndefined();
      expect((a.data as { flows: { edges: unknown[] } }).flows.edges).toHaveLength(250);
    });
    const list = of(calls, 'ListFlows').sort((a, b) => a.start - b.start);
    expect(list).toHaveLength(3);
    const lastListEnd = list[2]!.end;
    // The first page's flows are described and their runs listed while the rest is listed.
    const early = (op: string) => of(calls, op).filter((c) => c.start < lastListEnd).length;
    expect(early('DescribeFlow')).toBeGreaterThanOrEqual(100);
    expect(early('DescribeFlowExecutionRecords')).toBeGreaterThan(0);
    expect(of(calls, 'DescribeFlow')).toHaveLength(250);
    // The goal: ListFlows pages + 3 (the last page's DescribeFlow, its profiles, and one for a
    // loaded machine, where 500 calls' CPU can stretch a call past the next one's start).
    expect(roundTrips(calls)).toBeLessThanOrEqual(list.length + 3);
  });
});

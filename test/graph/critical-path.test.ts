/**
 * The critical path of a cold dashboard, with latency on every AppFlow call (the emulator's
 * `latencyMs`): every call starts as soon as what it needs is known. Runs and connectors need
 * only ListFlows; the account's profiles, listed whole while few, need nothing. So the README's
 * dashboard is 2 round trips (ListFlows ∥ profiles -> DescribeFlow ∥ runs ∥ connectors), and
 * with more than one ListFlows page each page's follow-ups run while the next page is listed. Asserted on the order of the
 * calls (when each began and ended, from the client's call listener), never on durations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callChainDepth, recordTimedCalls, type TimedCall } from '../../bench/lib.js';
import { loadConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/yoga.js';
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

const recordCalls = (run: () => Promise<unknown>) => recordTimedCalls(t.gateway.appflow, run);

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
  it('profiles start beside ListFlows, runs and connectors right after it: 2 round trips', async () => {
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
    // The account's 5 profiles are listed in one call beside ListFlows, not after DescribeFlow.
    expect(profiles).toHaveLength(1);
    expect(profiles[0]!.start).toBeLessThan(list[0]!.end);
    expect(lastDescribeEnd).toBeGreaterThan(profiles[0]!.end);
    expect(roundTrips(calls)).toBe(2);
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
    // The goal: ListFlows pages + 2 (the last page's DescribeFlow, and one for a loaded
    // machine, where 500 calls' CPU can stretch a call past the next one's start).
    expect(roundTrips(calls)).toBeLessThanOrEqual(list.length + 2);
  });
});

describe('the early profile listing is bounded (SPECULATIVE_PROFILES_MAX)', () => {
  /** The profile names of the dashboard's rows, by flow. */
  const profileNames = (a: Awaited<ReturnType<TestGateway['query']>>) =>
    (
      a.data as {
        flows: {
          edges: {
            node: {
              flowName: string;
              sourceConnectorProfile: { connectorProfileName: string } | null;
              destinationConnectorProfiles: { connectorProfileName: string }[];
            };
          }[];
        };
      }
    ).flows.edges.map(({ node }) => [
      node.flowName,
      node.sourceConnectorProfile?.connectorProfileName ?? null,
      node.destinationConnectorProfiles.map((p) => p.connectorProfileName),
    ]);

  async function gatewayWith(maxProfiles: number) {
    const config = loadConfig(
      {
        ALLOW_ANONYMOUS: 'true',
        LOG_LEVEL: 'silent',
        MAX_COST: '2000000',
        APPFLOW_INITIAL_RATE: '0',
      },
      {
        appflowEndpoint: t.emulator.url,
        embeddedEmulator: false,
        maxConcurrentAppflowCalls: 1000,
        speculativeProfilesMax: maxProfiles,
      },
    );
    return createGateway(config);
  }

  async function dashboardOn(gateway: Gateway) {
    const calls: Call[] = [];
    const stop = gateway.appflow.onCall((operation, _outcome, durationMs) => {
      const end = performance.now();
      calls.push({ operation, start: end - durationMs, end });
    });
    const res = await gateway.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DASHBOARD, variables: { first: 30 } }),
    });
    stop();
    return { answer: (await res.json()) as Awaited<ReturnType<TestGateway['query']>>, calls };
  }

  it('past the bound the listing stops; the names it lacks are described by name, same answer', async () => {
    await t.emulator.control.seed({
      generate: { flows: 30, profiles: 5, executionsPerFlow: 1 },
    });
    const off = await gatewayWith(0);
    const two = await gatewayWith(2);
    try {
      const before = await dashboardOn(off);
      expect(before.answer.errors).toBeUndefined();
      // No listing: profiles wait for DescribeFlow's names, a third step.
      expect(of(before.calls, 'DescribeConnectorProfiles')).toHaveLength(1);
      expect(roundTrips(before.calls)).toBe(3);

      const bounded = await dashboardOn(two);
      expect(bounded.answer.errors).toBeUndefined();
      expect(profileNames(bounded.answer)).toEqual(profileNames(before.answer));
      // One listing page of 2 (the bound), then one call for the names it did not hold.
      const profiles = of(bounded.calls, 'DescribeConnectorProfiles').sort(
        (a, b) => a.start - b.start,
      );
      expect(profiles).toHaveLength(2);
      const list = of(bounded.calls, 'ListFlows')[0]!;
      expect(profiles[0]!.start).toBeLessThan(list.end);
      expect(profiles[1]!.start).toBeGreaterThan(
        Math.min(...of(bounded.calls, 'DescribeFlow').map((c) => c.end)),
      );
    } finally {
      await off.close();
      await two.close();
    }
  });

  it('a list that shows no profile lists none', async () => {
    await t.gateway.services.reader.cache.clear();
    const calls = await recordCalls(async () => {
      const a = await t.query(`{ flows(first: 30) { edges { node {
        flowName sourceConnector { connectorType } executions(first: 2) { edges { node { executionId } } }
      } } } }`);
      expect(a.errors).toBeUndefined();
    });
    expect(of(calls, 'DescribeConnectorProfiles')).toHaveLength(0);
  });
});

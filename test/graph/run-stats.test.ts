/**
 * Flow.runStats against runs the emulator made, through the real SDK: seeded past runs with
 * known outcomes and durations, plus live runs whose outcome and end the test controls (the
 * emulator's run outcomes and clock). Counts, rates, durations, volumes, the last error and the
 * daily series; `last` and `since`; the cache (a second read makes no runs call); the cost of a
 * 100-flow dashboard, cold and warm.
 */
import {
  DescribeFlowExecutionRecordsCommand,
  type ExecutionRecord,
  StartFlowCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { s3Flow } from '../mutations/fixtures.js';

let gw: TestGateway;
type Any = any;
const FLOW = 'stats-flow';
const DAY = 86_400;

const STATS = `
  runs successes failures cancellations inProgress successRate
  duration { p50 p95 max }
  records { total perRun }
  bytes { total perRun }
  lastError { message at executionId }
  daily { date runs failures records }
  from to truncated`;

async function statsOf(args = '', flow = FLOW): Promise<Any> {
  const r = await gw.query<Any>(`{ flow(name: "${flow}") { runStats${args} { ${STATS} } } }`);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.flow.runStats;
}

/** Every run of the flow, newest first, as AppFlow (the emulator) lists them. */
async function allRuns(): Promise<ExecutionRecord[]> {
  const runs: ExecutionRecord[] = [];
  let nextToken: string | undefined;
  do {
    const page = await gw.emulator.client.send(
      new DescribeFlowExecutionRecordsCommand({ flowName: FLOW, nextToken, maxResults: 100 }),
    );
    runs.push(...(page.flowExecutions ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return runs;
}

/** s3Flow (a GraphQL input) as the AWS request a seed document holds. */
function seedFlow(name: string) {
  const flow = s3Flow(name) as Any;
  for (const task of flow.tasks) {
    if (task.taskProperties) {
      task.taskProperties = Object.fromEntries(
        task.taskProperties.map((e: Any) => [e.key, e.value]),
      );
    }
  }
  return flow;
}

const secondsOf = (r: ExecutionRecord) =>
  (r.lastUpdatedAt!.getTime() - r.startedAt!.getTime()) / 1000;
const nearestRank = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

let now: number;
let dayStart: (daysAgo: number) => number;

beforeAll(async () => {
  // Runs last 5 emulated seconds; the clock only moves when the test says so.
  gw = await startTestGateway({ emulator: { runSeconds: 5 } });
  const clock = (await gw.emulator.control.call('GET', '/clock')) as { now: number };
  now = Math.floor(clock.now);
  const midnight = Math.floor(now / DAY) * DAY;
  dayStart = (daysAgo) => midnight - daysAgo * DAY;
  const at = (daysAgo: number, hour: number) => dayStart(daysAgo) + hour * 3600;
  await gw.emulator.control.seed({
    flows: [seedFlow(FLOW), seedFlow('never-run')],
    executions: [
      { flowName: FLOW, executionStatus: 'Successful', startedAt: at(3, 1), durationSeconds: 60 },
      { flowName: FLOW, executionStatus: 'Successful', startedAt: at(3, 2), durationSeconds: 120 },
      {
        flowName: FLOW,
        executionStatus: 'Error',
        startedAt: at(3, 3),
        durationSeconds: 30,
        message: 'Old failure',
      },
      { flowName: FLOW, executionStatus: 'Successful', startedAt: at(2, 1), durationSeconds: 90 },
      { flowName: FLOW, executionStatus: 'Canceled', startedAt: at(2, 2), durationSeconds: 10 },
      {
        flowName: FLOW,
        executionStatus: 'Error',
        startedAt: at(2, 3),
        durationSeconds: 45,
        message: 'Second failure',
      },
      { flowName: FLOW, executionStatus: 'Successful', startedAt: at(1, 1), durationSeconds: 300 },
    ],
  });
  // A live run that fails (the emulator's outcome control), finished by moving the clock.
  await gw.emulator.control.runsOutcome({
    outcome: 'Error',
    flowName: FLOW,
    message: 'Live failure: the source returned 500',
  });
  await gw.emulator.client.send(new StartFlowCommand({ flowName: FLOW }));
  await gw.emulator.control.advance(6);
});
afterAll(() => gw?.close());

describe('Flow.runStats', () => {
  test('counts, success rate, durations, volumes, last error and daily series', async () => {
    const runs = await allRuns();
    expect(runs).toHaveLength(8);
    const stats = await statsOf();
    expect(stats).toMatchObject({
      runs: 8,
      successes: 4,
      failures: 3,
      cancellations: 1,
      inProgress: 0,
      successRate: 0.5,
      truncated: false,
    });
    // Durations: the seeded ones are known; the live run took the emulator's 5 s.
    const durations = runs.map(secondsOf).sort((a, b) => a - b);
    expect(durations).toEqual(expect.arrayContaining([30, 45, 60, 90, 120, 300]));
    expect(stats.duration).toEqual({
      p50: nearestRank(durations, 0.5),
      p95: nearestRank(durations, 0.95),
      max: 300,
    });
    const records = runs.reduce((n, r) => n + (r.executionResult?.recordsProcessed ?? 0), 0);
    const bytes = runs.reduce((n, r) => n + (r.executionResult?.bytesProcessed ?? 0), 0);
    expect(records).toBeGreaterThan(0);
    expect(stats.records).toEqual({ total: records, perRun: records / 8 });
    expect(stats.bytes).toEqual({ total: bytes, perRun: bytes / 8 });
    const live = runs[0]!;
    expect(stats.lastError).toEqual({
      message: 'Live failure: the source returned 500',
      at: live.lastUpdatedAt!.toISOString(),
      executionId: live.executionId,
    });
    const date = (daysAgo: number) => new Date(dayStart(daysAgo) * 1000).toISOString().slice(0, 10);
    const recordsOn = (d: string) =>
      runs
        .filter((r) => r.startedAt!.toISOString().startsWith(d))
        .reduce((n, r) => n + (r.executionResult?.recordsProcessed ?? 0), 0);
    expect(stats.daily.slice(0, 3)).toEqual([
      { date: date(3), runs: 3, failures: 1, records: recordsOn(date(3)) },
      { date: date(2), runs: 3, failures: 1, records: recordsOn(date(2)) },
      { date: date(1), runs: 1, failures: 0, records: recordsOn(date(1)) },
    ]);
    expect(stats.daily.at(-1)).toMatchObject({ date: date(0), runs: 1, failures: 1 });
    expect(stats.from).toBe(new Date((dayStart(3) + 3600) * 1000).toISOString());
    expect(stats.to).toBe(live.startedAt!.toISOString());
  });

  test('`last` reads the newest runs only and says there were more; `since` bounds them', async () => {
    const newest = await statsOf('(last: 3)');
    expect(newest).toMatchObject({ runs: 3, successes: 1, failures: 2, truncated: true });
    expect(newest.lastError.message).toBe('Live failure: the source returned 500');
    const since = new Date(dayStart(2) * 1000).toISOString();
    const recent = await statsOf(`(since: "${since}")`);
    expect(recent).toMatchObject({ runs: 5, successes: 2, failures: 2, cancellations: 1 });
    expect(recent.truncated).toBe(false);
    expect(recent.daily.map((d: Any) => d.date)[0]).toBe(since.slice(0, 10));
  });

  test('a flow that never ran costs no call; at most 500 runs', async () => {
    await gw.resetCalls();
    expect(await statsOf('', 'never-run')).toMatchObject({
      runs: 0,
      successRate: null,
      duration: { p50: null, p95: null, max: null },
      records: { total: 0, perRun: null },
      lastError: null,
      daily: [],
      from: null,
    });
    expect((await gw.calls()).DescribeFlowExecutionRecords ?? 0).toBe(0);
    const r = await gw.query<Any>(`{ flow(name: "${FLOW}") { runStats(last: 501) { runs } } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toBe('last must be 1 to 500.');
  });

  test('read through the cache: a second read makes no runs call, a new run is seen', async () => {
    await gw.gateway.services.reader.cache.clear();
    await statsOf('(last: 50)');
    await gw.resetCalls();
    await statsOf('(last: 50)');
    // DescribeFlow (read fresh by flow(name:)) says nothing changed: the runs are cached.
    expect(await gw.calls()).toEqual({ DescribeFlow: 1 });
    await gw.emulator.control.call('DELETE', '/runs/outcome');
    await gw.emulator.client.send(new StartFlowCommand({ flowName: FLOW }));
    const running = await statsOf('(last: 50)');
    expect(running).toMatchObject({ runs: 9, inProgress: 1 });
    await gw.emulator.control.advance(6);
    expect(await statsOf('(last: 50)')).toMatchObject({ runs: 9, inProgress: 0, successes: 5 });
  });
});

describe('a dashboard of 100 flows with runStats', () => {
  test('costs one ListFlows and one runs call per flow cold, only ListFlows warm; `last` counts in the cost', async () => {
    await gw.emulator.control.reset();
    await gw.emulator.control.seed({
      generate: { flows: 100, profiles: 10, executionsPerFlow: 5 },
    });
    await gw.gateway.services.reader.cache.clear();
    const dashboard = `{ flows(first: 100) { edges { node {
      flowName runStats { runs successRate duration { p50 p95 } records { total } lastError { message } }
    } } } }`;
    await gw.resetCalls();
    const cold = await gw.query<Any>(dashboard);
    expect(cold.errors).toBeUndefined();
    expect(cold.data.flows.edges).toHaveLength(100);
    expect(cold.data.flows.edges.every((e: Any) => e.node.runStats.runs === 5)).toBe(true);
    const coldCalls = await gw.calls();
    await gw.resetCalls();
    await gw.query<Any>(dashboard);
    const warmCalls = await gw.calls();
    console.info('100-flow dashboard with runStats: cold', coldCalls, 'warm', warmCalls);
    expect(coldCalls).toEqual({ ListFlows: 1, DescribeFlowExecutionRecords: 100 });
    expect(warmCalls).toEqual({ ListFlows: 1 });
    // `last` counts in the cost by the AppFlow pages it reads (100 runs a call), whether literal,
    // variable or the default: 500 runs cost more than 100, 5 runs as much as 100 (one page).
    // A gateway with a tiny MAX_COST refuses each before any call and says what it found.
    const strict = await startTestGateway({ env: { MAX_COST: '1' } });
    try {
      const costOf = async (stats: string, variables?: Record<string, unknown>) => {
        const query = variables
          ? `query($n: Int) ${dashboard.replace('runStats {', `runStats${stats} {`)}`
          : dashboard.replace('runStats {', `runStats${stats} {`);
        const r = await strict.query<Any>(query, variables);
        expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
        return Number(/exceeded: (\d+(\.\d+)?)/.exec(r.errors?.[0]?.message ?? '')?.[1]);
      };
      await strict.resetCalls();
      const byDefault = await costOf('');
      const hundred = await costOf('(last: 100)');
      const five = await costOf('(last: 5)');
      const fiveHundred = await costOf('(last: $n)', { n: 500 });
      expect(await strict.calls()).toEqual({});
      expect(hundred).toBe(byDefault);
      expect(five).toBe(hundred);
      expect(fiveHundred).toBeGreaterThan(3 * hundred);
      // The default limit takes the 100-flow dashboard with a few runs each.
      const few = await gw.query<Any>(dashboard.replace('runStats {', 'runStats(last: 5) {'));
      expect(few.errors).toBeUndefined();
    } finally {
      await strict.close();
    }
  });
});

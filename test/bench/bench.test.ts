/**
 * Smoke test of the bench harness: a tiny run of real scenarios against real child processes
 * produces a well-formed table. No timing assertions (speed goals live in `npm run bench`).
 */
import { describe, expect, it } from 'vitest';
import { formatTable, type Row } from '../../bench/lib.js';
import { runBench } from '../../bench/run.js';

describe('bench harness', () => {
  it('runs the typename and dashboard scenarios and prints a well-formed table', async () => {
    const result = await runBench({ quick: true, only: ['typename', 'dashboard'], log: () => {} });
    const failed = result.rows.filter((r) => r.metric === 'failed to run');
    expect(failed, JSON.stringify(failed)).toEqual([]);
    const metrics = result.rows.map((r) => `${r.scenario} / ${r.metric}`);
    expect(metrics).toEqual([
      '{__typename} throughput / gateway vs raw node:http (200 req, 10 conn)',
      '{__typename} throughput / gateway (production layer) vs plain graphql-yoga',
      '{__typename} throughput / plain graphql-yoga vs raw node:http (reference)',
      'dashboard (100 flows) / same data as naive resolvers',
      'dashboard (100 flows) / upstream calls, cold cache vs naive',
      'dashboard (100 flows) / upstream calls, warm cache vs naive',
      'dashboard (100 flows) / throughput (warm), gateway vs naive, 4 conn',
    ]);
    for (const row of result.rows) {
      if (row.ratio !== null) expect(row.ratio).toBeGreaterThan(0);
      expect(row.goal).not.toBe('');
    }
    // Upstream-call counts are deterministic: the gateway and naive resolvers agree on data,
    // and a warm dashboard costs the gateway exactly one ListFlows.
    const same = result.rows.find((r) => r.metric === 'same data as naive resolvers')!;
    expect(same.holds).toBe(true);
    const warm = result.rows.find((r) => r.metric.startsWith('upstream calls, warm'))!;
    expect(warm.value).toBe('1');

    const lines = result.table.split('\n');
    expect(lines[0]).toMatch(
      /^\| scenario +\| metric +\| gateway +\| baseline +\| ratio +\| goal +\| holds +\|$/,
    );
    expect(lines[1]).toMatch(/^\|[-|]+\|$/);
    const tableLines = lines.filter((l) => l.startsWith('|'));
    expect(tableLines).toHaveLength(result.rows.length + 2);
    const width = lines[0].length;
    for (const l of tableLines) expect(l.length).toBe(width);
  }, 120_000);

  it('runs the cache and startup scenarios: the bundle npm start runs, its build timed apart', async () => {
    const result = await runBench({ quick: true, only: ['cache', 'startup'], log: () => {} });
    const failed = result.rows.filter((r) => r.metric === 'failed to run');
    expect(failed, JSON.stringify(failed)).toEqual([]);
    expect(result.rows.map((r) => `${r.scenario} / ${r.metric}`)).toEqual([
      'cache / DescribeFlow: miss p50 / hit p50 (20 each)',
      'cache / flow at expiry: p99 of 20 concurrent (median of 2 expiries) vs DescribeFlow miss p50',
      'cache / profile at expiry: p99 of 20 concurrent (median of 2 expiries) vs DescribeConnectorProfiles miss p50',
      'startup / spawn to ready, node dist/server.mjs, embedded emulator (median of 1)',
      'startup / spawn to ready, node --import tsx src/server.ts (npm run dev; median of 1)',
    ]);
    // Single-flight is deterministic: one upstream call per expiry, whatever the timings.
    for (const row of result.rows.filter((r) => r.metric.includes('at expiry'))) {
      expect(row.note).toMatch(/^1\.00 upstream call\(s\) per expiry/);
    }
    const bundle = result.rows.find((r) => r.metric.includes('dist/server.mjs'))!;
    expect(bundle.note).toMatch(/npm run build took \d+ ms/);
    expect(bundle.ratio).toBeGreaterThan(0);
  }, 120_000);

  it('runs the real-round-trips scenario: every goal row of issue 16, with its goal', async () => {
    const result = await runBench({ quick: true, only: ['roundtrips'], log: () => {} });
    const failed = result.rows.filter((r) => r.metric === 'failed to run' || r.goal === 'runs');
    expect(failed, JSON.stringify(failed)).toEqual([]);
    const metrics = result.rows.map((r) => r.metric);
    const limited = (label: string) => [
      `cold dashboard at 20 calls/s burst 40 (${label}): errors reaching the client`,
      `cold dashboard at 20 calls/s burst 40 (${label}): AppFlow calls throttled`,
      `cold dashboard at 20 calls/s burst 40 (${label}): time vs the rate's floor`,
    ];
    expect(metrics).toEqual([
      'cold 100-flow dashboard, round trips (median of 1)',
      'cold 100-flow dashboard, gateway vs hand-written parallel SDK client',
      'cold 100-flow dashboard, AppFlow calls one after another (in process)',
      ...limited('fresh process'),
      ...limited('limiter learned'),
      'warm 100-flow dashboard, round trips (median of 2)',
      'list 100 flows, gateway vs direct SDK ListFlows (median of 3)',
      'cold 300-flow dashboard, round trips',
      'cold 300-flow dashboard, AppFlow calls one after another (in process)',
      'cold 300-flow dashboard, AppFlow calls per flow vs 100 flows',
    ]);
    for (const row of result.rows) {
      expect(row.goal).not.toBe('-');
      expect(typeof row.holds).toBe('boolean');
    }
    // Deterministic whatever the machine's load: throttles never reach the client, and the
    // calls of a dashboard grow linearly with its flows.
    for (const row of result.rows.filter((r) => r.metric.endsWith('errors reaching the client'))) {
      expect(row.value).toBe('0');
    }
    expect(result.rows.find((r) => r.metric.includes('calls per flow'))!.holds).toBe(true);
  }, 180_000);

  it('marks goals that hold, that do not, and rows without a goal', () => {
    const rows: Row[] = [
      {
        scenario: 's',
        metric: 'a',
        value: '1',
        baseline: '2',
        ratio: 0.5,
        goal: '>= 0.25x',
        holds: true,
      },
      {
        scenario: 's',
        metric: 'b',
        value: '1',
        baseline: '2',
        ratio: 0.5,
        goal: '<= 0.3x',
        holds: false,
        note: 'why',
      },
      { scenario: 's', metric: 'c', value: '-', baseline: '-', ratio: null, goal: '-' },
    ];
    const table = formatTable(rows);
    expect(table).toContain('| yes');
    expect(table).toContain('| NO');
    expect(table).toContain('| info');
    expect(table).toContain('- s / b: why');
  });
});

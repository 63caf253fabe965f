/**
 * `npm run bench [-- --json FILE] [--quick] [--only a,b]`: starts an emulator, the gateway, a
 * naive-resolver server and baselines on free loopback ports, runs every scenario with a
 * bounded number of requests, and prints one table of ratios measured side by side.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type Child, formatTable, postJson, type Row, startChild } from './lib.js';
import { realRoundTrips } from './round-trips.js';
import {
  type BenchContext,
  cache,
  dashboard,
  listFlowsLatency,
  startup,
  typenameThroughput,
} from './scenarios.js';

export interface BenchOptions {
  quick?: boolean;
  /** Scenario names to run (default all). */
  only?: string[];
  /** Progress lines go here (default stderr). */
  log?: (line: string) => void;
}

export interface BenchResult {
  rows: Row[];
  table: string;
  startedAt: string;
  durationMs: number;
  machine: { node: string; platform: string; cpus: number };
}

type Scenario = (ctx: BenchContext) => Promise<Row[]>;

async function subscriptions(ctx: BenchContext): Promise<Row[]> {
  const file = new URL('./subscriptions.ts', import.meta.url);
  if (!existsSync(file)) {
    return [
      {
        scenario: 'subscriptions',
        metric: 'poll rate 1 vs 1000 subscribers, heap per idle subscriber',
        value: '-',
        baseline: '-',
        ratio: null,
        goal: '-',
        note: 'bench/subscriptions.ts is not there yet: not measured',
      },
    ];
  }
  const mod = (await import('./subscriptions.js' as string)) as {
    benchSubscriptions(opts?: unknown): Promise<Partial<Row>[]>;
  };
  const rows = await mod.benchSubscriptions({ quick: ctx.quick, emulatorUrl: ctx.emulator.url });
  return rows.map((r) => ({
    scenario: r.scenario ?? 'subscriptions',
    metric: r.metric ?? '',
    value: r.value ?? '-',
    baseline: r.baseline ?? '-',
    ratio: typeof r.ratio === 'number' ? r.ratio : null,
    goal: r.goal ?? '-',
    holds: r.holds,
    note: r.note,
  }));
}

/** flowRunEvents: ListFlows and runs calls per interval, 500 flows, 1 vs 100 subscribers. */
async function fleet(ctx: BenchContext): Promise<Row[]> {
  const { benchFleet } = await import('./fleet.js');
  return benchFleet({ quick: ctx.quick });
}

/** Ours vs the GraphQL Mesh peer and the hand-written SDK client (bench/side-by-side.ts). */
async function peer(ctx: BenchContext): Promise<Row[]> {
  const { peerScenario } = await import('./side-by-side.js');
  return peerScenario(ctx);
}

/** Query p99 with Redis down (bench/redis-outage.ts; the test checks the behaviour only). */
async function redisOutage(): Promise<Row[]> {
  const { benchRedisOutage } = await import('./redis-outage.js');
  return benchRedisOutage();
}

/** EventBridge push: event-to-subscriber latency, idle AppFlow calls with events off and on. */
async function events(ctx: BenchContext): Promise<Row[]> {
  const { benchEvents } = await import('./events.js');
  return benchEvents({ quick: ctx.quick });
}

/** Warm dashboard with the response cache vs without; never stale after a start. */
async function responseCache(ctx: BenchContext): Promise<Row[]> {
  const { benchResponseCache } = await import('./response-cache.js');
  return benchResponseCache({ emulatorUrl: ctx.emulator.url, quick: ctx.quick });
}

export const SCENARIOS: Record<string, Scenario> = {
  typename: typenameThroughput,
  list: listFlowsLatency,
  dashboard,
  roundtrips: realRoundTrips,
  cache,
  startup,
  subscriptions,
  fleet,
  peer,
  redisOutage,
  events,
  responseCache,
};

export const DASHBOARD_FLOWS = 100;

export async function runBench(opts: BenchOptions = {}): Promise<BenchResult> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const names = opts.only?.length ? opts.only : Object.keys(SCENARIOS);
  for (const n of names) {
    if (!SCENARIOS[n]) throw new Error(`unknown scenario "${n}" (${Object.keys(SCENARIOS)})`);
  }
  const started = Date.now();
  const children: Child[] = [];
  const rows: Row[] = [];
  try {
    log('starting emulator and baselines...');
    const [emulator, raw, yoga] = await Promise.all([
      startChild('emulator'),
      startChild('raw'),
      startChild('yoga'),
    ]);
    children.push(emulator, raw, yoga);
    await postJson(`${emulator.url}/_emulator/seed`, {
      generate: { flows: DASHBOARD_FLOWS, profiles: 10, executionsPerFlow: 6 },
    });
    const env = { EMULATOR_URL: emulator.url };
    const [gateway, naive] = await Promise.all([
      startChild('gateway', env),
      startChild('naive', env),
    ]);
    children.push(gateway, naive);
    const ctx: BenchContext = {
      quick: Boolean(opts.quick),
      emulator,
      gateway,
      naive,
      raw,
      yoga,
      flows: DASHBOARD_FLOWS,
    };
    for (const name of names) {
      log(`scenario ${name}...`);
      const t = Date.now();
      try {
        rows.push(...(await SCENARIOS[name](ctx)));
      } catch (error) {
        rows.push({
          scenario: name,
          metric: 'failed to run',
          value: '-',
          baseline: '-',
          ratio: null,
          goal: 'runs',
          holds: false,
          note: (error as Error).message.split('\n').slice(0, 3).join(' '),
        });
      }
      log(`scenario ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
  const { availableParallelism, platform } = await import('node:os');
  return {
    rows,
    table: formatTable(rows),
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    machine: { node: process.version, platform: platform(), cpus: availableParallelism() },
  };
}

function parseArgs(argv: string[]): BenchOptions & { json?: string } {
  const out: BenchOptions & { json?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') out.json = argv[++i];
    else if (a === '--quick') out.quick = true;
    else if (a === '--only') out.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else throw new Error(`unknown argument ${a} (--json FILE, --quick, --only a,b)`);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const result = await runBench(args);
  console.log(result.table);
  const failed = result.rows.filter((r) => r.holds === false).length;
  console.log(
    `\n${result.rows.length} rows, ${failed} goal(s) not met, ${(result.durationMs / 1000).toFixed(0)} s on ${result.machine.cpus} cores, node ${result.machine.node}`,
  );
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written to ${args.json}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

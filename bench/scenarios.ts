/**
 * The bench scenarios. Each returns rows comparing the gateway with a baseline measured in the
 * same run, on the same machine, against the same emulator.
 */
import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppflowClient, ListFlowsCommand } from '@aws-sdk/client-appflow';
import { createAppflowClient } from '../src/appflow/client.js';
import { loadConfig } from '../src/config.js';
import { AppflowCache, MemoryCacheStore } from '../src/services/cache.js';
import { createLoaders } from '../src/services/loaders.js';
import { AppflowReader } from '../src/services/reader/index.js';
import {
  type Child,
  emulatorRequests,
  fmt,
  load,
  median,
  ms,
  percentile,
  postJson,
  ROOT,
  type Row,
  ratioRow,
  rps,
  timeEach,
} from './lib.js';

export interface BenchContext {
  quick: boolean;
  emulator: Child;
  gateway: Child;
  naive: Child;
  raw: Child;
  yoga: Child;
  /** Flows generated in the emulator for the list and dashboard scenarios. */
  flows: number;
}

const gql = (query: string) => JSON.stringify({ query });

export const TYPENAME_QUERY = '{ __typename }';

/** Every FlowDefinition member ListFlows returns that the graph shows without a DescribeFlow. */
export const LIST_QUERY = `{ flows(first: 100) { edges { node {
  flowArn flowName description flowStatus triggerType
  sourceConnectorType sourceConnectorLabel destinationConnectorType destinationConnectorLabel
  createdAt lastUpdatedAt createdBy lastUpdatedBy
  lastRunExecutionDetails { mostRecentExecutionMessage mostRecentExecutionTime mostRecentExecutionStatus }
} } } }`;

/** A dashboard: every flow with its profiles, connectors and last 5 runs. */
export const DASHBOARD_QUERY = `query Dashboard { flows(first: 100) { edges { node {
  flowName flowStatus triggerType lastUpdatedAt
  sourceConnectorProfile { connectorProfileName connectorType connectionMode }
  destinationConnectorProfiles { connectorProfileName connectorType connectionMode }
  sourceConnector { connectorType connectorName canUseAsSource }
  destinationConnectors { connectorType connectorName canUseAsDestination }
  executions(first: 5) { edges { node { executionId executionStatus startedAt } } }
} } } }`;

function assertOk(name: string, r: { errors: number; non2xx: number; requests: number }) {
  if (r.errors || r.non2xx || !r.requests) {
    throw new Error(`${name}: ${r.errors} errors, ${r.non2xx} non-2xx of ${r.requests} requests`);
  }
}

async function expectData(url: string, query: string): Promise<Record<string, unknown>> {
  const r = (await postJson(url, { query })) as {
    data?: Record<string, unknown>;
    errors?: unknown;
  };
  if (r.errors || !r.data) throw new Error(`${url}: ${JSON.stringify(r.errors).slice(0, 500)}`);
  return r.data;
}

/** `{__typename}` throughput: gateway and plain Yoga vs a raw node:http JSON server. */
export async function typenameThroughput(ctx: BenchContext): Promise<Row[]> {
  const amount = ctx.quick ? 200 : 8000;
  const connections = 10;
  const body = gql(TYPENAME_QUERY);
  const run = async (url: string) => {
    await load({ url, body, amount: Math.ceil(amount / 4), connections }); // warm-up (JIT)
    const r = await load({ url, body, amount, connections });
    assertOk(url, r);
    return r;
  };
  await expectData(ctx.gateway.url, TYPENAME_QUERY);
  const raw = await run(ctx.raw.url);
  const gateway = await run(ctx.gateway.url);
  const yoga = await run(ctx.yoga.url);
  const scenario = '{__typename} throughput';
  return [
    ratioRow(
      {
        scenario,
        metric: `gateway vs raw node:http (${amount} req, ${connections} conn)`,
        value: rps(gateway.requestsPerSec),
        baseline: rps(raw.requestsPerSec),
      },
      gateway.requestsPerSec / raw.requestsPerSec,
      { atLeast: 0.25 },
    ),
    ratioRow(
      {
        scenario,
        metric: 'gateway (production layer) vs plain graphql-yoga',
        value: rps(gateway.requestsPerSec),
        baseline: rps(yoga.requestsPerSec),
        note: 'the production layer: auth, limits, persisted operations, metrics, logging, tracing',
      },
      gateway.requestsPerSec / yoga.requestsPerSec,
      { atLeast: 0.9 },
    ),
    {
      scenario,
      metric: 'plain graphql-yoga vs raw node:http (reference)',
      value: rps(yoga.requestsPerSec),
      baseline: rps(raw.requestsPerSec),
      ratio: yoga.requestsPerSec / raw.requestsPerSec,
      goal: '-',
    },
  ];
}

/** List 100 flows through the gateway vs the same ListFlows call made with the SDK directly. */
export async function listFlowsLatency(ctx: BenchContext): Promise<Row[]> {
  const count = ctx.quick ? 10 : 400;
  const client = new AppflowClient({
    region: 'us-east-1',
    endpoint: ctx.emulator.url,
    credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
  });
  try {
    const data = (await expectData(ctx.gateway.url, LIST_QUERY)) as {
      flows: { edges: unknown[] };
    };
    if (data.flows.edges.length !== ctx.flows) {
      throw new Error(`gateway listed ${data.flows.edges.length} flows, expected ${ctx.flows}`);
    }
    const sdk = () => client.send(new ListFlowsCommand({ maxResults: 100 }));
    const viaGateway = async () => {
      const res = await fetch(ctx.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: gql(LIST_QUERY),
      });
      await res.json();
    };
    // The floor of any server in between: one more HTTP round trip with the same client, to a
    // raw node:http server that parses the JSON body and answers JSON (and, for reference,
    // the gateway's own `{__typename}`).
    const hop = (url: string) => async () => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: gql(TYPENAME_QUERY),
      });
      await res.json();
    };
    // Interleaved rounds so drift (GC, other load) hits every side alike.
    const direct: number[] = [];
    const gateway: number[] = [];
    const rawHop: number[] = [];
    const typename: number[] = [];
    const rounds = 4;
    for (let i = 0; i < rounds; i++) {
      direct.push(...(await timeEach(sdk, count / rounds, i ? 0 : 30)));
      gateway.push(...(await timeEach(viaGateway, count / rounds, i ? 0 : 30)));
      rawHop.push(...(await timeEach(hop(ctx.raw.url), count / rounds, i ? 0 : 30)));
      typename.push(...(await timeEach(hop(ctx.gateway.url), count / rounds, i ? 0 : 30)));
    }
    const d50 = median(direct);
    const g50 = median(gateway);
    const hop50 = median(rawHop);
    return [
      ratioRow(
        {
          scenario: 'list 100 flows',
          metric: `p50 latency, gateway vs direct SDK ListFlows (${count} sequential)`,
          value: ms(g50),
          baseline: ms(d50),
        },
        g50 / d50,
        { atMost: 1.3 },
      ),
      {
        scenario: 'list 100 flows',
        metric: 'floor: direct ListFlows + one raw node:http round trip (same fetch client)',
        value: ms(d50 + hop50),
        baseline: ms(d50),
        ratio: (d50 + hop50) / d50,
        goal: '-',
        note: `raw node:http round trip p50 ${ms(hop50)}; gateway {__typename} p50 ${ms(median(typename))}; the gateway's list answer is ~69 KB of JSON, parsed by the client on top`,
      },
    ];
  } finally {
    client.destroy();
  }
}

/** Strip what legitimately differs between the gateway and the naive server (nothing, today). */
function canonical(data: unknown): string {
  return JSON.stringify(data);
}

/** The dashboard query: upstream calls (cold, warm) and throughput vs naive resolvers. */
export async function dashboard(ctx: BenchContext): Promise<Row[]> {
  const emu = ctx.emulator.url;
  const count = async (url: string) => {
    await emulatorRequests.reset(emu);
    const data = await expectData(url, DASHBOARD_QUERY);
    const { total, byOperation } = await emulatorRequests.read(emu);
    return { data, total, byOperation };
  };
  // The gateway process is fresh: its first dashboard is cold (empty cache).
  const cold = await count(ctx.gateway.url);
  const warm = await count(ctx.gateway.url);
  const naive = await count(ctx.naive.url);
  const same = canonical(cold.data) === canonical(naive.data);
  const sameWarm = canonical(warm.data) === canonical(cold.data);
  const ops = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');

  const amount = ctx.quick ? 8 : 150;
  const naiveAmount = ctx.quick ? 4 : 30;
  const body = gql(DASHBOARD_QUERY);
  await load({ url: ctx.gateway.url, body, amount: Math.ceil(amount / 5), connections: 4 });
  const g = await load({ url: ctx.gateway.url, body, amount, connections: 4 });
  assertOk('gateway dashboard', g);
  const n = await load({ url: ctx.naive.url, body, amount: naiveAmount, connections: 4 });
  assertOk('naive dashboard', n);

  const scenario = `dashboard (${ctx.flows} flows)`;
  return [
    {
      scenario,
      metric: 'same data as naive resolvers',
      value: same && sameWarm ? 'same' : 'DIFFERENT',
      baseline: 'naive',
      ratio: null,
      goal: 'same',
      holds: same && sameWarm,
    },
    ratioRow(
      {
        scenario,
        metric: 'upstream calls, cold cache vs naive',
        value: String(cold.total),
        baseline: String(naive.total),
        note: `gateway cold: ${ops(cold.byOperation)}; naive: ${ops(naive.byOperation)}`,
      },
      cold.total / naive.total,
      { atMost: 0.3 },
    ),
    ratioRow(
      {
        scenario,
        metric: 'upstream calls, warm cache vs naive',
        value: String(warm.total),
        baseline: String(naive.total),
        note: `gateway warm: ${ops(warm.byOperation)}`,
      },
      warm.total / naive.total,
      { atMost: 0.15 },
    ),
    {
      scenario,
      metric: 'throughput (warm), gateway vs naive, 4 conn',
      value: rps(g.requestsPerSec),
      baseline: rps(n.requestsPerSec),
      ratio: g.requestsPerSec / n.requestsPerSec,
      goal: '-',
      note: `p50 latency gateway ${ms(g.p50)}, naive ${ms(n.p50)}`,
    },
  ];
}

/**
 * The cross-request cache, in process (AppflowReader over the emulator): a hit vs a miss, and
 * 200 concurrent readers the moment an entry expires (single-flight: one upstream call, no
 * queue of 200 behind the concurrency cap).
 *
 * Each expiry is one event whose 200 readers share one upstream call, so the 200 latencies of
 * a round rise and fall together with that call. The goal compares the p99 of one expiry's
 * readers (the median over rounds: a typical expiry) with the same read's miss p50. Pooling
 * all rounds into one p99 would instead report the slowest round or two, i.e. the upstream
 * call's own tail: that is printed next to the miss's own p99, tail against tail.
 */
export async function cache(ctx: BenchContext): Promise<Row[]> {
  const config = loadConfig({}, { appflowEndpoint: ctx.emulator.url, embeddedEmulator: false });
  const handle = createAppflowClient(config);
  let clock = Date.now();
  const appflowCache = new AppflowCache(new MemoryCacheStore(), () => clock);
  const reader = new AppflowReader(handle.client, appflowCache, config.cache);
  let calls = 0;
  handle.onCall(() => {
    calls++;
  });
  try {
    const { items: flows } = await reader.flows.list(undefined, 1);
    const flow = flows[0]!;
    const name = flow.flowName!;
    const updated = flow.lastUpdatedAt!;
    const profileName = (await reader.flows.describe(name))!.sourceFlowConfig!
      .connectorProfileName!;
    const count = ctx.quick ? 20 : 1000;
    const readFlow = () => reader.flows.describe(name, updated);
    // A profile through a request's own DataLoader, as resolvers read it.
    const readProfile = () => createLoaders(reader).profile.load(profileName);

    /** The read alone, timed after emptying the cache (clearing the LRU is not timed). */
    const missOf = async (read: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < count + 20; i++) {
        await appflowCache.clear();
        const t = performance.now();
        await read();
        if (i >= 20) times.push(performance.now() - t);
      }
      return times.sort((x, y) => x - y);
    };
    const miss = await missOf(readFlow);
    const profileMiss = await missOf(readProfile);
    await readFlow();
    const hit = await timeEach(readFlow, count * 5);
    const miss50 = median(miss);
    const hit50 = median(hit);

    const clients = ctx.quick ? 20 : 200;
    const rounds = ctx.quick ? 2 : 20;
    /** `clients` concurrent reads right after expiry, `rounds` times. */
    const atExpiry = async (ttlSeconds: number, read: () => Promise<unknown>) => {
      const all: number[] = [];
      const perRound: number[] = [];
      let upstream = 0;
      for (let round = 0; round < rounds; round++) {
        await read(); // fill
        clock += (ttlSeconds + 1) * 1000;
        const before = calls;
        const latencies: number[] = [];
        await Promise.all(
          Array.from({ length: clients }, async () => {
            const t = performance.now();
            await read();
            latencies.push(performance.now() - t);
          }),
        );
        upstream += calls - before;
        latencies.sort((a, b) => a - b);
        perRound.push(percentile(latencies, 99));
        all.push(...latencies);
      }
      all.sort((a, b) => a - b);
      perRound.sort((a, b) => a - b);
      return {
        p99: median(perRound),
        worst: perRound[perRound.length - 1],
        pooledP99: percentile(all, 99),
        callsPerExpiry: upstream / rounds,
      };
    };
    // A flow (fresh for CACHE_FLOW_TTL, then a miss): single-flight must hold the herd.
    const flowExpiry = await atExpiry(config.cache.flowTtl, readFlow);
    // A profile through each request's own DataLoader, past its fresh + stale window.
    const profileExpiry = await atExpiry(config.cache.profilesTtl * 2, readProfile);
    const scenario = 'cache';
    const expiryRow = (
      what: string,
      e: Awaited<ReturnType<typeof atExpiry>>,
      missTimes: number[],
      call: string,
    ) =>
      ratioRow(
        {
          scenario,
          metric: `${what} at expiry: p99 of ${clients} concurrent (median of ${rounds} expiries) vs ${call} miss p50`,
          value: ms(e.p99),
          baseline: ms(median(missTimes)),
          note: `${fmt(e.callsPerExpiry)} upstream call(s) per expiry; worst expiry p99 ${ms(e.worst)}; all ${rounds * clients} readers pooled: p99 ${ms(e.pooledP99)} vs the miss's own p99 ${ms(percentile(missTimes, 99))}`,
        },
        e.p99 / median(missTimes),
        { atMost: 2 },
      );
    return [
      ratioRow(
        {
          scenario,
          metric: `DescribeFlow: miss p50 / hit p50 (${count} each)`,
          value: `${fmt(hit50 * 1000)} µs hit`,
          baseline: `${ms(miss50)} miss`,
        },
        miss50 / hit50,
        { atLeast: 100 },
      ),
      expiryRow('flow', flowExpiry, miss, 'DescribeFlow'),
      expiryRow('profile', profileExpiry, profileMiss, 'DescribeConnectorProfiles'),
    ];
  } finally {
    handle.destroy();
  }
}

/** Spawn to the first stdout line containing `needle`, in ms. */
function spawnUntil(
  args: string[],
  env: Record<string, string | undefined>,
  needle: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let ready = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d) => {
      out += d;
      if (!ready && out.includes(needle)) {
        ready = true;
        const elapsed = performance.now() - started;
        clearTimeout(timer);
        child.once('exit', () => resolve(elapsed));
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`exited with ${code} before "${needle}": ${err.slice(-800)}`));
    });
  });
}

/**
 * Spawn to ready of what `npm start` runs: the esbuild bundle (`node dist/server.mjs`, built
 * here into a folder of the bench's own, the build timed separately) with its embedded
 * emulator, vs a bare `node -e`; `npm run dev` (`node --import tsx src/server.ts`) for reference.
 */
export async function startup(ctx: BenchContext): Promise<Row[]> {
  const runs = ctx.quick ? 1 : 5;
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    METRICS_PORT: '0',
  };
  for (const k of ['APPFLOW_ENDPOINT', 'APPFLOW_USE_AWS', 'REDIS_URL', 'NODE_OPTIONS']) {
    delete env[k];
  }
  const outdir = join('dist', `.bench-${process.pid}`);
  const buildStarted = performance.now();
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--outdir', outdir], {
    cwd: ROOT,
    timeout: 120_000,
  });
  const buildMs = performance.now() - buildStarted;
  const bare: number[] = [];
  const gateway: number[] = [];
  const dev: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      bare.push(
        await spawnUntil(['-e', "console.log('http://localhost:0')"], env, 'http://localhost:'),
      );
      gateway.push(await spawnUntil([join(outdir, 'server.mjs')], env, 'http://localhost:'));
      dev.push(await spawnUntil(['--import', 'tsx', 'src/server.ts'], env, 'http://localhost:'));
    }
  } finally {
    rmSync(join(ROOT, outdir), { recursive: true, force: true });
  }
  const g = median(gateway);
  const b = median(bare);
  const d = median(dev);
  return [
    {
      scenario: 'startup',
      metric: `spawn to ready, node dist/server.mjs, embedded emulator (median of ${runs})`,
      value: ms(g),
      baseline: `${ms(b)} bare node -e`,
      ratio: g / b,
      goal: '<= 1.0 s',
      holds: g <= 1000,
      note: `ratio to a bare node start is ${fmt(g / b)}x; runs: ${gateway.map((t) => fmt(t, 0)).join(', ')} ms; npm run build took ${fmt(buildMs, 0)} ms (npm start runs it first)`,
    },
    {
      scenario: 'startup',
      metric: `spawn to ready, node --import tsx src/server.ts (npm run dev; median of ${runs})`,
      value: ms(d),
      baseline: ms(g),
      ratio: d / g,
      goal: '-',
      note: `vs the bundle; runs: ${dev.map((t) => fmt(t, 0)).join(', ')} ms`,
    },
  ];
}

/**
 * "Real round trips": the emulator answers every AppFlow call after 80 ms (its latency
 * control), as real AppFlow does in tens of milliseconds, so the gateway's critical path and
 * concurrency show; time is given in round trips (time / 80 ms). Side by side in the same run:
 * a hand-written parallel SDK client (ListFlows, then Promise.all of DescribeFlow, then
 * Promise.all of profiles, connectors and runs), the direct SDK ListFlows, and the emulator's
 * token buckets (20 calls/s, burst 40, per operation as AWS throttles) for the throttled rows.
 * Cold rows use a gateway with every cache TTL at 0 (each dashboard is a cold one; its adaptive
 * limiter still learns, as a long-running process does); the warm row a gateway as deployed.
 */
import {
  AppflowClient,
  type ConnectorType,
  DescribeConnectorProfilesCommand,
  DescribeConnectorsCommand,
  DescribeFlowCommand,
  DescribeFlowExecutionRecordsCommand,
  type FlowDefinition,
  ListFlowsCommand,
} from '@aws-sdk/client-appflow';
import {
  type Child,
  callChainDepth,
  emulatorRequests,
  fmt,
  median,
  ms,
  postJson,
  type Row,
  startChild,
  type TimedCall,
} from './lib.js';
import { type BenchContext, DASHBOARD_QUERY, LIST_QUERY } from './scenarios.js';

export const LATENCY_MS = 80;
export const RATE = { ratePerSecond: 20, burst: 40 };
export const COLD_ENV = {
  // graphql-armor's cost grows with `first`: a 1,000-flow dashboard costs ~440k (default 150k).
  MAX_COST: '2000000',
  CACHE_CONNECTORS_TTL: '0',
  CACHE_PROFILES_TTL: '0',
  CACHE_FLOW_TTL: '0',
  CACHE_EXECUTIONS_TTL: '0',
};

const trips = (msValue: number) => msValue / LATENCY_MS;
const rt = (msValue: number) => `${fmt(trips(msValue))} RT (${ms(msValue)})`;
export const dashboardOf = (flows: number) =>
  DASHBOARD_QUERY.replace('flows(first: 100)', `flows(first: ${flows})`);

/**
 * The hand-written client the gateway replaces, with the SDK's defaults: its AppFlow calls, and
 * the run ids it read per flow (newest first).
 */
export async function handWritten(
  client: AppflowClient,
): Promise<{ calls: number; runs: Map<string, string[]> }> {
  let calls = 0;
  const send = <T>(p: Promise<T>) => {
    calls++;
    return p;
  };
  const flows: FlowDefinition[] = [];
  let nextToken: string | undefined;
  do {
    const page = await send(client.send(new ListFlowsCommand({ maxResults: 100, nextToken })));
    flows.push(...(page.flows ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const details = await Promise.all(
    flows.map((f) => send(client.send(new DescribeFlowCommand({ flowName: f.flowName! })))),
  );
  const profiles = [
    ...new Set(
      details.flatMap((d) => [
        d.sourceFlowConfig?.connectorProfileName,
        ...(d.destinationFlowConfigList ?? []).map((x) => x.connectorProfileName),
      ]),
    ),
  ].filter((n): n is string => Boolean(n));
  const types = [
    ...new Set(flows.flatMap((f) => [f.sourceConnectorType, f.destinationConnectorType])),
  ].filter((t): t is ConnectorType => Boolean(t));
  const chunks = (names: string[]) =>
    Array.from({ length: Math.ceil(names.length / 100) }, (_, i) =>
      names.slice(i * 100, i * 100 + 100),
    );
  const [, , ...records] = await Promise.all([
    Promise.all(
      chunks(profiles).map((connectorProfileNames) =>
        send(client.send(new DescribeConnectorProfilesCommand({ connectorProfileNames }))),
      ),
    ),
    send(client.send(new DescribeConnectorsCommand({ connectorTypes: types }))),
    ...flows
      .filter((f) => f.lastRunExecutionDetails?.mostRecentExecutionTime)
      .map((f) =>
        send(
          client.send(
            new DescribeFlowExecutionRecordsCommand({ flowName: f.flowName!, maxResults: 5 }),
          ),
        ).then((r) => [f.flowName!, (r.flowExecutions ?? []).map((e) => e.executionId!)] as const),
      ),
  ]);
  return { calls, runs: new Map(records) };
}
interface Answer {
  ms: number;
  errors: number;
  edges: number;
  firstError?: string;
}

async function timedQuery(url: string, query: string): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as {
    data?: { flows?: { edges?: unknown[] } };
    errors?: unknown[];
  };
  return {
    ms: performance.now() - started,
    errors: body.errors?.length ?? (res.ok ? 0 : 1),
    edges: body.data?.flows?.edges?.length ?? 0,
    firstError: body.errors ? JSON.stringify(body.errors[0]).slice(0, 300) : undefined,
  };
}

/**
 * The same cold query through a gateway in this process, its calls seen by the client's call
 * listener: how many calls ran one after another (the critical path), whatever each cost. On a
 * loaded machine, CPU stretches every call past 80 ms; this count does not change.
 */
async function criticalPath(emu: string, query: string): Promise<number> {
  const [{ createGateway }, { loadConfig }] = await Promise.all([
    import('../src/yoga.js'),
    import('../src/config.js'),
  ]);
  const gateway = await createGateway(
    loadConfig(
      { ...COLD_ENV, LOG_LEVEL: 'silent', ALLOW_ANONYMOUS: 'true' },
      { appflowEndpoint: emu, embeddedEmulator: false },
    ),
  );
  const calls: TimedCall[] = [];
  const stop = gateway.appflow.onCall((operation, _outcome, durationMs) => {
    const end = performance.now();
    calls.push({ operation, start: end - durationMs, end });
  });
  try {
    const res = await gateway.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors[0]).slice(0, 300));
  } finally {
    stop();
    await gateway.close();
  }
  return callChainDepth(calls);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** Calls the emulator answered (not throttled) by operation, and the throttled ones. */
async function counts(emulatorUrl: string) {
  const r = await emulatorRequests.read(emulatorUrl);
  const answered: Record<string, number> = {};
  for (const [op, n] of Object.entries(r.byOperation)) {
    answered[op] = n - (r.throttled.byOperation[op] ?? 0);
  }
  return { total: r.total, throttled: r.throttled.total, answered };
}

/** The least time AppFlow's buckets allow: per operation, calls beyond the burst / rate. */
function rateFloorMs(answered: Record<string, number>): number {
  const beyond = Math.max(0, ...Object.values(answered).map((n) => n - RATE.burst));
  return (beyond / RATE.ratePerSecond) * 1000;
}

const sleep = (msValue: number) => new Promise((r) => setTimeout(r, msValue));

export async function realRoundTrips(ctx: BenchContext): Promise<Row[]> {
  const scenario = `real round trips (${LATENCY_MS} ms a call)`;
  const runs = ctx.quick ? 1 : 3;
  // An emulator of its own: latency on, 100 flows with 5 runs each (later 1,000 flows).
  const emulator = await startChild('emulator');
  const children: Child[] = [emulator];
  const emu = emulator.url;
  const sdk = new AppflowClient({
    region: 'us-east-1',
    endpoint: emu,
    credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
  });
  const rows: Row[] = [];
  try {
    await postJson(`${emu}/_emulator/seed`, {
      generate: { flows: 100, profiles: 10, executionsPerFlow: 5 },
    });
    await postJson(`${emu}/_emulator/latency`, { latencyMs: LATENCY_MS });
    const env = { EMULATOR_URL: emu };
    const [cold, warm, limited] = await Promise.all([
      startChild('gateway', { ...env, BENCH_GATEWAY_ENV: JSON.stringify(COLD_ENV) }),
      startChild('gateway', env),
      startChild('gateway', { ...env, BENCH_GATEWAY_ENV: JSON.stringify(COLD_ENV) }),
    ]);
    children.push(cold, warm, limited);
    const dashboard = dashboardOf(100);
    // A first query per process (module loading, graphql-jit compiling the query, sockets):
    // their caches stay cold (TTL 0), their limiters have seen no throttle.
    await Promise.all([cold, limited].map((g) => timedQuery(g.url, dashboard)));
    await handWritten(sdk);

    // Cold dashboard: gateway vs the hand-written client, interleaved.
    const gatewayMs: number[] = [];
    const directMs: number[] = [];
    let gatewayCalls = 0;
    let directCalls = 0;
    for (let i = 0; i < runs; i++) {
      await emulatorRequests.reset(emu);
      const g = await timedQuery(cold.url, dashboard);
      if (g.errors || g.edges !== 100) {
        throw new Error(`cold dashboard: ${g.errors} errors: ${g.firstError}`);
      }
      gatewayMs.push(g.ms);
      gatewayCalls = (await counts(emu)).total;
      const d = await timed(() => handWritten(sdk));
      directMs.push(d.ms);
      directCalls = d.value.calls;
    }
    const g50 = median(gatewayMs);
    const d50 = median(directMs);
    rows.push(
      {
        scenario,
        metric: `cold 100-flow dashboard, round trips (median of ${runs})`,
        value: rt(g50),
        baseline: '-',
        ratio: trips(g50),
        goal: '<= 4 RT',
        holds: trips(g50) <= 4,
        note: `${gatewayCalls} AppFlow calls; floor 3 RT (ListFlows -> DescribeFlow, runs, connectors -> profiles)`,
      },
      {
        scenario,
        metric: 'cold 100-flow dashboard, gateway vs hand-written parallel SDK client',
        value: rt(g50),
        baseline: rt(d50),
        ratio: g50 / d50,
        goal: '<= 0.55x',
        holds: g50 / d50 <= 0.55,
        note: `hand-written: ${directCalls} calls, SDK defaults (50 sockets)`,
      },
    );

    const depth = await criticalPath(emu, dashboard);
    rows.push({
      scenario,
      metric: 'cold 100-flow dashboard, AppFlow calls one after another (in process)',
      value: String(depth),
      baseline: '-',
      ratio: depth,
      goal: '<= 3 (the floor)',
      holds: depth <= 3,
      note: 'the longest chain of calls each begun after the one before it ended',
    });

    // The same against AppFlow's rate limits: a process that has not met them yet, then the
    // same process again once AppFlow's buckets are full again (its limiter has learned).
    for (const [i, label] of ['fresh process', 'limiter learned'].entries()) {
      if (i === 0) await postJson(`${emu}/_emulator/limits`, { operation: '*', ...RATE });
      else await sleep((RATE.burst / RATE.ratePerSecond) * 1000 + 500);
      await emulatorRequests.reset(emu);
      const g = await timedQuery(limited.url, dashboard);
      const c = await counts(emu);
      const floor = rateFloorMs(c.answered);
      const pct = (c.throttled / c.total) * 100;
      const what = `cold dashboard at ${RATE.ratePerSecond} calls/s burst ${RATE.burst} (${label})`;
      rows.push(
        {
          scenario,
          metric: `${what}: errors reaching the client`,
          value: String(g.errors),
          baseline: '-',
          ratio: g.errors,
          goal: '0',
          holds: g.errors === 0 && g.edges === 100,
          note: g.firstError && `first error: ${g.firstError}`,
        },
        {
          scenario,
          metric: `${what}: AppFlow calls throttled`,
          value: `${fmt(pct)} %`,
          baseline: `${c.throttled} of ${c.total}`,
          ratio: pct,
          goal: '<= 3 %',
          holds: pct <= 3,
        },
        {
          scenario,
          metric: `${what}: time vs the rate's floor`,
          value: ms(g.ms),
          baseline: ms(floor),
          ratio: g.ms / floor,
          goal: '<= 1.25x',
          holds: g.ms / floor <= 1.25,
          note: `floor: per operation, calls beyond the burst / rate (${Object.entries(c.answered)
            .map(([op, n]) => `${op} ${n}`)
            .join(', ')})`,
        },
      );
    }
    await fetch(`${emu}/_emulator/limits`, { method: 'DELETE' });

    // Warm dashboard: everything cached but ListFlows.
    await timedQuery(warm.url, dashboard);
    const warmMs: number[] = [];
    for (let i = 0; i < (ctx.quick ? 2 : 5); i++)
      warmMs.push((await timedQuery(warm.url, dashboard)).ms);
    const w50 = median(warmMs);
    rows.push({
      scenario,
      metric: `warm 100-flow dashboard, round trips (median of ${warmMs.length})`,
      value: rt(w50),
      baseline: '-',
      ratio: trips(w50),
      goal: '<= 1.2 RT',
      holds: trips(w50) <= 1.2,
      note: 'one ListFlows (never cached: it is how the gateway learns what changed)',
    });

    // List 100 flows vs the same ListFlows with the SDK, interleaved.
    const listRuns = ctx.quick ? 3 : 15;
    const viaGateway: number[] = [];
    const direct: number[] = [];
    await timedQuery(warm.url, LIST_QUERY);
    for (let i = 0; i < listRuns; i++) {
      viaGateway.push((await timedQuery(warm.url, LIST_QUERY)).ms);
      direct.push((await timed(() => sdk.send(new ListFlowsCommand({ maxResults: 100 })))).ms);
    }
    const l50 = median(viaGateway);
    const s50 = median(direct);
    rows.push({
      scenario,
      metric: `list 100 flows, gateway vs direct SDK ListFlows (median of ${listRuns})`,
      value: ms(l50),
      baseline: ms(s50),
      ratio: l50 / s50,
      goal: '<= 1.05x',
      holds: l50 / s50 <= 1.05,
    });

    rows.push(
      ...(await manyFlows(ctx, emu, sdk, cold, gatewayCalls).catch((error: Error) => [
        {
          scenario,
          metric: 'cold 1,000-flow dashboard',
          value: '-',
          baseline: '-',
          ratio: null,
          goal: 'runs',
          holds: false,
          note: error.message,
        },
      ])),
    );
  } finally {
    sdk.destroy();
    await Promise.all(children.map((c) => c.stop()));
  }
  return rows;
}

/** 1,000 flows: ListFlows pages + 3 round trips, calls linear in flows. */
async function manyFlows(
  ctx: BenchContext,
  emu: string,
  sdk: AppflowClient,
  cold: Child,
  callsFor100: number,
): Promise<Row[]> {
  const scenario = `real round trips (${LATENCY_MS} ms a call)`;
  const many = ctx.quick ? 300 : 1000;
  await postJson(`${emu}/_emulator/seed`, {
    generate: { flows: many - 100, profiles: 0, executionsPerFlow: 5 },
  });
  await emulatorRequests.reset(emu);
  const big = await timedQuery(cold.url, dashboardOf(many));
  const bigCalls = (await counts(emu)).total;
  if (big.errors || big.edges !== many) {
    throw new Error(
      `${many}-flow dashboard: ${big.errors} errors, ${big.edges} flows: ${big.firstError}`,
    );
  }
  const pages = Math.ceil(many / 100);
  const depth = await criticalPath(emu, dashboardOf(many));
  const bigDirect = await timed(() => handWritten(sdk));
  return [
    {
      scenario,
      metric: `cold ${many}-flow dashboard, round trips`,
      value: rt(big.ms),
      baseline: `${pages} ListFlows pages`,
      ratio: trips(big.ms),
      goal: `<= ${pages + 3} RT (pages + 3)`,
      holds: trips(big.ms) <= pages + 3,
      note: `hand-written client: ${rt(bigDirect.ms)}`,
    },
    {
      scenario,
      metric: `cold ${many}-flow dashboard, AppFlow calls one after another (in process)`,
      value: String(depth),
      baseline: `${pages} ListFlows pages`,
      ratio: depth,
      goal: `<= ${pages + 3}`,
      holds: depth <= pages + 3,
    },
    {
      scenario,
      metric: `cold ${many}-flow dashboard, AppFlow calls per flow vs 100 flows`,
      value: `${bigCalls} calls`,
      baseline: `${callsFor100} calls`,
      ratio: bigCalls / many / (callsFor100 / 100),
      goal: '<= 1.1x (linear)',
      holds: bigCalls / many / (callsFor100 / 100) <= 1.1,
    },
  ];
}

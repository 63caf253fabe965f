/**
 * Ours vs the off-the-shelf alternative (issue 25): the gateway, a GraphQL Mesh peer served by
 * Hive Gateway (bench/peer/: the OpenAPI made from the AppFlow model, Mesh's `@resolveTo` links,
 * profiles and connectors batched with `keysArg`; a second one with Hive Gateway's response
 * cache), and the hand-written parallel SDK client (bench/round-trips.ts), against ONE emulator
 * answering every AppFlow call after 80 ms, 100 flows with 5 runs each. Each round runs the
 * clients one after another (the order rotates per round); ratios are taken per round and given
 * as min · median · max. AppFlow calls are counted at the emulator (GET /_emulator/requests).
 *
 * `npm run bench:peer [-- --quick] [--json FILE]`, or the `peer` scenario of `npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { pathToFileURL } from 'node:url';
import { AppflowClient, ListFlowsCommand } from '@aws-sdk/client-appflow';
import {
  type Child,
  emulatorRequests,
  fmt,
  formatTable,
  load,
  median,
  ms,
  postJson,
  type Row,
  startChild,
  type TimedCall,
} from './lib.js';
import {
  dependentSteps,
  type Outcome,
  oursDashboard,
  oursList,
  oursStart,
  peerDashboard,
  peerList,
  peerStart,
  sdkDashboard,
  sdkList,
  sdkStart,
  startRecordingProxy,
} from './peer-clients.js';
import { preparePeer, startPeer } from './peer-setup.js';
import { COLD_ENV, LATENCY_MS, RATE } from './round-trips.js';

/** One line of the Performance table: the same work done three ways. */
export interface Compared {
  work: string;
  ours: string;
  peer: string;
  /** The peer with Hive Gateway's response cache, where it matters. */
  peerCached?: string;
  sdk: string;
  /** ours / peer per round (time; req/s for throughput). */
  vsPeer?: Spread;
  vsSdk?: Spread;
  /** AppFlow calls: ours · peer · SDK. */
  calls?: string;
  goal: string;
  holds?: boolean;
  note?: string;
}

interface Spread {
  min: number;
  median: number;
  max: number;
}

const spread = (values: number[]): Spread => ({
  min: Math.min(...values),
  median: median(values),
  max: Math.max(...values),
});
const x = (n: number) => `${fmt(n, n < 0.1 ? 3 : 2)}x`;
const showSpread = (s?: Spread) =>
  s ? (s.min === s.max ? x(s.median) : `${x(s.min)} · ${x(s.median)} · ${x(s.max)}`) : '-';
const rt = (msValue: number) => `${ms(msValue)} (${fmt(msValue / LATENCY_MS)} RT)`;
const sleep = (msValue: number) => new Promise((r) => setTimeout(r, msValue));
const rotate = <T>(items: T[], by: number) => items.map((_, i) => items[(i + by) % items.length]);
const pct = (n: number, of: number) => (of ? (n / of) * 100 : 0);

type Who = 'ours' | 'peer' | 'peerCached' | 'sdk';

async function calls(emu: string) {
  const r = await emulatorRequests.read(emu);
  return { total: r.total, throttled: r.throttled.total };
}

/** Runs `work` for each client in rotating order per round, counting its AppFlow calls. */
async function rounds<W extends string>(
  emu: string,
  count: number,
  work: Record<W, () => Promise<Outcome>>,
) {
  const names = Object.keys(work) as W[];
  const out = Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<
    W,
    (Outcome & { calls: number })[]
  >;
  for (let r = 0; r < count; r++) {
    for (const n of rotate(names, r)) {
      await emulatorRequests.reset(emu);
      const o = await work[n]();
      out[n].push({ ...o, calls: (await calls(emu)).total });
    }
  }
  return out;
}

const perRound = (a: Outcome[], b: Outcome[]) => spread(a.map((o, i) => o.ms / b[i]!.ms));
const medianMs = (o: Outcome[]) => median(o.map((v) => v.ms));
const wholeOf = (o: Outcome[]) => `${o.filter((v) => v.whole).length}/${o.length} whole`;
/** The first error of each client's incomplete answers, for the note. */
const errorsOf = (byClient: Record<string, Outcome[]>) =>
  Object.entries(byClient)
    .map(([who, o]) => {
      const bad = o.filter((v) => !v.whole);
      return bad.length ? `${who}: ${bad.length} incomplete, first: ${bad[0]!.firstError}` : '';
    })
    .filter(Boolean)
    .join('; ');
const callsOf = (o: { calls: number }[]) => {
  const c = [...new Set(o.map((v) => v.calls))];
  return c.length === 1 ? String(c[0]) : `${Math.min(...c)}-${Math.max(...c)}`;
};

async function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port || 6379), hostname);
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** An in-process gateway (cache TTLs 0) whose AppFlow calls go through the recording proxy. */
async function inProcessGateway(endpoint: string) {
  const [{ createGateway }, { loadConfig }] = await Promise.all([
    import('../src/yoga.js'),
    import('../src/config.js'),
  ]);
  const gateway = await createGateway(
    loadConfig(
      { ...COLD_ENV, LOG_LEVEL: 'silent', ALLOW_ANONYMOUS: 'true' },
      { appflowEndpoint: endpoint, embeddedEmulator: false },
    ),
  );
  const server = (await import('node:http')).createServer(gateway.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      server.close();
      await gateway.close();
    },
  };
}

/**
 * Dependent steps are structure, not speed: they are taken with the emulator answering after
 * 1 s, so that no CPU delay in sending a batch (100 calls through a busy process) can make a
 * call of the batch start after another one of it ended.
 */
const STEPS_LATENCY_MS = 1000;

async function slowCalls<T>(emu: string, fn: () => Promise<T>): Promise<T> {
  await postJson(`${emu}/_emulator/latency`, { latencyMs: STEPS_LATENCY_MS });
  try {
    return await fn();
  } finally {
    await postJson(`${emu}/_emulator/latency`, { latencyMs: LATENCY_MS });
  }
}

async function stepsOf(
  proxy: { take(): TimedCall[]; failures(): string[] },
  work: () => Promise<Outcome>,
): Promise<ReturnType<typeof dependentSteps>> {
  const outcome = await work();
  const steps = dependentSteps(proxy.take());
  const failures = proxy.failures();
  if (outcome.whole) return steps;
  // Shown, not thrown: the steps of an incomplete answer are still its steps.
  const why = [outcome.firstError, failures[0] && `proxy: ${failures[0]}`].filter(Boolean);
  return { ...steps, chain: `${steps.chain} (INCOMPLETE answer: ${why.join('; ')})` };
}

export interface SideBySideResult {
  compared: Compared[];
  rows: Row[];
  table: string;
}

export async function sideBySide(
  opts: { quick?: boolean; log?: (line: string) => void } = {},
): Promise<SideBySideResult> {
  const quick = Boolean(opts.quick);
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const n = quick ? 1 : 5;
  await preparePeer(log);
  log('peer: starting the emulator, our gateways and the Mesh peers...');
  // Idle sockets kept 65 s (as load balancers in front of AWS APIs keep them 60 s): with Node's
  // 5 s, ours and the peer each lost about one cold dashboard in five to ECONNRESET on a reused
  // socket, between rounds (the SDK client retried them).
  const emulator = await startChild('emulator', { BENCH_EMULATOR_KEEP_ALIVE_MS: '65000' });
  const children: Child[] = [emulator];
  const cleanups: (() => Promise<void>)[] = [];
  const emu = emulator.url;
  const compared: Compared[] = [];
  const sdk = new AppflowClient({
    region: 'us-east-1',
    endpoint: emu,
    credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
  });
  try {
    await postJson(`${emu}/_emulator/seed`, {
      generate: { flows: 100, profiles: 10, executionsPerFlow: 5 },
    });
    await postJson(`${emu}/_emulator/latency`, { latencyMs: LATENCY_MS });
    const proxy = await startRecordingProxy(emu);
    cleanups.push(proxy.close);
    const coldEnv = { EMULATOR_URL: emu, BENCH_GATEWAY_ENV: JSON.stringify(COLD_ENV) };
    const started = await Promise.all([
      startChild('gateway', coldEnv),
      startChild('gateway', { EMULATOR_URL: emu }),
      startChild('gateway', coldEnv),
      startChild('gateway', coldEnv),
      startPeer(emu),
      startPeer(proxy.url, { responseCache: true }),
    ]);
    children.push(...started);
    const [cold, warm, limited, faulty, peer, peerCached] = started;
    const flows = (await sdk.send(new ListFlowsCommand({ maxResults: 100 }))).flows ?? [];
    const onDemand = flows.filter((f) => f.triggerType === 'OnDemand').map((f) => f.flowName!);
    const nextFlow = () => {
      const f = onDemand.shift();
      if (!f) throw new Error('no on-demand flow left to start');
      return f;
    };
    // A first dashboard per process (modules, sockets, compiled queries); caches of the cold
    // gateways stay cold (TTL 0), the limited and faulty ones have met no throttle yet.
    log('peer: first dashboards (warm-up)...');
    for (const g of [cold, warm, limited, faulty]) await oursDashboard(g.url);
    await peerDashboard(peer.url);
    await sdkDashboard(sdk);

    // 1. Cold dashboard.
    log('peer: cold dashboard...');
    const cd = await rounds(emu, n, {
      ours: () => oursDashboard(cold.url),
      peer: () => peerDashboard(peer.url),
      sdk: () => sdkDashboard(sdk),
    });
    const coldMedian = { ours: medianMs(cd.ours), peer: medianMs(cd.peer), sdk: medianMs(cd.sdk) };
    const coldVsPeer = perRound(cd.ours, cd.peer);
    const coldVsSdk = perRound(cd.ours, cd.sdk);
    compared.push({
      work: `cold 100-flow dashboard (${LATENCY_MS} ms a call, median of ${n})`,
      ours: rt(coldMedian.ours),
      peer: rt(coldMedian.peer),
      sdk: rt(coldMedian.sdk),
      vsPeer: coldVsPeer,
      vsSdk: coldVsSdk,
      calls: `${callsOf(cd.ours)} · ${callsOf(cd.peer)} · ${callsOf(cd.sdk)}`,
      goal: '<= 0.7x peer and SDK',
      holds: coldVsPeer.median <= 0.7 && coldVsSdk.median <= 0.7,
      note: [
        `answers: ours ${wholeOf(cd.ours)}, peer ${wholeOf(cd.peer)}, SDK ${wholeOf(cd.sdk)}`,
        errorsOf(cd),
      ]
        .filter(Boolean)
        .join('; '),
    });

    // 2. Its dependent AppFlow steps, all three through the recording proxy.
    log('peer: dependent steps...');
    const inProcess = await inProcessGateway(proxy.url);
    cleanups.push(inProcess.close);
    const proxied = new AppflowClient({
      region: 'us-east-1',
      endpoint: proxy.url,
      credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
    });
    cleanups.push(async () => proxied.destroy());
    await oursDashboard(inProcess.url);
    proxy.take();
    const [oursSteps, peerSteps, sdkSteps] = await slowCalls(emu, async () => [
      await stepsOf(proxy, () => oursDashboard(inProcess.url)),
      // Its response cache is empty: the first dashboard it answers.
      await stepsOf(proxy, () => peerDashboard(peerCached.url)),
      await stepsOf(proxy, () => sdkDashboard(proxied)),
    ]);
    compared.push({
      work: 'cold dashboard: dependent AppFlow steps',
      ours: String(oursSteps.steps),
      peer: String(peerSteps.steps),
      sdk: String(sdkSteps.steps),
      goal: '<= 2 (ours)',
      holds: oursSteps.steps <= 2,
      note: `ours: ${oursSteps.chain}; peer: ${peerSteps.chain}; SDK: ${sdkSteps.chain}`,
    });

    // 3. Warm dashboard, and whether each is stale after a start.
    log('peer: warm dashboard...');
    await oursDashboard(warm.url);
    await peerDashboard(peerCached.url);
    const wd = await rounds(emu, n, {
      ours: () => oursDashboard(warm.url),
      peer: () => peerDashboard(peer.url),
      peerCached: () => peerDashboard(peerCached.url),
      sdk: () => sdkDashboard(sdk),
    });
    const warmVsPeer = perRound(wd.ours, wd.peer);
    const freshness = async (who: Who, by: 'itself' | 'someone else') => {
      const flowName = nextFlow();
      const url = { ours: warm.url, peer: peer.url, peerCached: peerCached.url, sdk: '' }[who];
      const start =
        by === 'someone else' || who === 'sdk'
          ? await sdkStart(sdk, flowName, false)
          : who === 'ours'
            ? await oursStart(url, flowName, false)
            : await peerStart(url, flowName);
      const after =
        who === 'ours'
          ? await oursDashboard(url)
          : who === 'sdk'
            ? await sdkDashboard(sdk)
            : await peerDashboard(url);
      if (!after.whole) return `incomplete answer (${after.firstError?.slice(0, 80)})`;
      return after.runs?.get(flowName)?.includes(start.executionId!) ? 'fresh' : 'STALE';
    };
    const stale: Record<Who, string> = { ours: '', peer: '', peerCached: '', sdk: '' };
    for (const who of ['ours', 'peer', 'peerCached', 'sdk'] as Who[]) {
      stale[who] =
        who === 'sdk'
          ? await freshness(who, 'itself')
          : `${await freshness(who, 'itself')} / ${await freshness(who, 'someone else')}`;
    }
    const warmCalls = Math.max(...wd.ours.map((o) => o.calls));
    compared.push({
      work: `warm 100-flow dashboard (median of ${n})`,
      ours: rt(medianMs(wd.ours)),
      peer: rt(medianMs(wd.peer)),
      peerCached: rt(medianMs(wd.peerCached)),
      sdk: rt(medianMs(wd.sdk)),
      vsPeer: warmVsPeer,
      vsSdk: perRound(wd.ours, wd.sdk),
      calls: `${callsOf(wd.ours)} · ${callsOf(wd.peer)} (cached: ${callsOf(wd.peerCached)}) · ${callsOf(wd.sdk)}`,
      goal: '0 calls, <= 0.1x peer',
      holds: warmCalls === 0 && warmVsPeer.median <= 0.1,
      note: [
        `ours / peer with response cache ${showSpread(perRound(wd.ours, wd.peerCached))}`,
        errorsOf(wd),
      ]
        .filter(Boolean)
        .join('; '),
    });
    compared.push({
      work: 'next dashboard after a start (through itself / by someone else)',
      ours: stale.ours,
      peer: stale.peer,
      peerCached: stale.peerCached,
      sdk: stale.sdk,
      goal: 'fresh (ours)',
      holds: stale.ours === 'fresh / fresh',
    });

    // 4. List 100 flows.
    log('peer: list 100 flows...');
    const listN = quick ? 3 : 15;
    await oursList(warm.url);
    await peerList(peer.url);
    const ld = await rounds(emu, listN, {
      ours: () => oursList(warm.url),
      peer: () => peerList(peer.url),
      sdk: () => sdkList(sdk),
    });
    const listVsPeer = perRound(ld.ours, ld.peer);
    const listVsSdk = perRound(ld.ours, ld.sdk);
    compared.push({
      work: `flows(first: 100) { flowName flowStatus } (median of ${listN})`,
      ours: ms(medianMs(ld.ours)),
      peer: ms(medianMs(ld.peer)),
      sdk: ms(medianMs(ld.sdk)),
      vsPeer: listVsPeer,
      vsSdk: listVsSdk,
      calls: `${callsOf(ld.ours)} · ${callsOf(ld.peer)} · ${callsOf(ld.sdk)}`,
      goal: '<= 1.05x peer and SDK',
      holds: listVsPeer.median <= 1.05 && listVsSdk.median <= 1.05,
      note: errorsOf(ld) || undefined,
    });

    // 5. startFlow, selecting the execution id, then its status too.
    log('peer: startFlow...');
    const sd = await rounds(emu, n, {
      ours: () => oursStart(warm.url, nextFlow(), false),
      peer: () => peerStart(peer.url, nextFlow()),
      sdk: () => sdkStart(sdk, nextFlow(), false),
    });
    const startVsPeer = perRound(sd.ours, sd.peer);
    compared.push({
      work: `startFlow selecting the execution id (median of ${n})`,
      ours: rt(medianMs(sd.ours)),
      peer: rt(medianMs(sd.peer)),
      sdk: rt(medianMs(sd.sdk)),
      vsPeer: startVsPeer,
      vsSdk: perRound(sd.ours, sd.sdk),
      calls: `${callsOf(sd.ours)} · ${callsOf(sd.peer)} · ${callsOf(sd.sdk)}`,
      goal: '<= 1.1x peer',
      holds: startVsPeer.median <= 1.1,
      note: [`answers: ours ${wholeOf(sd.ours)}, peer ${wholeOf(sd.peer)}`, errorsOf(sd)]
        .filter(Boolean)
        .join('; '),
    });
    const ss = await rounds(emu, n, {
      ours: () => oursStart(warm.url, nextFlow(), true),
      sdk: () => sdkStart(sdk, nextFlow(), true),
    });
    proxy.take();
    const [oursStartSteps, sdkStartSteps] = await slowCalls(emu, async () => [
      await stepsOf(proxy, () => oursStart(inProcess.url, nextFlow(), true)),
      await stepsOf(proxy, () => sdkStart(proxied, nextFlow(), true)),
    ]);
    compared.push({
      work: `startFlow selecting the execution's status (median of ${n})`,
      ours: `${rt(medianMs(ss.ours))}, ${oursStartSteps.steps} steps`,
      peer: 'no link (StartFlow answers no flowName to follow)',
      sdk: `${rt(medianMs(ss.sdk))}, ${sdkStartSteps.steps} steps`,
      vsSdk: perRound(ss.ours, ss.sdk),
      calls: `${callsOf(ss.ours)} · - · ${callsOf(ss.sdk)}`,
      goal: '<= 2 round trips',
      holds: oursStartSteps.steps <= 2,
      note: `ours: ${oursStartSteps.chain}; SDK: ${sdkStartSteps.chain}`,
    });

    // 6. { __typename } throughput.
    log('peer: { __typename } throughput...');
    const amount = quick ? 200 : 2000;
    const body = JSON.stringify({ query: '{ __typename }' });
    const rps: Record<'ours' | 'peer', number[]> = { ours: [], peer: [] };
    for (const g of [warm, peer])
      await load({ url: g.url, body, amount: amount / 4, connections: 10 });
    for (let r = 0; r < (quick ? 1 : 3); r++) {
      for (const who of rotate(['ours', 'peer'] as const, r)) {
        const res = await load({
          url: (who === 'ours' ? warm : peer).url,
          body,
          amount,
          connections: 10,
        });
        if (res.errors || res.non2xx)
          throw new Error(`{ __typename } on ${who}: ${res.errors} errors`);
        rps[who].push(res.requestsPerSec);
      }
    }
    const tnVsPeer = spread(rps.ours.map((v, i) => v / rps.peer[i]!));
    compared.push({
      work: `{ __typename } throughput (${amount} requests, 10 connections)`,
      ours: `${fmt(median(rps.ours))} req/s`,
      peer: `${fmt(median(rps.peer))} req/s`,
      sdk: '-',
      vsPeer: tnVsPeer,
      goal: '>= 1.5x peer',
      holds: tnVsPeer.median >= 1.5,
      note: 'ours with every production plugin on, request logs at info as deployed',
    });

    // 7. A fresh process under AppFlow's rate limits.
    log('peer: 20 calls/s burst 40...');
    await postJson(`${emu}/_emulator/limits`, { operation: '*', ...RATE });
    const limitedOut: Partial<Record<Who, Outcome & { throttled: number; total: number }>> = {};
    const freshSdk = new AppflowClient({
      region: 'us-east-1',
      endpoint: emu,
      credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
    });
    cleanups.push(async () => freshSdk.destroy());
    for (const [who, run] of [
      ['ours', () => oursDashboard(limited.url)],
      ['peer', () => peerDashboard(peer.url)],
      ['sdk', () => sdkDashboard(freshSdk)],
    ] as const) {
      await sleep((RATE.burst / RATE.ratePerSecond) * 1000 + 500);
      await emulatorRequests.reset(emu);
      const o = await run();
      limitedOut[who] = { ...o, ...(await calls(emu)) };
    }
    await fetch(`${emu}/_emulator/limits`, { method: 'DELETE' });
    const throttled = (who: Who) => {
      const o = limitedOut[who]!;
      return `${fmt(pct(o.throttled, o.total))} % of ${o.total}, ${o.whole ? 'whole' : 'NOT whole'}, ${ms(o.ms)}`;
    };
    compared.push({
      work: `fresh process, cold dashboard at ${RATE.ratePerSecond} calls/s burst ${RATE.burst}: throttled`,
      ours: throttled('ours'),
      peer: throttled('peer'),
      sdk: throttled('sdk'),
      goal: '<= 3 %, whole',
      holds: pct(limitedOut.ours!.throttled, limitedOut.ours!.total) <= 3 && limitedOut.ours!.whole,
      note: [
        limitedOut.ours!.firstError && `ours: ${limitedOut.ours!.firstError}`,
        limitedOut.peer!.firstError && `peer: ${limitedOut.peer!.firstError}`,
      ]
        .filter(Boolean)
        .join('; '),
    });

    // 8. 30 % random throttling, then recovery.
    log('peer: 30 % random throttling...');
    await postJson(`${emu}/_emulator/faults`, { operation: '*', type: 'throttle', rate: 0.3 });
    const phase = await rounds(emu, quick ? 1 : 4, {
      ours: () => oursDashboard(faulty.url),
      peer: () => peerDashboard(peer.url),
      sdk: () => sdkDashboard(sdk),
    });
    await fetch(`${emu}/_emulator/faults`, { method: 'DELETE' });
    const after = {
      ours: await oursDashboard(faulty.url),
      peer: await peerDashboard(peer.url),
      sdk: await sdkDashboard(sdk),
    };
    const phaseWhole = (o: Outcome[]) => pct(o.filter((v) => v.whole).length, o.length);
    const phaseCell = (who: 'ours' | 'peer' | 'sdk') =>
      `${fmt(phaseWhole(phase[who]))} % whole (${wholeOf(phase[who])}), median ${ms(medianMs(phase[who]))}`;
    compared.push({
      work: '30 % random throttling: dashboards whole during the phase',
      ours: phaseCell('ours'),
      peer: phaseCell('peer'),
      sdk: phaseCell('sdk'),
      goal: '>= 95 % whole',
      holds: phaseWhole(phase.ours) >= 95,
      note: [
        phase.ours.find((o) => o.firstError)?.firstError &&
          `ours: ${phase.ours.find((o) => o.firstError)?.firstError}`,
        phase.peer.find((o) => o.firstError)?.firstError &&
          `peer: ${phase.peer.find((o) => o.firstError)?.firstError}`,
      ]
        .filter(Boolean)
        .join('; '),
    });
    const afterCell = (who: 'ours' | 'peer' | 'sdk') =>
      `${ms(after[who].ms)}, ${x(after[who].ms / coldMedian[who])} its cold, ${after[who].whole ? 'whole' : 'NOT whole'}`;
    compared.push({
      work: '30 % random throttling: first dashboard after it ends vs a normal cold one',
      ours: afterCell('ours'),
      peer: afterCell('peer'),
      sdk: afterCell('sdk'),
      goal: '<= 1.5x, whole',
      holds: after.ours.ms / coldMedian.ours <= 1.5 && after.ours.whole,
    });

    // 9. A new replica with a warm Redis.
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    if (await redisReachable(redisUrl)) {
      log('peer: a new replica with a warm Redis...');
      const env = { EMULATOR_URL: emu, BENCH_GATEWAY_ENV: JSON.stringify({ REDIS_URL: redisUrl }) };
      const first = await startChild('gateway', env);
      children.push(first);
      await emulatorRequests.reset(emu);
      await oursDashboard(first.url);
      const warmRuns: Outcome[] = [];
      for (let i = 0; i < (quick ? 2 : 5); i++) warmRuns.push(await oursDashboard(first.url));
      const replica = await startChild('gateway', env);
      children.push(replica);
      // A replica in service has answered other queries before (its modules loaded, the
      // executor warm); what its first dashboard finds in Redis is the question here.
      await oursList(replica.url);
      await emulatorRequests.reset(emu);
      const replicaFirst = await oursDashboard(replica.url);
      const replicaCalls = (await calls(emu)).total;
      const replicaSecond = await oursDashboard(replica.url);
      const ratio = replicaFirst.ms / medianMs(warmRuns);
      compared.push({
        work: "a new replica's first dashboard, warm Redis, vs a warm dashboard",
        ours: `${rt(replicaFirst.ms)}, ${replicaCalls} calls, ${x(ratio)} warm`,
        peer: `no shared cache: a new replica is cold (${rt(coldMedian.peer)})`,
        sdk: '-',
        goal: '<= 1.2x warm',
        holds: ratio <= 1.2 && replicaFirst.whole,
        note: `warm dashboard on the first replica ${rt(medianMs(warmRuns))}; the new replica's second dashboard ${rt(replicaSecond.ms)} (its first compiles the document)`,
      });
    } else {
      compared.push({
        work: "a new replica's first dashboard, warm Redis",
        ours: 'not measured',
        peer: '-',
        sdk: '-',
        goal: '<= 1.2x warm',
        note: `no Redis at ${redisUrl}`,
      });
    }
  } finally {
    sdk.destroy();
    for (const c of cleanups.reverse()) await c().catch(() => {});
    await Promise.all(children.map((c) => c.stop()));
  }
  const rows = compared.map(toRow);
  return { compared, rows, table: performanceTable(compared) };
}

const SCENARIO = 'vs Mesh peer';

function toRow(c: Compared): Row {
  return {
    scenario: SCENARIO,
    metric: c.work,
    value: c.ours,
    baseline: `peer ${c.peer}`,
    ratio: c.vsPeer?.median ?? null,
    goal: c.goal,
    holds: c.holds,
    note: [
      c.vsPeer && `ours/peer per round ${showSpread(c.vsPeer)}`,
      c.peerCached && `peer + response cache ${c.peerCached}`,
      c.sdk !== '-' && `SDK ${c.sdk}`,
      c.vsSdk && `ours/SDK ${showSpread(c.vsSdk)}`,
      c.calls && `AppFlow calls ours · peer · SDK ${c.calls}`,
      c.note,
    ]
      .filter(Boolean)
      .join('; '),
  };
}

/** The Performance table of docs/performance.md: ours, the Mesh peer, the SDK client. */
export function performanceTable(compared: Compared[]): string {
  const header = [
    'work',
    'ours',
    'Mesh peer',
    'peer + response cache',
    'hand-written SDK client',
    'ours / peer (min · median · max)',
    'ours / SDK',
    'AppFlow calls (ours · peer · SDK)',
    'goal',
    'holds',
  ];
  const lines = compared.map((c) => [
    c.work,
    c.ours,
    c.peer,
    c.peerCached ?? '-',
    c.sdk,
    showSpread(c.vsPeer),
    showSpread(c.vsSdk),
    c.calls ?? '-',
    c.goal,
    c.holds === undefined ? 'info' : c.holds ? 'yes' : 'NO',
  ]);
  const row = (cells: string[]) => `| ${cells.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`;
  const notes = compared.filter((c) => c.note).map((c) => `- ${c.work}: ${c.note}`);
  return [
    row(header),
    `|${header.map(() => '---').join('|')}|`,
    ...lines.map(row),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

/** The `peer` scenario of `npm run bench` (its own emulator and processes). */
export async function peerScenario(ctx: { quick: boolean }): Promise<Row[]> {
  return (await sideBySide({ quick: ctx.quick })).rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
  const startedAt = Date.now();
  sideBySide({ quick }).then(
    (result) => {
      console.log(result.table);
      console.log(`\n${formatTable(result.rows)}`);
      const failed = result.rows.filter((r) => r.holds === false).length;
      console.log(
        `\n${result.rows.length} rows, ${failed} goal(s) not met, ${((Date.now() - startedAt) / 1000).toFixed(0)} s, node ${process.version}`,
      );
      if (jsonAt >= 0) {
        writeFileSync(args[jsonAt + 1]!, `${JSON.stringify(result, null, 2)}\n`);
      }
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

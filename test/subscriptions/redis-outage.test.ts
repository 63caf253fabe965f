/**
 * Redis is an accelerator, not a dependency. Two gateway replicas share a redis-server this
 * test starts on its own free port; the test kills it: queries keep answering from memory
 * (no AppFlow calls; their latency is the bench's to measure), /ready says degraded, and
 * subscribers on each replica keep getting events (each polls for itself). Restarted on the same port, Redis is rejoined: the
 * replicas share one poller and one cache entry again, and events cross replicas again.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { RedisConnections } from '../../src/redis.js';
import { type RunningGateway, startServer } from '../../src/server.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { FLOW_RUNS, ON_DEMAND, sleep, startRun, waitFor, wsClient } from './helpers.js';

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedisServer)
  console.warn('\n!!! redis-server is not installed: the Redis outage test is SKIPPED !!!\n');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  // Ready when it accepts a connection.
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      }),
    5_000,
  );
  return child;
}

async function stopRedis(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

type RunEvent = { flowRuns: { executionId: string; executionStatus: string } };

/** A flowRuns subscriber recording every (run, status) it receives. */
function watchRuns(client: Client) {
  const seen: string[] = [];
  client.subscribe<RunEvent>(
    { query: FLOW_RUNS, variables: { flowName: ON_DEMAND } },
    {
      next: (r) => {
        if (r.data) seen.push(`${r.data.flowRuns.executionId}:${r.data.flowRuns.executionStatus}`);
      },
      error: () => {},
      complete: () => {},
    },
  );
  return seen;
}

const DASHBOARD = `{ flows(first: 5) { edges { node {
  flowName sourceConnectorProfile { connectorProfileName }
  executions(first: 5) { edges { node { executionId } } }
} } } }`;

/** Cached reads the live poller never makes (it polls runs), so their upstream calls count. */
const PROFILES = `{ flows(first: 20) { edges { node {
  flowName sourceConnectorProfile { connectorProfileName connectionMode }
} } } }`;

async function query(replica: RunningGateway, source: string) {
  const res = await replica.gateway.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: source }),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown };
}

const leaders = (replicas: RunningGateway[]) =>
  replicas.filter((r) =>
    r.gateway.services.live.poller
      .stats()
      .watches.some((w) => w.kind === 'runs' && w.flowName === ON_DEMAND && w.leading),
  ).length;

describe.skipIf(!hasRedisServer)('a Redis outage', () => {
  let port: number;
  let redis: ChildProcess;
  let emulator: TestEmulator;
  let a: RunningGateway;
  let b: RunningGateway;
  const clients: Client[] = [];

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    // 3 s runs: even on a loaded machine a poll sees each run in progress.
    emulator = await startTestEmulator({ runSeconds: 3 });
    await emulator.control.seed();
    const config = loadConfig(
      { ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'silent' },
      {
        appflowEndpoint: emulator.url,
        embeddedEmulator: false,
        port: 0,
        host: '127.0.0.1',
        metricsPort: 0,
        redisUrl: `redis://127.0.0.1:${port}`,
      },
    );
    config.subscriptions = { ...config.subscriptions, activePollMs: 100, idlePollMs: 300 };
    const deps = { live: { lockTtlMs: 1500, interestTtlMs: 1500 } };
    [a, b] = await Promise.all([startServer(config, deps), startServer(config, deps)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all([a?.close(), b?.close()]);
    await emulator?.close();
    if (redis && redis.exitCode === null) await stopRedis(redis);
  });

  it('serves from memory, keeps events flowing, and rejoins Redis when it returns', async () => {
    clients.push(wsClient(a.url.replace(/^http/, 'ws')), wsClient(b.url.replace(/^http/, 'ws')));
    const [onA, onB] = clients.map(watchRuns) as [string[], string[]];
    await waitFor(() => leaders([a, b]) === 1);
    expect((await query(a, DASHBOARD)).errors).toBeUndefined();

    await stopRedis(redis);
    await sleep(200);
    // Warm each replica's memory cache (its first read after the outage goes to AppFlow).
    for (const replica of [a, b]) expect((await query(replica, DASHBOARD)).errors).toBeUndefined();

    // Queries: answered from each replica's memory cache, without waiting on Redis or going
    // to AppFlow (the poller never reads profiles, so their calls count the cache misses).
    // How fast they are (p99 during an outage) is the bench's to measure, not a test's.
    const profileCalls = async () =>
      (await emulator.control.requests()).byOperation.DescribeConnectorProfiles ?? 0;
    const callsBefore = await profileCalls();
    for (let i = 0; i < 100; i++) {
      const result = await query(i % 2 ? a : b, DASHBOARD);
      expect(result.errors).toBeUndefined();
    }
    expect(await profileCalls()).toBe(callsBefore);

    const ready = await a.gateway.yoga.fetch('http://test/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'degraded',
      ready: true,
      degraded: true,
      checks: { appflow: 'ok', redis: expect.stringMatching(/^failed/) },
    });

    // Each replica polls for itself: subscribers on both keep getting events.
    await waitFor(() => leaders([a, b]) === 2, 5_000);
    const duringOutage = await startRun(emulator);
    const outageEvents = [`${duringOutage}:InProgress`, `${duringOutage}:Successful`];
    await waitFor(() => outageEvents.every((e) => onA.includes(e) && onB.includes(e)), 15_000);

    // Redis returns, on the same port, empty.
    redis = await startRedis(port);
    await waitFor(
      () => a.gateway.services.live.bus.shared && b.gateway.services.live.bus.shared,
      10_000,
    );
    // One poller again, and it stays one.
    await waitFor(() => leaders([a, b]) === 1, 10_000);
    await sleep(1_000);
    expect(leaders([a, b])).toBe(1);

    // One cache entry again: what A stores, B reads (only ListFlows goes upstream).
    await emulator.control.clearRequests();
    expect((await query(a, PROFILES)).errors).toBeUndefined();
    expect((await emulator.control.requests()).byOperation.DescribeConnectorProfiles).toBe(1);
    await emulator.control.clearRequests();
    expect((await query(b, PROFILES)).errors).toBeUndefined();
    const fromB = (await emulator.control.requests()).byOperation;
    expect(fromB.ListFlows).toBe(1);
    expect(fromB.DescribeConnectorProfiles).toBeUndefined();

    // Events cross replicas again: the one poller's events reach both.
    const afterOutage = await startRun(emulator);
    const afterEvents = [`${afterOutage}:InProgress`, `${afterOutage}:Successful`];
    await waitFor(() => afterEvents.every((e) => onA.includes(e) && onB.includes(e)), 15_000);
    for (const seen of [onA, onB]) expect(new Set(seen).size).toBe(seen.length);

    // /ready: ready again (its report is reused for 2 s).
    await waitFor(async () => {
      const res = await a.gateway.yoga.fetch('http://test/ready');
      return res.status === 200 && ((await res.json()) as { status: string }).status === 'ready';
    }, 5_000);
  });
});

describe.skipIf(!hasRedisServer)('a Redis that stops answering', () => {
  it('opens the breaker after three timeouts, fails at once while open, closes once Redis answers', async () => {
    const port = await freePort();
    const server = await startRedis(port);
    const redis = await RedisConnections.open(`redis://127.0.0.1:${port}`);
    try {
      expect(redis.available).toBe(true);
      // Connected but silent (a hung server, a black-holed network).
      server.kill('SIGSTOP');
      const timings: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await expect(redis.call((r) => r.get('k'))).rejects.toThrow();
        timings.push(performance.now() - started);
      }
      // Three command timeouts (250 ms), then the open breaker refuses at once.
      expect(
        timings.slice(0, 3).every((ms) => ms >= 200),
        String(timings),
      ).toBe(true);
      expect(
        timings.slice(3).every((ms) => ms < 50),
        String(timings),
      ).toBe(true);
      expect(redis.available).toBe(false);

      server.kill('SIGCONT');
      await waitFor(() => redis.available, 5_000);
      expect(await redis.call((r) => r.ping())).toBe('PONG');
    } finally {
      await redis.close();
      server.kill('SIGCONT');
      await stopRedis(server);
    }
  });
});

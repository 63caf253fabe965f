/**
 * Query latency while Redis is down (a row of `npm run bench`), moved here from
 * test/subscriptions/redis-outage.test.ts, which checks the behaviour (answered from memory, no
 * AppFlow calls) without a clock. A gateway with its own redis-server; the server is killed, the
 * replica's memory cache is warmed, then 100 dashboard queries are timed: the p99 must stay a
 * matter of milliseconds (no query waits on a Redis command or reconnect).
 *
 * Standalone: `npx tsx bench/redis-outage.ts`. Skipped (a row saying so) without redis-server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.js';
import { startEmulator } from '../src/emulator/index.js';
import { startServer } from '../src/server.js';
import { controlClient } from '../test/helpers/emulator.js';
import type { Row } from './lib.js';

const DASHBOARD = `{ flows(first: 5) { edges { node {
  flowName sourceConnectorProfile { connectorProfileName }
  executions(first: 5) { edges { node { executionId } } }
} } } }`;
const QUERIES = 100;
const P99_LIMIT_MS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function benchRedisOutage(): Promise<Row[]> {
  const scenario = 'redis-outage';
  const metric = `query p99 with Redis down (${QUERIES} queries, memory cache)`;
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    return [
      {
        scenario,
        metric,
        value: '-',
        baseline: '-',
        ratio: null,
        goal: '-',
        note: 'redis-server not installed: not measured',
      },
    ];
  }
  const port = await freePort();
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const emulator = await startEmulator({ port: 0, quiet: true, runSeconds: 3 });
  await controlClient(emulator.url).seed();
  let running: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    for (let i = 0; i < 100 && !(await accepts(port)); i++) await sleep(50);
    const config = loadConfig(
      { ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'silent' },
      {
        appflowEndpoint: emulator.url,
        embeddedEmulator: false,
        port: 0,
        metricsPort: 0,
        host: '127.0.0.1',
        redisUrl: `redis://127.0.0.1:${port}`,
      },
    );
    running = await startServer(config);
    const query = async () => {
      const res = await running!.gateway.yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: DASHBOARD }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
    };
    await query();
    const exited = new Promise((r) => redis.once('exit', r));
    redis.kill('SIGKILL');
    await exited;
    await sleep(200);
    await query(); // the first read after the outage goes to AppFlow
    const durations: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const started = performance.now();
      await query();
      durations.push(performance.now() - started);
    }
    durations.sort((x, y) => x - y);
    const p99 = durations[Math.ceil(durations.length * 0.99) - 1]!;
    return [
      {
        scenario,
        metric,
        value: `${p99.toFixed(1)} ms`,
        baseline: '-',
        ratio: p99,
        goal: `<= ${P99_LIMIT_MS} ms`,
        holds: p99 <= P99_LIMIT_MS,
      },
    ];
  } finally {
    await running?.close();
    await emulator.close();
    if (redis.exitCode === null && redis.signalCode === null) redis.kill('SIGKILL');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchRedisOutage();
  console.log(JSON.stringify(rows, null, 2));
  if (rows.some((r) => r.holds === false)) process.exitCode = 1;
}

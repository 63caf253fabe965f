/**
 * Two gateway processes sharing the local Redis: one poller per flow across both (Redis lease),
 * events reach subscribers on both (Redis event target), and killing the polling process hands
 * the polling to the other without losing its subscribers.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollerStats } from '../../src/live/poller.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { FLOW_RUNS, ON_DEMAND, sleep, startRun, waitFor, wsClient } from './helpers.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) {
  console.warn(
    '\n!!! REDIS_URL is not set: the multi-replica subscription tests are SKIPPED. ' +
      'Run them with REDIS_URL=redis://127.0.0.1:6379 !!!\n',
  );
}

interface Replica {
  child: ChildProcess;
  url: string;
  stats: PollerStats;
  leading(): boolean;
}

const replicaScript = fileURLToPath(new URL('./fixtures/replica.ts', import.meta.url));

async function startReplica(emulatorUrl: string): Promise<Replica> {
  const child = fork(replicaScript, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      APPFLOW_ENDPOINT: emulatorUrl,
      REDIS_URL,
      ALLOW_ANONYMOUS: 'true',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const replica = {
      child,
      url: '',
      stats: { subscribers: 0, watches: [] } as PollerStats,
      leading: () =>
        replica.stats.watches.some(
          (w) => w.kind === 'runs' && w.flowName === ON_DEMAND && w.leading,
        ),
    };
    child.on('message', (m: { url: string; stats: PollerStats }) => {
      replica.stats = m.stats;
      if (!replica.url) {
        replica.url = m.url;
        resolve(replica);
      }
    });
    child.once('exit', (code) => reject(new Error(`replica exited with ${code}`)));
  });
}

type RunEvent = { flowRuns: { executionId: string; executionStatus: string } };

/** A flowRuns subscriber recording every (run, status) it receives. */
function watchRuns(client: Client) {
  const seen: string[] = [];
  const stop = client.subscribe<RunEvent>(
    { query: FLOW_RUNS, variables: { flowName: ON_DEMAND } },
    {
      next: (r) => {
        if (r.data) seen.push(`${r.data.flowRuns.executionId}:${r.data.flowRuns.executionStatus}`);
      },
      error: () => {},
      complete: () => {},
    },
  );
  return { seen, stop };
}

describe.skipIf(!REDIS_URL)('two gateway processes sharing Redis', () => {
  let emulator: TestEmulator;
  let a: Replica;
  let b: Replica;
  const clients: Client[] = [];

  beforeAll(async () => {
    // 3 s runs: even on a loaded machine a poll sees each run in progress.
    emulator = await startTestEmulator({ runSeconds: 3 });
    await emulator.control.seed();
    [a, b] = await Promise.all([startReplica(emulator.url), startReplica(emulator.url)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    for (const r of [a, b]) if (r && r.child.exitCode === null) r.child.kill('SIGTERM');
    await emulator?.close();
  });

  const pollRate = async (ms: number) => {
    await emulator.control.clearRequests();
    await sleep(ms);
    return (await emulator.control.requests()).byOperation.DescribeFlowExecutionRecords ?? 0;
  };

  it('one poller across both; subscribers on both get every event; same poll rate as one process', async () => {
    const clientA = wsClient(a.url.replace(/^http/, 'ws'));
    const clientB = wsClient(b.url.replace(/^http/, 'ws'));
    clients.push(clientA, clientB);

    const onA = watchRuns(clientA);
    await waitFor(() => a.stats.subscribers === 1 && a.leading());
    const rateOne = await pollRate(2000);

    const onB = watchRuns(clientB);
    await waitFor(() => b.stats.subscribers === 1);
    await sleep(500);
    const rateTwo = await pollRate(2000);
    expect(rateOne).toBeGreaterThanOrEqual(5);
    expect(rateTwo).toBeLessThanOrEqual(rateOne + 4);
    // Exactly one of the two polls.
    expect([a.leading(), b.leading()].filter(Boolean)).toHaveLength(1);

    const first = await startRun(emulator);
    const second = await startRun(emulator);
    const expected = [first, second].flatMap((id) => [`${id}:InProgress`, `${id}:Successful`]);
    await waitFor(
      () => expected.every((e) => onA.seen.includes(e) && onB.seen.includes(e)),
      20_000,
    ).catch((error) => {
      throw new Error(
        `${error.message}: expected ${expected} on both, A saw ${onA.seen}, B saw ${onB.seen}`,
      );
    });
    // Both replicas' subscribers got the same events.
    expect([...onA.seen].sort()).toEqual([...onB.seen].sort());
    // No duplicates on either side.
    expect(new Set(onA.seen).size).toBe(onA.seen.length);
    expect(new Set(onB.seen).size).toBe(onB.seen.length);
  });

  it('the polling process dies: the other takes over and its subscribers keep getting events', async () => {
    const [leader, survivor] = a.leading() ? [a, b] : [b, a];
    expect(leader.leading()).toBe(true);
    const client = wsClient(survivor.url.replace(/^http/, 'ws'));
    clients.push(client);
    const onSurvivor = watchRuns(client);
    await waitFor(() => survivor.stats.subscribers >= 2);

    leader.child.kill('SIGKILL');
    await new Promise((r) => leader.child.once('exit', r));
    // The lease (1.5 s) expires; the survivor, which has subscribers, takes over.
    await waitFor(() => survivor.leading(), 10_000);

    const executionId = await startRun(emulator);
    await waitFor(
      () =>
        onSurvivor.seen.includes(`${executionId}:InProgress`) &&
        onSurvivor.seen.includes(`${executionId}:Successful`),
      15_000,
    );
  });
});

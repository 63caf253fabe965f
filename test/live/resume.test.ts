/**
 * A replica goes away mid-run (its shutdown: what SIGTERM runs): every client retries on the
 * other replica, its resumed subscription starts with the state as it is then, and the run's
 * terminal status reaches it exactly once, over graphql-ws, graphql-sse in distinct-connections
 * mode (the operation's own stream must end without `complete`, or the client stops for good)
 * and graphql-sse's single connection; with DescribeFlowExecutionRecords slowed down meanwhile.
 */
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.js';
import { type RunningGateway, startServer } from '../../src/server.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { EXECUTION_UPDATED, ON_DEMAND, startRun, waitFor } from '../subscriptions/helpers.js';

let emulator: TestEmulator;
let a: RunningGateway;
let b: RunningGateway;

beforeAll(async () => {
  emulator = await startTestEmulator({ runSeconds: 20 });
  await emulator.control.seed();
  const config = loadConfig(
    { ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'silent' },
    {
      appflowEndpoint: emulator.url,
      embeddedEmulator: false,
      port: 0,
      host: '127.0.0.1',
      // Two replicas in one process: each its own metrics port.
      metricsPort: 0,
      redisUrl: process.env.REDIS_URL,
    },
  );
  config.subscriptions = { ...config.subscriptions, activePollMs: 100, idlePollMs: 300 };
  [a, b] = await Promise.all([startServer(config), startServer(config)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await emulator?.close();
});

it('a replica shut down mid-run: every client resumes on the other and gets the end exactly once', async () => {
  const executionId = await startRun(emulator);
  let current = a.url;
  const variables = { flowName: ON_DEMAND, executionId };
  const received = new Map<string, string[]>();
  const completed = new Set<string>();
  const sink = (name: string) => {
    received.set(name, []);
    return {
      next: (value: unknown) => {
        const status = (value as { data?: { executionUpdated?: { executionStatus: string } } }).data
          ?.executionUpdated?.executionStatus;
        received.get(name)!.push(status ?? JSON.stringify(value));
      },
      error: (error: unknown) => received.get(name)!.push(`error: ${String(error)}`),
      complete: () => completed.add(name),
    };
  };
  const ws = createWsClient({
    url: () => current.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 10,
    retryWait: () => new Promise((r) => setTimeout(r, 100)),
    shouldRetry: () => true,
  });
  const retry = () => new Promise<void>((r) => setTimeout(r, 100));
  const distinct = createSseClient({ url: () => current, retryAttempts: 10, retry });
  const single = createSseClient({
    url: () => `${current}/stream`,
    singleConnection: true,
    retryAttempts: 10,
    retry,
  });
  const stops = [
    ws.subscribe({ query: EXECUTION_UPDATED, variables }, sink('graphql-ws')),
    distinct.subscribe({ query: EXECUTION_UPDATED, variables }, sink('sse distinct')),
    single.subscribe({ query: EXECUTION_UPDATED, variables }, sink('sse single')),
  ];
  try {
    await waitFor(() => [...received.values()].every((r) => r.includes('InProgress')));
    // Replica A goes away; clients come back through the "load balancer" to B.
    current = b.url;
    await a.close();
    await emulator.control.faults({
      operation: 'DescribeFlowExecutionRecords',
      type: 'latency',
      latencyMs: 400,
    });
    await emulator.control.advance(25);
    await waitFor(() => completed.size === 3, 20_000);
    for (const [name, statuses] of received) {
      expect(
        statuses.filter((s) => s.startsWith('error')),
        name,
      ).toEqual([]);
      expect(
        statuses.filter((s) => s === 'Successful'),
        name,
      ).toHaveLength(1);
      expect(statuses.at(-1), name).toBe('Successful');
    }
  } finally {
    for (const stop of stops) stop();
    await emulator.control.clearFaults();
    await ws.dispose();
    distinct.dispose();
    single.dispose();
  }
});

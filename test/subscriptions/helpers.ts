/**
 * Live-status test helpers: an emulator with short runs, a real gateway server (HTTP + graphql-ws
 * on port 0) with fast poll intervals, a graphql-ws client and an SSE reader.
 */
import { StartFlowCommand } from '@aws-sdk/client-appflow';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type GatewayConfig, loadConfig } from '../../src/config.js';
import type { EmulatorOptions } from '../../src/emulator/index.js';
import { type RunningGateway, startServer } from '../../src/server.js';
import type { GatewayDeps } from '../../src/yoga.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

export const ON_DEMAND = 'salesforce-accounts-to-s3';
export const SCHEDULED = 'salesforce-opportunities-hourly';

export interface LiveRig {
  emulator: TestEmulator;
  server: RunningGateway;
  wsUrl: string;
  close(): Promise<void>;
}

export async function startLiveRig(
  options: {
    emulator?: EmulatorOptions;
    subscriptions?: Partial<GatewayConfig['subscriptions']>;
    config?: Partial<GatewayConfig>;
    deps?: GatewayDeps;
  } = {},
): Promise<LiveRig> {
  // Runs take 1.5 s; the poller polls every 100 ms while a run is active.
  const emulator = await startTestEmulator({ runSeconds: 1.5, ...options.emulator });
  await emulator.control.seed();
  const config = loadConfig(
    { ALLOW_ANONYMOUS: 'true' },
    {
      appflowEndpoint: emulator.url,
      embeddedEmulator: false,
      port: 0,
      host: '127.0.0.1',
      metricsPort: 0,
      redisUrl: undefined,
      ...options.config,
    },
  );
  config.subscriptions = {
    ...config.subscriptions,
    activePollMs: 100,
    idlePollMs: 300,
    ...options.subscriptions,
  };
  const server = await startServer(config, options.deps);
  return {
    emulator,
    server,
    wsUrl: server.url.replace(/^http/, 'ws'),
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}

export function wsClient(url: string, onSocket?: (socket: WebSocket) => void): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    // Tests drop sockets on purpose; the subscription sinks see the outcome.
    onNonLazyError: () => {},
    on: onSocket ? { connected: (socket) => onSocket(socket as WebSocket) } : undefined,
  });
}

export interface Received<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Collect a subscription's results until it completes (or `until` says stop). */
export async function collect<T = Record<string, unknown>>(
  iterator: AsyncIterable<unknown>,
  until: (items: Received<T>[]) => boolean = () => false,
  onItem?: (item: Received<T>, all: Received<T>[]) => void | Promise<void>,
): Promise<Received<T>[]> {
  const items: Received<T>[] = [];
  for await (const value of iterator) {
    const item = value as Received<T>;
    items.push(item);
    await onItem?.(item, items);
    if (until(items)) break;
  }
  return items;
}

export async function startRun(emulator: TestEmulator, flowName = ON_DEMAND): Promise<string> {
  const { executionId } = await emulator.client.send(new StartFlowCommand({ flowName }));
  if (!executionId) throw new Error('StartFlow returned no executionId');
  return executionId;
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Read an SSE response (distinct-connections mode) into `next` payloads until `complete`. */
export async function* sseEvents(response: Response): AsyncGenerator<Received> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        const event = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.replace(/^data: ?/, ''))
          .join('\n');
        if (event === 'complete') return;
        if (data) yield JSON.parse(data) as Received;
      }
    }
  } finally {
    reader.releaseLock();
    await response.body?.cancel().catch(() => {});
  }
}

export const EXECUTION_UPDATED = /* GraphQL */ `
  subscription Watch($flowName: String!, $executionId: String!) {
    executionUpdated(flowName: $flowName, executionId: $executionId) {
      id
      executionId
      executionStatus
      lastUpdatedAt
      executionResult { recordsProcessed }
      flow { flowName triggerType }
    }
  }
`;

export const FLOW_RUNS = /* GraphQL */ `
  subscription Runs($flowName: String!) {
    flowRuns(flowName: $flowName) { executionId executionStatus }
  }
`;

export const FLOW_STATUS = /* GraphQL */ `
  subscription Status($flowNames: [String!]!) {
    flowStatusChanged(flowNames: $flowNames) { flowName flowStatus }
  }
`;

/**
 * Subscriptions benchmark (used by `npm run bench`): upstream poll rate with 1 vs 1000
 * subscribers on one flow, heap per idle subscriber, and event latency (run status change in
 * AppFlow -> event at the subscriber). Subscribers go through the real schema in process
 * (`yoga.getEnveloped(...).subscribe`), without a socket per subscriber. Runs against its own
 * emulator so other scenarios' calls do not blur the counts.
 *
 * Standalone: `npx tsx bench/subscriptions.ts [--quick]`.
 */
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { StartFlowCommand } from '@aws-sdk/client-appflow';
import type { ExecutionResult } from 'graphql';
import { loadConfig } from '../src/config.js';
import { startEmulator } from '../src/emulator/index.js';
import { createGateway, type Gateway } from '../src/yoga.js';
import { appflowClient, controlClient } from '../test/helpers/emulator.js';

export interface SubscriptionBenchRow {
  scenario: string;
  metric: string;
  /** Display value with its unit. */
  value: string;
  unit: string;
  /** The number the goal is about. */
  ratio: number;
  baseline?: string;
  goal?: string;
  holds?: boolean;
  note?: string;
}

const FLOW = 'salesforce-accounts-to-s3';

const RUNS = /* GraphQL */ `subscription ($flowName: String!) { flowRuns(flowName: $flowName) { executionId executionStatus } }`;
const RUN = /* GraphQL */ `subscription ($flowName: String!, $executionId: String!) {
  executionUpdated(flowName: $flowName, executionId: $executionId) { executionStatus lastUpdatedAt }
}`;

type Stream = AsyncIterableIterator<ExecutionResult>;

/** Subscribe in process through the gateway's envelop (same plugins as HTTP and WebSocket). */
export async function subscribeInProcess(
  gateway: Gateway,
  query: string,
  variables: Record<string, unknown>,
): Promise<Stream> {
  // A distinct request per subscriber, as with SSE: each is its own "connection".
  const request = new Request('http://bench/graphql', { method: 'POST' });
  const env = gateway.yoga.getEnveloped({ request, params: { query, variables } });
  const document = env.parse(query);
  const result = await env.subscribe({
    schema: env.schema,
    document,
    variableValues: variables,
    contextValue: await env.contextFactory(),
  });
  if (!(Symbol.asyncIterator in (result as object))) {
    throw new Error(`subscribe failed: ${JSON.stringify(result)}`);
  }
  return result as Stream;
}

function gc() {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g();
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchSubscriptions(
  opts: { quick?: boolean } = {},
): Promise<SubscriptionBenchRow[]> {
  const quick = opts.quick ?? false;
  const subscribers = 1000;
  const windowMs = quick ? 2000 : 5000;
  const emulator = await startEmulator({ port: 0, quiet: true, seed: true, runSeconds: 2 });
  const control = controlClient(emulator.url);
  const sdk = appflowClient(emulator.url);
  const config = loadConfig(
    { ALLOW_ANONYMOUS: 'true' },
    { appflowEndpoint: emulator.url, embeddedEmulator: false, redisUrl: undefined },
  );
  // Production-like intervals for latency; idle at 250 ms so the rate window holds many polls.
  config.subscriptions = {
    ...config.subscriptions,
    maxTotal: 10_000,
    activePollMs: 1000,
    idlePollMs: 250,
  };
  const gateway = await createGateway(config);
  const rows: SubscriptionBenchRow[] = [];
  const streams: Stream[] = [];
  const drain = (s: Stream) => {
    void (async () => {
      for await (const _ of s) {
        // idle subscribers: nothing to do per event
      }
    })();
  };
  const pollRate = async () => {
    await control.clearRequests();
    await sleep(windowMs);
    const calls = (await control.requests()).byOperation.DescribeFlowExecutionRecords ?? 0;
    return (calls * 1000) / windowMs;
  };
  try {
    // 1. Poll rate: 1 subscriber, then 1000 on the same flow.
    const one = await subscribeInProcess(gateway, RUNS, { flowName: FLOW });
    drain(one);
    await sleep(300);
    const rateOne = await pollRate();
    await one.return?.();
    await sleep(300);

    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < subscribers; i++) {
      const s = await subscribeInProcess(gateway, RUNS, { flowName: FLOW });
      drain(s);
      streams.push(s);
    }
    await sleep(500);
    const rateMany = await pollRate();
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const perSubscriberKb = (heapAfter - heapBefore) / subscribers / 1024;
    const ratio = rateMany / Math.max(rateOne, 0.001);
    rows.push({
      scenario: 'subscriptions',
      metric: `DescribeFlowExecutionRecords/s, ${subscribers} vs 1 subscriber(s) on one flow`,
      value: `${rateMany.toFixed(2)} /s`,
      unit: 'x',
      baseline: `${rateOne.toFixed(2)} /s`,
      ratio: Number(ratio.toFixed(2)),
      goal: '<= 1.25x (one shared poller)',
      holds: ratio <= 1.25,
    });
    rows.push({
      scenario: 'subscriptions',
      metric: 'heap per idle subscriber (in-process subscribe, no socket)',
      value: `${perSubscriberKb.toFixed(1)} KB`,
      unit: 'KB',
      ratio: Number(perSubscriberKb.toFixed(1)),
      goal: '<= 64 KB',
      holds: perSubscriberKb <= 64,
    });
    for (const s of streams.splice(0)) await s.return?.();

    // 2. Latency: AppFlow's lastUpdatedAt of a status change -> event at the subscriber.
    const samples: number[] = [];
    const runs = quick ? 3 : 6;
    await Promise.all(
      Array.from({ length: runs }, async (_, i) => {
        await sleep(i * 350);
        const { executionId } = await sdk.send(new StartFlowCommand({ flowName: FLOW }));
        const stream = await subscribeInProcess(gateway, RUN, { flowName: FLOW, executionId });
        for await (const result of stream) {
          const run = (
            result.data as { executionUpdated?: { executionStatus: string; lastUpdatedAt: string } }
          )?.executionUpdated;
          if (run?.executionStatus === 'Successful') {
            samples.push(Date.now() - Date.parse(run.lastUpdatedAt));
          }
        }
      }),
    );
    samples.sort((x, y) => x - y);
    const median = samples[Math.floor(samples.length / 2)] ?? Number.NaN;
    const worst = samples.at(-1) ?? Number.NaN;
    rows.push({
      scenario: 'subscriptions',
      metric: `event latency, status change -> subscriber (median of ${samples.length}, activePollMs 1000)`,
      value: `${median.toFixed(0)} ms`,
      unit: 'ms',
      ratio: median,
      goal: '<= 1500 ms (about one active poll interval)',
      holds: median <= 1500,
      note: `worst ${worst.toFixed(0)} ms`,
    });
  } finally {
    for (const s of streams) await s.return?.();
    await gateway.close();
    sdk.destroy();
    await emulator.close();
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchSubscriptions({ quick: process.argv.includes('--quick') }).then(
    (rows) => {
      console.table(rows);
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

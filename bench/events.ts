/**
 * EventBridge push benchmark (rows of `npm run bench`, docs/live-status.md):
 * - event to subscriber: an `AppFlow End Flow Run Report` POSTed to /events/appflow, until an
 *   `executionUpdated` subscriber has the run's terminal status (goal < 200 ms, p95);
 * - idle polling: AppFlow calls of a quiet deployment with a fleet subscriber and a flow
 *   subscriber, events off vs on (goal >= 5x fewer with events). Poll intervals are the
 *   defaults scaled down by the same factor (idle 15 s -> 300 ms, reconcile 120 s -> 2.4 s),
 *   so the ratio is the defaults' ratio, measured.
 *
 * Its own emulator and gateway (a real server on port 0), so the counts are this one's only.
 * Standalone: `npx tsx bench/events.ts [--quick]`.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { StartFlowCommand } from '@aws-sdk/client-appflow';
import { loadConfig } from '../src/config.js';
import { startEmulator } from '../src/emulator/index.js';
import { startServer } from '../src/server.js';
import { appflowClient, controlClient } from '../test/helpers/emulator.js';
import { fmt, type Row } from './lib.js';
import { subscribeInProcess } from './subscriptions.js';

const SECRET = 'bench-events-secret-0123456789';
const FLOW = 'salesforce-accounts-to-s3';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const WATCH = /* GraphQL */ `
  subscription Watch($flowName: String!, $executionId: String!) {
    executionUpdated(flowName: $flowName, executionId: $executionId) { executionStatus }
  }
`;
const FLEET = /* GraphQL */ `subscription { flowRunEvents { kind } }`;
const RUNS = /* GraphQL */ `subscription R($flowName: String!) { flowRuns(flowName: $flowName) { executionId } }`;

function event(detailType: string, detail: Record<string, string>) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source: 'aws.appflow',
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? Number.NaN;

export async function benchEvents(opts: { quick?: boolean } = {}): Promise<Row[]> {
  const emulator = await startEmulator({ port: 0, quiet: true, runSeconds: 3600, seed: true });
  const control = controlClient(emulator.url);
  const config = loadConfig(
    { ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'silent', EVENTS_SECRET: SECRET },
    {
      appflowEndpoint: emulator.url,
      embeddedEmulator: false,
      redisUrl: undefined,
      port: 0,
      metricsPort: 0,
    },
  );
  config.subscriptions = {
    ...config.subscriptions,
    activePollMs: 300,
    idlePollMs: 300,
    reconcilePollMs: 2_400,
  };
  const server = await startServer({ ...config, host: '127.0.0.1' });
  const gateway = server.gateway;
  const eventsUrl = server.url.replace(/\/graphql$/, '/events/appflow');
  const post = (body: unknown) =>
    fetch(eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-eventbridge-secret': SECRET },
      body: JSON.stringify(body),
    }).then((r) => r.arrayBuffer());
  const sdk = appflowClient(emulator.url);
  const streams: AsyncIterableIterator<unknown>[] = [];
  const drain = (s: AsyncIterableIterator<unknown>) => {
    streams.push(s);
    void (async () => {
      for await (const _ of s) {
        // counted elsewhere
      }
    })();
  };
  try {
    // Idle polling, events off (none has arrived) then on.
    const windowMs = opts.quick ? 5_000 : 12_000;
    drain(await subscribeInProcess(gateway, FLEET, {}));
    drain(await subscribeInProcess(gateway, RUNS, { flowName: FLOW }));
    await sleep(1_000);
    await control.clearRequests();
    await sleep(windowMs);
    const off = (await control.requests()).total;
    await post(event('AppFlow Event Flow Report', { 'flow-name': FLOW }));
    // The loops finish the interval they were in, then reconcile only.
    await sleep(1_000);
    await control.clearRequests();
    await sleep(windowMs);
    const on = (await control.requests()).total;

    // Event to subscriber.
    const samples: number[] = [];
    const runs = opts.quick ? 10 : 30;
    for (let i = 0; i < runs; i++) {
      const { executionId } = await sdk.send(new StartFlowCommand({ flowName: FLOW }));
      const stream = await subscribeInProcess(gateway, WATCH, { flowName: FLOW, executionId });
      const first = await stream.next(); // InProgress (the first state)
      if (first.done) throw new Error('the subscription ended early');
      const end = event('AppFlow End Flow Run Report', {
        'flow-name': FLOW,
        'execution-id': executionId!,
        status: 'Execution Successful',
        'end-time': String(Date.now() / 1000),
      });
      const started = performance.now();
      const delivered = post(end);
      for (;;) {
        const next = (await stream.next()) as IteratorResult<{
          data?: { executionUpdated?: { executionStatus: string } };
        }>;
        if (next.done) break;
        if (next.value.data?.executionUpdated?.executionStatus === 'Successful') break;
      }
      samples.push(performance.now() - started);
      await delivered;
      await stream.return?.();
    }
    samples.sort((a, b) => a - b);
    const p50 = percentile(samples, 0.5);
    const p95 = percentile(samples, 0.95);
    const ratio = off / Math.max(1, on);
    return [
      {
        scenario: 'EventBridge push',
        metric: 'End event to executionUpdated subscriber, p95',
        value: `${fmt(p95)} ms`,
        baseline: `p50 ${fmt(p50)} ms, ${samples.length} runs`,
        ratio: Number(p95.toFixed(1)),
        goal: '< 200 ms',
        holds: p95 < 200,
      },
      {
        scenario: 'EventBridge push',
        metric: `idle AppFlow calls in ${windowMs / 1000} s, events off / on`,
        value: `${off} / ${on}`,
        baseline: 'idle 300 ms vs reconcile 2.4 s (the defaults 15 s / 120 s, scaled)',
        ratio: Number(ratio.toFixed(2)),
        goal: '>= 5x fewer',
        holds: ratio >= 5,
      },
    ];
  } finally {
    for (const s of streams) await s.return?.();
    sdk.destroy();
    await server.close();
    await emulator.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchEvents({ quick: process.argv.includes('--quick') }).then(
    (rows) => console.table(rows),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

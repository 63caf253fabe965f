/**
 * Fleet-wide live status benchmark (a row of `npm run bench`): 500 flows watched through
 * `flowRunEvents` by 1 and by 100 subscribers. Counts the AppFlow calls of one poll interval:
 * ListFlows (one per 100 flows, goal <= 5) plus one DescribeFlowExecutionRecords per run that is
 * active or just changed, the same with 1 or 100 subscribers. Its own emulator, so the counts
 * are this loop's only.
 *
 * Standalone: `npx tsx bench/fleet.ts [--quick]`.
 */
import { pathToFileURL } from 'node:url';
import { StartFlowCommand } from '@aws-sdk/client-appflow';
import { loadConfig } from '../src/config.js';
import { startEmulator } from '../src/emulator/index.js';
import { createGateway, type Gateway } from '../src/yoga.js';
import { appflowClient, controlClient } from '../test/helpers/emulator.js';
import type { Row } from './lib.js';
import { subscribeInProcess } from './subscriptions.js';

const FLOWS = 500;
const ACTIVE_RUNS = 3;
const EVENTS = /* GraphQL */ `subscription { flowRunEvents { kind flowName } }`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls per poll interval over `polls` intervals of the gateway's fleet loop. */
async function perInterval(gateway: Gateway, polls: number) {
  const fleet = gateway.services.live.fleet;
  const start = fleet.stats();
  const deadline = Date.now() + 60_000;
  while (fleet.stats().polls - start.polls < polls && Date.now() < deadline) await sleep(20);
  const end = fleet.stats();
  const n = Math.max(1, end.polls - start.polls);
  return {
    listFlows: (end.listFlowsCalls - start.listFlowsCalls) / n,
    runs: (end.runsCalls - start.runsCalls) / n,
  };
}

export async function benchFleet(opts: { quick?: boolean } = {}): Promise<Row[]> {
  const polls = opts.quick ? 3 : 10;
  // Runs that stay in progress for the whole measurement.
  const emulator = await startEmulator({ port: 0, quiet: true, runSeconds: 3600 });
  const control = controlClient(emulator.url);
  await control.seed({ generate: { flows: FLOWS, profiles: 10, executionsPerFlow: 1 } });
  const config = loadConfig(
    { ALLOW_ANONYMOUS: 'true' },
    { appflowEndpoint: emulator.url, embeddedEmulator: false, redisUrl: undefined },
  );
  config.subscriptions = {
    ...config.subscriptions,
    maxTotal: 10_000,
    activePollMs: 200,
    idlePollMs: 200,
  };
  const gateway = await createGateway(config);
  const streams: AsyncIterableIterator<unknown>[] = [];
  const subscribe = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const s = await subscribeInProcess(gateway, EVENTS, {});
      void (async () => {
        for await (const _ of s) {
          // events are not the measure here
        }
      })();
      streams.push(s);
    }
  };
  try {
    await subscribe(1);
    const idleOne = await perInterval(gateway, polls);
    const sdk = appflowClient(emulator.url);
    // On-demand synthetic flows are every index but 1 mod 3.
    for (let i = 0; i < ACTIVE_RUNS; i++) {
      await sdk.send(new StartFlowCommand({ flowName: `synthetic-0-flow-${i * 3}` }));
    }
    await perInterval(gateway, 2);
    const activeOne = await perInterval(gateway, polls);
    await subscribe(99);
    await perInterval(gateway, 1);
    const activeMany = await perInterval(gateway, polls);
    const calls = (await control.requests()).byOperation;
    const row = (metric: string, value: number, baseline: string, goal: number): Row => ({
      scenario: `flowRunEvents (${FLOWS} flows)`,
      metric,
      value: value.toFixed(2),
      baseline,
      ratio: Number(value.toFixed(2)),
      goal: `<= ${goal}`,
      holds: value <= goal,
    });
    return [
      row(
        'ListFlows calls per interval, 100 subscribers',
        activeMany.listFlows,
        `${activeOne.listFlows.toFixed(2)} with 1`,
        5,
      ),
      {
        ...row(
          `runs calls per interval, ${ACTIVE_RUNS} runs active, 100 subscribers`,
          activeMany.runs,
          `${activeOne.runs.toFixed(2)} with 1; ${idleOne.runs.toFixed(2)} idle`,
          ACTIVE_RUNS,
        ),
        note: `emulator saw ListFlows ${calls.ListFlows ?? 0}, DescribeFlowExecutionRecords ${calls.DescribeFlowExecutionRecords ?? 0} in all`,
      },
    ];
  } finally {
    for (const s of streams) await s.return?.();
    await gateway.close();
    await emulator.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchFleet({ quick: process.argv.includes('--quick') }).then(
    (rows) => console.table(rows),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

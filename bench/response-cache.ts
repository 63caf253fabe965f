/**
 * The response cache (RESPONSE_CACHE=true, docs/live-status.md#the-response-cache): the warm
 * 100-flow dashboard timed on two gateway processes over the same emulator, one with the
 * response cache and one without, alternating query by query (median, min, max); the AppFlow
 * calls of warm dashboards with it; and whether a run started through it shows in the next
 * answer (never stale). Standalone: `npx tsx bench/response-cache.ts [--quick]` (its own
 * emulator); in `npm run bench` it shares the bench's seeded emulator.
 */
import { pathToFileURL } from 'node:url';
import {
  type Child,
  emulatorRequests,
  fmt,
  median,
  postJson,
  type Row,
  startChild,
} from './lib.js';
import { DASHBOARD_QUERY } from './scenarios.js';

type Dashboard = {
  data?: {
    flows: {
      edges: {
        node: {
          flowName: string;
          triggerType: string;
          executions: { edges: { node: { executionId: string } }[] };
        };
      }[];
    };
  };
  errors?: unknown[];
};

async function ask(url: string, query: string): Promise<Dashboard> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as Dashboard;
  if (body.errors?.length) throw new Error(`dashboard errors: ${JSON.stringify(body.errors[0])}`);
  return body;
}

async function timed(url: string): Promise<number> {
  const t = performance.now();
  await ask(url, DASHBOARD_QUERY);
  return performance.now() - t;
}

export async function benchResponseCache(opts: {
  emulatorUrl: string;
  quick?: boolean;
}): Promise<Row[]> {
  const n = opts.quick ? 50 : 300;
  const env = { EMULATOR_URL: opts.emulatorUrl, BENCH_LOG_LEVEL: 'warn' };
  const children: Child[] = [];
  try {
    const [cached, plain] = await Promise.all([
      startChild('gateway', {
        ...env,
        BENCH_GATEWAY_ENV: JSON.stringify({
          RESPONSE_CACHE: 'true',
          RESPONSE_CACHE_TTL: '600',
          METRICS_PORT: '0',
        }),
      }),
      startChild('gateway', { ...env, BENCH_GATEWAY_ENV: JSON.stringify({ METRICS_PORT: '0' }) }),
    ]);
    children.push(cached, plain);
    // Warm both (modules, compiled queries, read caches, the cached answer).
    for (let i = 0; i < 20; i++) {
      await timed(cached.url);
      await timed(plain.url);
    }
    const withCache: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < n; i++) {
      withCache.push(await timed(cached.url));
      without.push(await timed(plain.url));
    }
    const range = (xs: number[]) =>
      `${fmt(median(xs))} ms (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))})`;

    await emulatorRequests.reset(opts.emulatorUrl);
    for (let i = 0; i < 20; i++) await timed(cached.url);
    const calls = (await emulatorRequests.read(opts.emulatorUrl)).total;

    // Never stale: a run started through the cached gateway is in its next answer.
    const before = await ask(cached.url, DASHBOARD_QUERY);
    const flow = before.data?.flows.edges.find((e) => e.node.triggerType === 'OnDemand')?.node;
    let fresh = false;
    if (flow) {
      const started = (await postJson(cached.url, {
        query: `mutation { startFlow(input: { flowName: "${flow.flowName}" }) {
          ... on StartFlowSuccess { execution { executionId } } } }`,
      })) as { data?: { startFlow?: { execution?: { executionId: string } } } };
      const id = started.data?.startFlow?.execution?.executionId;
      const after = await ask(cached.url, DASHBOARD_QUERY);
      const row = after.data?.flows.edges.find((e) => e.node.flowName === flow.flowName)?.node;
      fresh = Boolean(id) && row?.executions.edges.some((e) => e.node.executionId === id) === true;
    }

    const ratio = median(withCache) / median(without);
    return [
      {
        scenario: 'responseCache',
        metric: `warm 100-flow dashboard, response cache vs without (${n} alternating)`,
        value: range(withCache),
        baseline: range(without),
        ratio,
        goal: '-',
        note: 'RESPONSE_CACHE=true vs the default gateway, both warm, same emulator',
      },
      {
        scenario: 'responseCache',
        metric: 'AppFlow calls of 20 warm dashboards (response cache)',
        value: String(calls),
        baseline: '-',
        ratio: calls,
        goal: '0',
        holds: calls === 0,
      },
      {
        scenario: 'responseCache',
        metric: 'a run started through the gateway shows in the next answer',
        value: fresh ? 'yes' : 'no',
        baseline: '-',
        ratio: null,
        goal: 'yes',
        holds: fresh,
      },
    ];
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const emulator = await startChild('emulator');
  try {
    await postJson(`${emulator.url}/_emulator/seed`, {
      generate: { flows: 100, profiles: 10, executionsPerFlow: 6 },
    });
    const rows = await benchResponseCache({ emulatorUrl: emulator.url, quick });
    const { formatTable } = await import('./lib.js');
    process.stdout.write(`${formatTable(rows)}\n`);
  } finally {
    await emulator.stop();
  }
}

/**
 * Shared bench plumbing: result rows, the table, child processes on free ports, autocannon runs
 * and percentiles. Every ratio is measured side by side in one run: absolute times vary between
 * machines, ratios much less.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One measured comparison. `holds` is undefined for informational rows (no goal). */
export interface Row {
  scenario: string;
  metric: string;
  /** What the gateway measured, with its unit ("12.3 ms", "4567 req/s"). */
  value: string;
  /** The baseline it is compared with, with its unit. */
  baseline: string;
  /** value / baseline, or the absolute number the goal is about. */
  ratio: number | null;
  /** Human-readable goal, e.g. ">= 0.25x" or "<= 1.0 s". */
  goal: string;
  holds?: boolean;
  note?: string;
}

export function fmt(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(digits);
}

export const ms = (n: number) => `${fmt(n)} ms`;
export const rps = (n: number) => `${fmt(n)} req/s`;

/** A row with a ratio goal: `atLeast` or `atMost` the given factor. */
export function ratioRow(
  base: Omit<Row, 'ratio' | 'goal' | 'holds'>,
  ratio: number,
  goal: { atLeast?: number; atMost?: number },
): Row {
  const holds =
    goal.atLeast !== undefined
      ? ratio >= goal.atLeast
      : goal.atMost !== undefined
        ? ratio <= goal.atMost
        : undefined;
  const text =
    goal.atLeast !== undefined
      ? `>= ${goal.atLeast}x`
      : goal.atMost !== undefined
        ? `<= ${goal.atMost}x`
        : '-';
  return { ...base, ratio, goal: text, holds };
}

export function formatTable(rows: Row[]): string {
  const header = ['scenario', 'metric', 'gateway', 'baseline', 'ratio', 'goal', 'holds'];
  const cells = rows.map((r) => [
    r.scenario,
    r.metric,
    r.value,
    r.baseline,
    r.ratio === null
      ? '-'
      : // Rows without a baseline carry an absolute number, not a ratio.
        `${fmt(r.ratio, r.ratio < 0.1 ? 4 : 2)}${r.baseline === '-' ? '' : 'x'}`,
    r.goal,
    r.holds === undefined ? 'info' : r.holds ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.scenario} / ${r.metric}: ${r.note}`);
  return [line(header), rule, ...cells.map(line), ...(notes.length ? ['', ...notes] : [])].join(
    '\n',
  );
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs `bench/serve.ts <kind>` in its own process (so servers and the load generator do not
 * share a core) and waits for its `READY <url>` line.
 */
export function startChild(
  kind: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Child> {
  return startScript(['bench/serve.ts', kind], env, nodeArgs);
}

/** Any script (path from the repository root, and its arguments) that prints `READY <url>`. */
export function startScript(
  args: string[],
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Child> {
  const kind = args.join(' ');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
    cwd: ROOT,
    // METRICS_PORT=0: several gateways at once must not meet on the default metrics port.
    env: { ...process.env, NODE_NO_WARNINGS: '1', METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      const m = /READY (\S+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({
          url: m[1],
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${kind} exited with ${code} before ready:\n${stderr}`)),
    );
  });
}

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** autocannon with a bounded number of requests (`amount`), POSTing a GraphQL body. */
export async function load(opts: {
  url: string;
  body: string;
  amount: number;
  connections: number;
  method?: 'POST' | 'GET';
}): Promise<LoadResult> {
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? 'POST',
    headers: { 'content-type': 'application/json' },
    body: opts.body,
    amount: opts.amount,
    connections: Math.min(opts.connections, opts.amount),
    pipelining: 1,
    // autocannon notices the last response only at its next sample tick: with the default of
    // 1 s, every duration (and so every req/s) was rounded up to whole seconds.
    sampleInt: 10,
  });
  const seconds = result.duration;
  return {
    requestsPerSec: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Sequential timings of an async function (after `warmup` untimed calls). */
export async function timeEach(
  fn: () => Promise<unknown>,
  count: number,
  warmup = Math.min(20, count),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

export async function postJson(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} -> ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** The emulator's call counters: every AWS call, and those it throttled. */
export interface EmulatorRequests {
  total: number;
  byOperation: Record<string, number>;
  throttled: { total: number; byOperation: Record<string, number> };
}

/** Upstream call counters of the emulator. */
export const emulatorRequests = {
  async reset(emulatorUrl: string) {
    await fetch(`${emulatorUrl}/_emulator/requests`, { method: 'DELETE' });
  },
  async read(emulatorUrl: string): Promise<EmulatorRequests> {
    const res = await fetch(`${emulatorUrl}/_emulator/requests`);
    return (await res.json()) as EmulatorRequests;
  },
};

/** One AppFlow call as a client's call listener saw it (performance.now() times). */
export interface TimedCall {
  operation: string;
  start: number;
  end: number;
}

/** The AppFlow calls `run` made, as a client's call listener saw them. */
export async function recordTimedCalls(
  appflow: {
    onCall(listener: (operation: string, outcome: string, durationMs: number) => void): () => void;
  },
  run: () => Promise<unknown>,
): Promise<TimedCall[]> {
  const calls: TimedCall[] = [];
  const stop = appflow.onCall((operation, _outcome, durationMs) => {
    const end = performance.now();
    calls.push({ operation, start: end - durationMs, end });
  });
  try {
    await run();
  } finally {
    stop();
  }
  return calls;
}

/**
 * The longest chain of calls each begun after the one before it ended: the round trips a
 * set of calls took, whatever each one cost (CPU included).
 */
export function callChainDepth(calls: readonly TimedCall[]): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  for (const [i, c] of sorted.entries()) {
    let d = 1;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= c.start) d = Math.max(d, depth[j]! + 1);
    depth.push(d);
  }
  return Math.max(0, ...depth);
}

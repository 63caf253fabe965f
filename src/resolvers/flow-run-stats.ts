/**
 * `Flow.runStats`: how a flow has been doing, from its newest runs (DescribeFlowExecutionRecords
 * pages through the reader's cache, src/services/reader/flows.ts `history`): counts by outcome,
 * success rate, durations, volumes, the last error and a daily series for charts.
 */
import type { ExecutionRecord } from '@aws-sdk/client-appflow';
import type { RequestReaders } from '../services/loaders.js';
import type { FlowModel } from '../services/models.js';
import { lastRunFingerprint } from '../services/reader/index.js';
import { flowDetail } from './flow.js';

/** At most this many runs are read for one flow's stats. */
export const MAX_RUN_STATS = 500;

export interface DurationStats {
  p50: number | null;
  p95: number | null;
  max: number | null;
}
export interface VolumeStats {
  total: number;
  perRun: number | null;
}
export interface RunError {
  message: string;
  at: Date;
  executionId: string;
}
export interface DailyRunStats {
  date: string;
  runs: number;
  failures: number;
  records: number;
}
export interface FlowRunStats {
  runs: number;
  successes: number;
  failures: number;
  cancellations: number;
  inProgress: number;
  successRate: number | null;
  duration: DurationStats;
  records: VolumeStats;
  bytes: VolumeStats;
  lastError: RunError | null;
  daily: DailyRunStats[];
  from: Date | null;
  to: Date | null;
  truncated: boolean;
}

const time = (d: Date | string | number | undefined) =>
  d === undefined ? undefined : new Date(d).getTime();

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The stats of runs, newest first (as AppFlow lists them). */
export function runStatsOf(runs: readonly ExecutionRecord[], truncated: boolean): FlowRunStats {
  const count = (...statuses: string[]) =>
    runs.filter((r) => statuses.includes(r.executionStatus ?? '')).length;
  const successes = count('Successful');
  const failures = count('Error');
  const cancellations = count('Canceled');
  const finished = runs.filter((r) =>
    ['Successful', 'Error', 'Canceled'].includes(r.executionStatus ?? ''),
  );
  const durations = finished
    .map((r) => ((time(r.lastUpdatedAt) ?? 0) - (time(r.startedAt) ?? 0)) / 1000)
    .filter((d) => d >= 0)
    .sort((a, b) => a - b);
  const volume = (pick: (r: ExecutionRecord) => number | undefined): VolumeStats => {
    const total = runs.reduce((n, r) => n + (pick(r) ?? 0), 0);
    return { total, perRun: runs.length ? total / runs.length : null };
  };
  const lastFailed = runs.find((r) => r.executionStatus === 'Error');
  const daily = new Map<string, DailyRunStats>();
  for (const r of runs) {
    const started = time(r.startedAt);
    if (started === undefined) continue;
    const date = new Date(started).toISOString().slice(0, 10);
    const day = daily.get(date) ?? { date, runs: 0, failures: 0, records: 0 };
    day.runs++;
    if (r.executionStatus === 'Error') day.failures++;
    day.records += r.executionResult?.recordsProcessed ?? 0;
    daily.set(date, day);
  }
  const starts = runs.map((r) => time(r.startedAt)).filter((t) => t !== undefined);
  const done = successes + failures + cancellations;
  return {
    runs: runs.length,
    successes,
    failures,
    cancellations,
    inProgress: count('InProgress', 'CancelStarted'),
    successRate: done ? successes / done : null,
    duration: {
      p50: quantile(durations, 0.5),
      p95: quantile(durations, 0.95),
      max: durations.at(-1) ?? null,
    },
    records: volume((r) => r.executionResult?.recordsProcessed),
    bytes: volume((r) => r.executionResult?.bytesProcessed),
    lastError: lastFailed
      ? {
          message: lastFailed.executionResult?.errorInfo?.executionMessage ?? 'The run failed.',
          at: new Date(lastFailed.lastUpdatedAt ?? lastFailed.startedAt ?? 0),
          executionId: lastFailed.executionId ?? '',
        }
      : null,
    daily: [...daily.values()].sort((a, b) => a.date.localeCompare(b.date)),
    from: starts.length ? new Date(Math.min(...starts)) : null,
    to: starts.length ? new Date(Math.max(...starts)) : null,
    truncated,
  };
}

/** The stats of a flow's newest `last` runs (started at or after `since`). */
export async function flowRunStats(
  r: RequestReaders,
  listed: FlowModel,
  last: number,
  since: Date | undefined,
): Promise<FlowRunStats> {
  // A write's answer tells nothing of the runs: their fingerprint comes from DescribeFlow.
  const flow = listed.partial ? await flowDetail(r, listed) : listed;
  // A flow AppFlow reports as never run has no runs to read: no call.
  if (!flow.lastRunExecutionDetails?.mostRecentExecutionTime && flow.flowStatus) {
    return runStatsOf([], false);
  }
  const history = await r.reader.flows.history(
    flow.flowName,
    last,
    since,
    lastRunFingerprint(flow.lastRunExecutionDetails),
  );
  return runStatsOf(history.runs, history.truncated);
}

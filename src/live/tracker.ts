/**
 * What the live-status package moves around, and how it tells a real change from a repeat:
 * poll results (runs or a flow, as plain JSON so they cross Redis unchanged), their events, and
 * the fingerprints and trackers that drop what a subscriber already has.
 */
import type { Json } from './pubsub.js';

export type WatchKind = 'runs' | 'flow';

/** An ExecutionRecord as plain JSON (dates as ISO strings). */
export interface RunJson {
  executionId: string;
  executionStatus?: string;
  lastUpdatedAt?: string;
  startedAt?: string;
  executionResult?: Json;
  [member: string]: Json | undefined;
}

/** A DescribeFlow answer as plain JSON. */
export interface FlowJson {
  flowName: string;
  flowStatus?: string;
  flowStatusMessage?: string;
  [member: string]: Json | undefined;
}

export interface UpstreamError {
  /** Stable code, the same as the graph's `extensions.code` for AppFlow failures. */
  code: string;
  message: string;
  /** Throttling, 5xx, network: retried with backoff, never shown to subscribers. */
  retryable: boolean;
}

/** What one poll of a flow's runs found: the newest page (or the error that ended polling). */
export interface PolledRuns {
  kind: 'runs';
  flowName: string;
  polledAt: number;
  runs: RunJson[];
  /** More (older) runs exist beyond this page. */
  hasMore: boolean;
  error?: UpstreamError;
}

/** What one poll of a flow's status found. */
export interface PolledFlow {
  kind: 'flow';
  flowName: string;
  polledAt: number;
  flow: FlowJson | null;
  error?: UpstreamError;
}

export type PollResult = PolledRuns | PolledFlow;

/**
 * An event: the runs that changed since the previous poll (all of them after a new poller's
 * first poll: `full`), or the flow when its status changed, or a non-retryable error.
 */
export type RunsEvent = PolledRuns & { full: boolean };
export type FlowEvent = PolledFlow & { full: boolean };
export type PollEvent = RunsEvent | FlowEvent;

export const ACTIVE_STATUSES = new Set(['InProgress', 'CancelStarted']);
export const TERMINAL_STATUSES = new Set(['Successful', 'Error', 'Canceled']);

export function runFingerprint(run: RunJson): string {
  return `${run.executionStatus ?? ''}|${run.lastUpdatedAt ?? ''}|${JSON.stringify(run.executionResult ?? null)}`;
}

export function flowFingerprint(flow: FlowJson | null): string {
  return flow ? `${flow.flowStatus ?? ''}|${flow.flowStatusMessage ?? ''}` : 'missing';
}

/** The entries of a poll result, each with its fingerprint (a flow is one entry). */
export function fingerprints(result: PollResult): Map<string, string> {
  return result.kind === 'runs'
    ? new Map(result.runs.map((run) => [run.executionId, runFingerprint(run)]))
    : new Map([['flow', flowFingerprint(result.flow)]]);
}

/**
 * A subscriber's view of runs: drops what it already has (same fingerprint), older news (an
 * earlier lastUpdatedAt) and anything after a run's terminal status, so first state + events
 * never repeat and each run ends once.
 */
export class RunTracker {
  private readonly known = new Map<
    string,
    { fingerprint: string; updated: number; status: string }
  >();

  accept(runs: readonly RunJson[]): RunJson[] {
    const news: RunJson[] = [];
    for (const run of runs) {
      const fingerprint = runFingerprint(run);
      const previous = this.known.get(run.executionId);
      const updated = run.lastUpdatedAt ? Date.parse(run.lastUpdatedAt) : 0;
      const status = run.executionStatus ?? '';
      if (previous) {
        if (previous.fingerprint === fingerprint) continue;
        if (updated < previous.updated) continue;
        // A run's end is delivered once: a later report of it (another source's, a richer
        // record) is not news to a subscriber that has it.
        if (TERMINAL_STATUSES.has(previous.status)) continue;
      }
      this.known.set(run.executionId, { fingerprint, updated, status });
      news.push(run);
    }
    return news;
  }
}

/** A subscriber's view of flow statuses: each change once, and each flow's error once. */
export class FlowStatusTracker {
  private readonly known = new Map<string, string>();

  /** Remember a flow's status; true when it is news. */
  accept(flowName: string, flow: FlowJson | null): boolean {
    const fingerprint = flowFingerprint(flow);
    if (!flow || this.known.get(flowName) === fingerprint) return false;
    this.known.set(flowName, fingerprint);
    return true;
  }

  /** Remember that a flow failed; true the first time. */
  failed(flowName: string): boolean {
    if (this.known.get(flowName) === 'error') return false;
    this.known.set(flowName, 'error');
    return true;
  }

  /** The baseline: a status the subscriber already has (its first state), not news. */
  know(flowName: string, flow: FlowJson | null) {
    this.known.set(flowName, flowFingerprint(flow));
  }
}

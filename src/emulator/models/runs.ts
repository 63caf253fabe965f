/**
 * Flow runs (executions): starting them, moving them through the transition table of
 * run-states.ts, CancelFlowExecutions, DescribeFlowExecutionRecords, past runs for seed data,
 * and the control API's run outcome rules and eventual consistency.
 */
import { createHash, randomUUID } from 'node:crypto';
import { toSeconds } from '../clock.js';
import { type JsonObject, omitUndefined } from '../json.js';
import { paginate } from '../pagination.js';
import type { ModelEnv } from './env.js';
import {
  CANCELED_MESSAGE,
  type ExecutionStatus,
  INITIAL_STATUS,
  isActive,
  pathTo,
  type RunTransition,
  timedTransition,
  transition,
} from './run-states.js';

export type { ExecutionStatus };

export interface RunRecord {
  executionId: string;
  flowName: string;
  status: ExecutionStatus;
  startedAtMs: number;
  lastUpdatedAtMs: number;
  /** When the run takes its next timed transition (InProgress -> outcome, CancelStarted -> Canceled). */
  dueMs?: number;
  /** The final status the run is headed for once it is due. */
  outcome: 'Successful' | 'Error';
  message?: string;
  dataPullStartMs?: number;
  dataPullEndMs?: number;
  result: JsonObject;
  /** How many records the source entity gives this run through the flow's filters
   * (source-data.ts); its final statistics count them. */
  sourceRecords?: number;
  /** Eventual consistency: DescribeFlowExecutionRecords calls that still do not show it. */
  hiddenFor: number;
}

/** What a run needs of its flow (flows.ts's FlowRecord is one). */
export interface RunOwner {
  flowName: string;
  lastRun?: { status: ExecutionStatus; timeMs: number; message?: string };
  errorStreak: number;
}

export interface OutcomeRule {
  flowName?: string;
  outcome: 'Successful' | 'Error';
  /** Runs left to affect; null = until cleared. */
  remaining: number | null;
  message?: string;
}

export interface PastRun {
  status: ExecutionStatus;
  startedAtMs: number;
  durationMs?: number;
  message?: string;
  dataPullStartMs?: number;
  dataPullEndMs?: number;
  sourceRecords?: number;
}

export const DEFAULT_ERROR_MESSAGE =
  'Flow run failed, the source connector returned an error. Check the connector profile.';

/** Deterministic pseudo-random numbers from a string, for plausible run statistics. */
function seeded(key: string): () => number {
  let state = createHash('sha256').update(key).digest().readUInt32LE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

function finalResult(run: RunRecord, ok: boolean): JsonObject {
  const rnd = seeded(run.executionId);
  const records = run.sourceRecords ?? 100 + Math.floor(rnd() * 50_000);
  const bytes = records * (300 + Math.floor(rnd() * 700));
  const parallel = 1 + Math.floor(rnd() * 4);
  if (ok) {
    return {
      bytesProcessed: bytes,
      bytesWritten: Math.floor(bytes * 0.92),
      recordsProcessed: records,
      numParallelProcesses: parallel,
      maxPageSize: 2000,
    };
  }
  const done = Math.floor(records * rnd() * 0.5);
  return {
    bytesProcessed: records ? Math.floor((bytes * done) / records) : 0,
    bytesWritten: 0,
    recordsProcessed: done,
    numParallelProcesses: parallel,
    maxPageSize: 2000,
    errorInfo: {
      putFailuresCount: records - done,
      executionMessage: run.message ?? DEFAULT_ERROR_MESSAGE,
    },
  };
}

export class RunsModel {
  /** Runs per flow, oldest first. */
  byFlow = new Map<string, RunRecord[]>();
  outcomes: OutcomeRule[] = [];
  hideNewRunsForCalls = 0;

  constructor(
    private readonly env: ModelEnv,
    /** The flow of that name; throws ResourceNotFoundException when there is none. */
    private readonly owner: (flowName: string) => RunOwner,
  ) {}

  get runMs(): number {
    return (this.env.opts.runSeconds * 1000) / this.env.opts.timeScale;
  }

  get cancelMs(): number {
    return Math.min(1000, this.env.opts.runSeconds * 1000) / this.env.opts.timeScale;
  }

  of(flowName: string): RunRecord[] {
    return this.byFlow.get(flowName) ?? [];
  }

  hasActive(flowName: string): boolean {
    return this.of(flowName).some((r) => isActive(r.status));
  }

  private takeOutcome(flowName: string): { outcome: 'Successful' | 'Error'; message?: string } {
    const rule =
      this.outcomes.find((r) => r.flowName === flowName) ??
      this.outcomes.find((r) => r.flowName === undefined);
    if (!rule) return { outcome: 'Successful' };
    if (rule.remaining !== null) {
      rule.remaining--;
      if (rule.remaining <= 0) this.outcomes.splice(this.outcomes.indexOf(rule), 1);
    }
    return { outcome: rule.outcome, message: rule.message };
  }

  /** Start a run of `flow` at clock time `at` (a StartFlow, a schedule or an event). */
  start(
    flow: RunOwner,
    at: number,
    window: { startMs: number; endMs: number },
    sourceRecords?: number,
  ): RunRecord {
    const { outcome, message } = this.takeOutcome(flow.flowName);
    const run: RunRecord = {
      executionId: randomUUID(),
      flowName: flow.flowName,
      status: INITIAL_STATUS,
      startedAtMs: at,
      lastUpdatedAtMs: at,
      dueMs: at + this.runMs,
      outcome,
      message,
      dataPullStartMs: window.startMs,
      dataPullEndMs: window.endMs,
      result: { bytesProcessed: 0, bytesWritten: 0, recordsProcessed: 0 },
      sourceRecords,
      hiddenFor: this.hideNewRunsForCalls,
    };
    const runs = this.of(flow.flowName);
    runs.push(run);
    this.byFlow.set(flow.flowName, runs);
    flow.lastRun = { status: run.status, timeMs: at };
    this.env.touch();
    this.env.events?.runStarted(run);
    return run;
  }

  /** Apply one transition of the table to `run` at `at`; `flow` is told when the run is its
   * newest (lastRunExecutionDetails, error streak). */
  apply(run: RunRecord, t: RunTransition, at: number, flow?: RunOwner) {
    run.status = t.to;
    if (t.result !== 'keep') run.result = finalResult(run, t.result === 'success');
    run.lastUpdatedAtMs = at;
    run.dueMs = t.due === 'cancelDelay' ? at + this.cancelMs : undefined;
    this.env.touch();
    if (!flow) return;
    const message =
      t.flowMessage === 'runError'
        ? (run.message ?? DEFAULT_ERROR_MESSAGE)
        : t.flowMessage === 'canceled'
          ? CANCELED_MESSAGE
          : undefined;
    flow.lastRun = { status: run.status, timeMs: at, message };
    if (t.errorStreak === 'increment') flow.errorStreak++;
    else if (t.errorStreak === 'reset') flow.errorStreak = 0;
  }

  /** The earliest run of a flow due at or before `now`. */
  dueRun(flowName: string, now: number): RunRecord | undefined {
    let due: RunRecord | undefined;
    for (const r of this.of(flowName)) {
      if (r.dueMs !== undefined && r.dueMs <= now && (!due || r.dueMs < due.dueMs!)) due = r;
    }
    return due;
  }

  /** Take the timed transition of a due run (the clock's tick). Only the flow's newest run
   * speaks for it in lastRunExecutionDetails; returns whether this was that run. */
  advance(run: RunRecord, flow: RunOwner): boolean {
    const t = timedTransition(run.status, run.outcome);
    const at = run.dueMs ?? this.env.now;
    const newest = this.of(run.flowName).at(-1) === run;
    if (!t) {
      run.dueMs = undefined;
      return newest;
    }
    this.apply(run, t, at, newest ? flow : undefined);
    if (!isActive(run.status)) this.env.events?.runEnded(run);
    return newest;
  }

  nextDueMs(flowName: string): number | undefined {
    let next: number | undefined;
    for (const r of this.of(flowName)) {
      if (r.dueMs !== undefined && (next === undefined || r.dueMs < next)) next = r.dueMs;
    }
    return next;
  }

  private view(r: RunRecord): JsonObject {
    return omitUndefined({
      executionId: r.executionId,
      executionStatus: r.status,
      executionResult: r.result,
      startedAt: toSeconds(r.startedAtMs),
      lastUpdatedAt: toSeconds(r.lastUpdatedAtMs),
      dataPullStartTime: r.dataPullStartMs !== undefined ? toSeconds(r.dataPullStartMs) : undefined,
      dataPullEndTime: r.dataPullEndMs !== undefined ? toSeconds(r.dataPullEndMs) : undefined,
    });
  }

  describeFlowExecutionRecords(input: {
    flowName: string;
    maxResults?: number;
    nextToken?: string;
  }) {
    const flow = this.owner(input.flowName);
    const all = [...this.of(flow.flowName)].reverse();
    // Eventual consistency (off unless configured): a new run stays invisible for a while.
    const hidden = all.filter((r) => r.hiddenFor > 0);
    const { page, nextToken } = paginate(
      'DescribeFlowExecutionRecords',
      { flowName: flow.flowName },
      all.filter((r) => r.hiddenFor === 0),
      input.maxResults,
      input.nextToken,
    );
    // Only an answered call counts against the runs it did not show.
    for (const r of hidden) r.hiddenFor--;
    if (hidden.length) this.env.touch();
    return omitUndefined({ flowExecutions: page.map((r) => this.view(r)), nextToken });
  }

  cancelFlowExecutions(input: { flowName: string; executionIds?: string[] }) {
    const flow = this.owner(input.flowName);
    const runs = this.of(flow.flowName);
    const cancelable = (r: RunRecord | undefined) => !!r && !!transition(r.status, 'cancel');
    const invalidExecutions: string[] = [];
    const targets: RunRecord[] = [];
    if (!input.executionIds?.length) {
      targets.push(...runs.filter(cancelable));
    } else {
      for (const id of input.executionIds) {
        const run = runs.find((r) => r.executionId === id);
        if (run && cancelable(run)) targets.push(run);
        else invalidExecutions.push(id);
      }
    }
    const now = this.env.now;
    for (const run of targets) {
      this.apply(run, transition(run.status, 'cancel')!, now, flow);
    }
    return { invalidExecutions };
  }

  /** Add a past run (seed data): started at `startedAtMs`, walked along the table to its
   * status; a run still InProgress finishes when its duration is over. */
  import(flow: RunOwner, spec: PastRun): RunRecord {
    const path = pathTo(spec.status);
    if (!path) throw new Error(`No run reaches status ${spec.status}`);
    const runs = this.of(flow.flowName);
    const end = spec.startedAtMs + (spec.durationMs ?? 60_000);
    const run: RunRecord = {
      executionId: randomUUID(),
      flowName: flow.flowName,
      status: INITIAL_STATUS,
      startedAtMs: spec.startedAtMs,
      lastUpdatedAtMs: spec.startedAtMs,
      outcome: spec.status === 'Error' ? 'Error' : 'Successful',
      message: spec.message,
      dataPullStartMs:
        spec.dataPullStartMs ?? runs.at(-1)?.dataPullEndMs ?? spec.startedAtMs - 3_600_000,
      dataPullEndMs: spec.dataPullEndMs ?? spec.startedAtMs,
      result: { bytesProcessed: 0, bytesWritten: 0, recordsProcessed: 0 },
      sourceRecords: spec.sourceRecords,
      hiddenFor: 0,
    };
    runs.push(run);
    runs.sort((a, b) => a.startedAtMs - b.startedAtMs);
    this.byFlow.set(flow.flowName, runs);
    const latest = runs.at(-1) === run;
    if (latest) flow.lastRun = { status: run.status, timeMs: spec.startedAtMs };
    if (path.length === 0) {
      run.dueMs = Math.max(end, this.env.now);
    }
    for (const t of path) this.apply(run, t, end, latest ? flow : undefined);
    this.env.touch();
    return run;
  }

  setOutcome(rule: OutcomeRule) {
    this.outcomes = this.outcomes.filter((r) => r.flowName !== rule.flowName);
    this.outcomes.push(rule);
    this.env.touch();
  }

  clearOutcomes() {
    this.outcomes = [];
    this.env.touch();
  }

  setHideNewRuns(calls: number) {
    this.hideNewRunsForCalls = calls;
    this.env.touch();
  }

  clear() {
    this.byFlow.clear();
    this.outcomes = [];
    this.hideNewRunsForCalls = 0;
  }
}

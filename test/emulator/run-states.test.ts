import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/emulator/clock.js';
import {
  type ExecutionStatus,
  INITIAL_STATUS,
  isActive,
  pathTo,
  RUN_TRANSITIONS,
  timedTransition,
  transition,
} from '../../src/emulator/models/run-states.js';
import type { RunOwner } from '../../src/emulator/models/runs.js';
import { Store } from '../../src/emulator/store.js';
import { enumValues } from '../../src/model/model.js';

const statuses = enumValues('ExecutionStatus') as ExecutionStatus[];

describe('run transition table', () => {
  it('covers exactly the ExecutionStatus values of the model', () => {
    const used = new Set(RUN_TRANSITIONS.flatMap((t) => [t.from, t.to]));
    expect([...used].sort()).toEqual([...statuses].sort());
  });

  it('has the documented transitions and nothing else', () => {
    expect(RUN_TRANSITIONS.map((t) => `${t.from} -${t.event}-> ${t.to}`)).toEqual([
      'InProgress -succeed-> Successful',
      'InProgress -fail-> Error',
      'InProgress -cancel-> CancelStarted',
      'CancelStarted -complete-> Canceled',
    ]);
  });

  it('only in-progress runs can be cancelled; final statuses go nowhere', () => {
    for (const s of statuses) {
      expect(transition(s, 'cancel') !== undefined, s).toBe(s === 'InProgress');
    }
    expect(statuses.filter(isActive).sort()).toEqual(['CancelStarted', 'InProgress']);
    for (const s of ['Successful', 'Error', 'Canceled'] as const) {
      expect(RUN_TRANSITIONS.some((t) => t.from === s)).toBe(false);
    }
  });

  it('a due run goes to its planned outcome; a cancelled one completes', () => {
    expect(timedTransition('InProgress', 'Successful')?.to).toBe('Successful');
    expect(timedTransition('InProgress', 'Error')?.to).toBe('Error');
    expect(timedTransition('CancelStarted', 'Successful')?.to).toBe('Canceled');
    expect(timedTransition('Canceled', 'Successful')).toBeUndefined();
  });

  it('every status is reachable from InProgress (past runs are imported along the table)', () => {
    expect(INITIAL_STATUS).toBe('InProgress');
    expect(pathTo('InProgress')).toEqual([]);
    expect(pathTo('Canceled')?.map((t) => t.event)).toEqual(['cancel', 'complete']);
    for (const s of statuses) expect(pathTo(s), s).toBeDefined();
  });

  it('what each transition does: results, due times, streaks and messages', () => {
    const t0 = Date.UTC(2025, 0, 1);
    const clock = new Clock(() => t0);
    const store = new Store({
      region: 'us-east-1',
      accountId: '123456789012',
      runSeconds: 10,
      timeScale: 1,
      clock,
    });
    const flow: RunOwner = { flowName: 'f', errorStreak: 2 };
    const window = { startMs: t0 - 1000, endMs: t0 };
    const run = store.runs.start(flow, t0, window);
    expect(run.status).toBe('InProgress');
    expect(run.dueMs).toBe(t0 + 10_000);
    expect(flow.lastRun).toEqual({ status: 'InProgress', timeMs: t0 });

    store.runs.apply(run, transition('InProgress', 'fail')!, t0 + 10_000, flow);
    expect(run.status).toBe('Error');
    expect(run.dueMs).toBeUndefined();
    expect(run.result.errorInfo).toBeDefined();
    expect(flow.errorStreak).toBe(3);
    expect(flow.lastRun).toMatchObject({ status: 'Error', timeMs: t0 + 10_000 });
    expect(flow.lastRun?.message).toMatch(/failed/);

    const ok = store.runs.start(flow, t0 + 20_000, window);
    store.runs.apply(ok, transition('InProgress', 'succeed')!, t0 + 30_000, flow);
    expect(ok.result.recordsProcessed).toBeGreaterThan(0);
    expect(ok.result.errorInfo).toBeUndefined();
    expect(flow.errorStreak).toBe(0);

    const c = store.runs.start(flow, t0 + 40_000, window);
    store.runs.apply(c, transition('InProgress', 'cancel')!, t0 + 41_000, flow);
    expect(c.status).toBe('CancelStarted');
    expect(c.dueMs).toBe(t0 + 42_000);
    expect(c.result).toEqual({ bytesProcessed: 0, bytesWritten: 0, recordsProcessed: 0 });
    store.runs.advance(c, flow);
    expect(c.status).toBe('Canceled');
    expect(c.lastUpdatedAtMs).toBe(t0 + 42_000);
    expect(flow.lastRun).toEqual({
      status: 'Canceled',
      timeMs: t0 + 42_000,
      message: 'Flow run was canceled',
    });
    expect(flow.errorStreak).toBe(0);
  });
});

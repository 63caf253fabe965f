/**
 * The run state machine as data (the way moto's glue models keep transitions): every status a
 * flow execution can have, the events that move it, and what each transition does. Start,
 * finish, cancel, import and the clock's tick all go through this one table.
 *
 * The API reference: a run is InProgress, then Successful or Error; CancelFlowExecutions moves
 * runs that are in progress to CancelStarted, and AppFlow then to Canceled; only in-progress
 * runs can be cancelled.
 */
export type ExecutionStatus = 'InProgress' | 'Successful' | 'Error' | 'CancelStarted' | 'Canceled';

/** succeed/fail/complete happen by themselves when the run is due; cancel is requested. */
export type RunEvent = 'succeed' | 'fail' | 'cancel' | 'complete';

export interface RunTransition {
  from: ExecutionStatus;
  event: RunEvent;
  to: ExecutionStatus;
  /** Happens by itself at the run's due time (the clock's tick), not on request. */
  timed: boolean;
  /** What executionResult becomes: final statistics, partial ones with errorInfo, or as it was. */
  result: 'success' | 'failure' | 'keep';
  /** When the run is due next: after the cancel delay, or never (a final status). */
  due: 'cancelDelay' | 'none';
  /** The flow's lastRunExecutionDetails message for the new status. */
  flowMessage: 'runError' | 'canceled' | 'none';
  /** The flow's count of consecutive failed runs (flowErrorDeactivationThreshold). */
  errorStreak: 'reset' | 'increment' | 'keep';
}

export const RUN_TRANSITIONS: readonly RunTransition[] = [
  {
    from: 'InProgress',
    event: 'succeed',
    to: 'Successful',
    timed: true,
    result: 'success',
    due: 'none',
    flowMessage: 'none',
    errorStreak: 'reset',
  },
  {
    from: 'InProgress',
    event: 'fail',
    to: 'Error',
    timed: true,
    result: 'failure',
    due: 'none',
    flowMessage: 'runError',
    errorStreak: 'increment',
  },
  {
    from: 'InProgress',
    event: 'cancel',
    to: 'CancelStarted',
    timed: false,
    result: 'keep',
    due: 'cancelDelay',
    flowMessage: 'none',
    errorStreak: 'keep',
  },
  {
    from: 'CancelStarted',
    event: 'complete',
    to: 'Canceled',
    timed: true,
    result: 'keep',
    due: 'none',
    flowMessage: 'canceled',
    errorStreak: 'keep',
  },
];

/** Where every run starts (StartFlow, a schedule, an event, an imported past run). */
export const INITIAL_STATUS: ExecutionStatus = 'InProgress';

export const CANCELED_MESSAGE = 'Flow run was canceled';

export function transition(from: ExecutionStatus, event: RunEvent): RunTransition | undefined {
  return RUN_TRANSITIONS.find((t) => t.from === from && t.event === event);
}

/** A status with somewhere to go is active (DeleteFlow needs forceDelete while one is). */
export function isActive(status: ExecutionStatus): boolean {
  return RUN_TRANSITIONS.some((t) => t.from === status);
}

/** The timed transition a run due now takes: toward its planned outcome when it has a choice. */
export function timedTransition(
  from: ExecutionStatus,
  outcome: ExecutionStatus,
): RunTransition | undefined {
  const timed = RUN_TRANSITIONS.filter((t) => t.from === from && t.timed);
  return timed.find((t) => t.to === outcome) ?? (timed.length === 1 ? timed[0] : undefined);
}

/** The transitions from the initial status to `target` (for importing a past run), shortest. */
export function pathTo(target: ExecutionStatus): RunTransition[] | undefined {
  const queue: { at: ExecutionStatus; path: RunTransition[] }[] = [
    { at: INITIAL_STATUS, path: [] },
  ];
  const seen = new Set<ExecutionStatus>([INITIAL_STATUS]);
  while (queue.length) {
    const { at, path } = queue.shift()!;
    if (at === target) return path;
    for (const t of RUN_TRANSITIONS.filter((x) => x.from === at && !seen.has(x.to))) {
      seen.add(t.to);
      queue.push({ at: t.to, path: [...path, t] });
    }
  }
  return undefined;
}

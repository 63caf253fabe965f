/** Status badges for runs and flows, and the elapsed time of a run in progress. */
import { useEffect, useState } from 'react';

const ACTIVE = new Set(['InProgress', 'CancelStarted']);

export function Elapsed({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.round((now - Date.parse(since)) / 1000));
  const text =
    seconds < 60
      ? `${seconds}s`
      : `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
  return <span className="elapsed">{text}</span>;
}

export interface RunView {
  executionId?: string | null;
  executionStatus?: string | null;
  startedAt?: string | null;
}

/** The last run's status; while the run is going, how long it has been going. */
export function RunStatus({ run, testId }: { run: RunView | null | undefined; testId?: string }) {
  if (!run?.executionStatus) {
    return (
      <span className="badge none" data-testid={testId}>
        no runs
      </span>
    );
  }
  const status = run.executionStatus;
  return (
    <span
      className={`badge run-${status}`}
      data-testid={testId}
      data-status={status}
      data-execution={run.executionId ?? undefined}
    >
      {status}
      {ACTIVE.has(status) && run.startedAt ? (
        <>
          {' '}
          <Elapsed since={run.startedAt} />
        </>
      ) : null}
    </span>
  );
}

export function FlowStatus({ status }: { status: string | null | undefined }) {
  return <span className={`badge flow-${status ?? 'unknown'}`}>{status ?? 'unknown'}</span>;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

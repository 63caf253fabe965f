/**
 * Start, stop and cancel through the mutations, and the current run followed live over
 * graphql-ws (executionUpdated). Each start carries an idempotency key, kept until the
 * gateway answers, so retrying after a network failure cannot start a second run. Errors are
 * shown as the mutation returns them (the error type and its message).
 */
import { useEffect, useState } from 'react';
import { type CombinedError, useMutation, useSubscription } from 'urql';
import { RequestError } from '../components/errors';
import { RunStatus } from '../components/status';
import {
  CancelFlowRunDocument,
  FollowRunDocument,
  StartFlowRunDocument,
  StopFlowRunDocument,
} from '../gql/graphql';

const ACTIVE = new Set(['InProgress', 'CancelStarted']);

interface Outcome {
  ok: boolean;
  text: string;
  details?: string[];
}

/** A typed payload union as one line: success, or `ErrorType: message`. */
function outcomeOf(
  payload:
    | { __typename?: string; message?: string; fieldErrors?: { path: string[]; message: string }[] }
    | null
    | undefined,
  success: string,
  okText: string,
): Outcome | undefined {
  if (!payload) return undefined;
  if (payload.__typename === success) return { ok: true, text: okText };
  return {
    ok: false,
    text: `${payload.__typename}: ${payload.message ?? ''}`,
    details: payload.fieldErrors?.map((e) => `${e.path.join('.')}: ${e.message}`),
  };
}

function Follow({
  flowName,
  executionId,
  cancelStarted,
  initialStatus,
}: {
  flowName: string;
  executionId: string;
  /** cancelFlowExecutions answered CancelStarted (the stream may skip the short state). */
  cancelStarted: boolean;
  /** The status the mutation (or the flow's last run) reported before the stream's first event. */
  initialStatus: string | undefined;
}) {
  const [{ data, error }] = useSubscription({
    query: FollowRunDocument,
    variables: { flowName, executionId },
  });
  const run = data?.executionUpdated;
  const streamed = run?.executionStatus ?? initialStatus ?? 'InProgress';
  const status = cancelStarted && streamed === 'InProgress' ? 'CancelStarted' : streamed;
  return (
    <div className="current-run">
      Run <code>{executionId}</code>:{' '}
      <RunStatus
        run={{ ...run, startedAt: run?.startedAt, executionStatus: status }}
        testId="current-run-status"
      />
      {run?.executionResult?.recordsProcessed != null ? (
        <span className="muted"> {run.executionResult.recordsProcessed} records</span>
      ) : null}
      {run?.executionResult?.errorInfo?.executionMessage ? (
        <div className="error">{run.executionResult.errorInfo.executionMessage}</div>
      ) : null}
      <RequestError error={error} />
    </div>
  );
}

export function FlowControls({
  flowName,
  triggerType,
  lastRun,
}: {
  flowName: string;
  triggerType: string | null | undefined;
  lastRun: { executionId?: string | null; executionStatus?: string | null } | null | undefined;
}) {
  const [followed, setFollowed] = useState<string | undefined>();
  const [initialStatus, setInitialStatus] = useState<string | undefined>();
  const [cancelStarted, setCancelStarted] = useState<string | undefined>();
  const [pendingKey, setPendingKey] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [requestError, setRequestError] = useState<CombinedError | undefined>();
  const [start, startFlow] = useMutation(StartFlowRunDocument);
  const [stop, stopFlow] = useMutation(StopFlowRunDocument);
  const [cancel, cancelRun] = useMutation(CancelFlowRunDocument);

  // A run already going when the page opens is followed too.
  useEffect(() => {
    if (!followed && lastRun?.executionId && ACTIVE.has(lastRun.executionStatus ?? '')) {
      setFollowed(lastRun.executionId);
      setInitialStatus(lastRun.executionStatus ?? undefined);
    }
  }, [followed, lastRun]);

  const onStart = async () => {
    const idempotencyKey = pendingKey ?? crypto.randomUUID();
    setPendingKey(idempotencyKey);
    const result = await startFlow({ flowName, idempotencyKey });
    setRequestError(result.error);
    // A network failure keeps the key: pressing Start again retries the same start.
    if (result.error && !result.data) return;
    setPendingKey(undefined);
    const payload = result.data?.startFlow;
    const execution = payload?.__typename === 'StartFlowSuccess' ? payload.execution : undefined;
    setOutcome(
      outcomeOf(
        payload,
        'StartFlowSuccess',
        execution ? `Started run ${execution.executionId}` : 'Activated',
      ),
    );
    if (execution?.executionId) {
      setFollowed(execution.executionId);
      setInitialStatus(execution.executionStatus ?? undefined);
    }
  };
  const onStop = async () => {
    const result = await stopFlow({ flowName });
    setRequestError(result.error);
    setOutcome(outcomeOf(result.data?.stopFlow, 'StopFlowSuccess', 'Deactivated'));
  };
  const onCancel = async () => {
    const result = await cancelRun({ flowName, executionIds: followed ? [followed] : null });
    setRequestError(result.error);
    const payload = result.data?.cancelFlowExecutions;
    const invalid =
      payload?.__typename === 'CancelFlowExecutionsSuccess' && payload.invalidExecutionIds.length
        ? ` (not cancellable: ${payload.invalidExecutionIds.join(', ')})`
        : '';
    setOutcome(outcomeOf(payload, 'CancelFlowExecutionsSuccess', `Cancellation started${invalid}`));
    if (payload?.__typename === 'CancelFlowExecutionsSuccess') {
      const started = payload.cancelledExecutions.find((r) => r.executionId === followed);
      if (started) setCancelStarted(started.executionId ?? undefined);
    }
  };

  return (
    <div className="controls">
      <button type="button" onClick={onStart} disabled={start.fetching} data-testid="start">
        {triggerType === 'OnDemand' ? 'Run now' : 'Activate'}
      </button>
      <button type="button" onClick={onStop} disabled={stop.fetching} data-testid="stop">
        Stop
      </button>
      <button type="button" onClick={onCancel} disabled={cancel.fetching} data-testid="cancel">
        Cancel run
      </button>
      {outcome ? (
        <div className={outcome.ok ? 'ok' : 'error'} data-testid="mutation-outcome" role="status">
          {outcome.text}
          {outcome.details?.map((d) => (
            <div key={d}>{d}</div>
          ))}
        </div>
      ) : null}
      <RequestError error={requestError} />
      {followed ? (
        <Follow
          key={followed}
          flowName={flowName}
          executionId={followed}
          cancelStarted={cancelStarted === followed}
          initialStatus={initialStatus}
        />
      ) : null}
    </div>
  );
}

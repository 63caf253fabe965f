/**
 * Flow detail: the definition (source, destination, tasks, schedule), its profiles and
 * connectors, the controls and the followed run, charts from runStats, and the run history
 * one page at a time.
 */
import { useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { RequestError } from '../components/errors';
import { FlowStatus, formatTime, RunStatus } from '../components/status';
import { FlowDetailDocument, FlowRunHistoryDocument } from '../gql/graphql';
import { FlowControls } from './FlowControls';
import { RunCharts } from './RunCharts';

const PAGE = 10;

function RunHistory({ flowName }: { flowName: string }) {
  // Cursors of the pages seen so far: back is the previous cursor, next the page's endCursor.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }] = useQuery({
    query: FlowRunHistoryDocument,
    variables: { flowName, first: PAGE, after },
  });
  const page = data?.flow?.executions;
  return (
    <section>
      <h2>Runs</h2>
      <RequestError error={error} />
      <table className="grid" data-testid="run-history">
        <thead>
          <tr>
            <th>Run</th>
            <th>Status</th>
            <th>Started</th>
            <th>Records</th>
            <th>Bytes</th>
            <th>Message</th>
          </tr>
        </thead>
        <tbody>
          {page?.edges.map(({ node: run }) => (
            <tr key={run.id} data-testid="run-row">
              <td>
                <code>{run.executionId}</code>
              </td>
              <td>
                <RunStatus run={run} />
              </td>
              <td>{formatTime(run.startedAt)}</td>
              <td>{run.executionResult?.recordsProcessed ?? ''}</td>
              <td>{run.executionResult?.bytesProcessed ?? ''}</td>
              <td className="muted">{run.executionResult?.errorInfo?.executionMessage ?? ''}</td>
            </tr>
          ))}
          {page && page.edges.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                No runs yet.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <div className="pager">
        <button
          type="button"
          disabled={cursors.length === 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          Newer
        </button>
        <span className="muted">
          Page {cursors.length}
          {fetching ? ' …' : ''}
        </span>
        <button
          type="button"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() =>
            page?.pageInfo.endCursor && setCursors((c) => [...c, page.pageInfo.endCursor!])
          }
        >
          Older
        </button>
      </div>
    </section>
  );
}

type Profile = {
  id: string;
  connectorProfileName: string;
  connectorType?: string | null;
  connectionMode?: string | null;
};
type Connector = {
  id: string;
  connectorType: string;
  connectorName?: string | null;
  connectorLabel?: string | null;
};

function Linked({ profiles, connectors }: { profiles: Profile[]; connectors: Connector[] }) {
  return (
    <div className="linked">
      <div>
        <h3>Connector profiles</h3>
        <ul>
          {profiles.map((p) => (
            <li key={p.id}>
              <Link href={`/profiles/${encodeURIComponent(p.connectorProfileName)}`}>
                {p.connectorProfileName}
              </Link>{' '}
              <span className="muted">
                {p.connectorType} · {p.connectionMode}
              </span>
            </li>
          ))}
          {profiles.length === 0 ? (
            <li className="muted">none (connectors without profiles)</li>
          ) : null}
        </ul>
      </div>
      <div>
        <h3>Connectors</h3>
        <ul>
          {connectors.map((c) => (
            <li key={c.id}>
              {c.connectorName ?? c.connectorType}{' '}
              <span className="muted">
                {c.connectorType}
                {c.connectorLabel ? ` (${c.connectorLabel})` : ''}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function FlowDetail({ flowName }: { flowName: string }) {
  const [{ data, fetching, error }] = useQuery({
    query: FlowDetailDocument,
    variables: { flowName },
  });
  const flow = data?.flow;
  if (!flow) {
    return (
      <section>
        <h1>{flowName}</h1>
        <RequestError error={error} />
        {fetching ? <p className="muted">Loading…</p> : data ? <p>No such flow.</p> : null}
      </section>
    );
  }
  const schedule = flow.triggerConfig?.triggerProperties?.Scheduled;
  const profiles = [flow.sourceConnectorProfile, ...flow.destinationConnectorProfiles].filter(
    (p): p is NonNullable<typeof p> => Boolean(p),
  );
  const connectors = [flow.sourceConnector, ...flow.destinationConnectors].filter(
    (c): c is NonNullable<typeof c> => Boolean(c),
  );
  return (
    <section>
      <h1>
        {flow.flowName} <FlowStatus status={flow.flowStatus} />{' '}
        <RunStatus run={flow.lastExecution} testId="detail-run-status" />
      </h1>
      {flow.description ? <p>{flow.description}</p> : null}
      {flow.flowStatusMessage ? <p className="error">{flow.flowStatusMessage}</p> : null}
      <FlowControls
        flowName={flow.flowName}
        triggerType={flow.triggerType}
        lastRun={flow.lastExecution}
      />
      <dl className="definition">
        <dt>Trigger</dt>
        <dd>
          {flow.triggerType}
          {schedule
            ? ` · ${schedule.scheduleExpression} (${schedule.dataPullMode ?? 'Complete'}${schedule.timezone ? `, ${schedule.timezone}` : ''})`
            : ''}
        </dd>
        <dt>Source</dt>
        <dd>
          {flow.sourceFlowConfig?.connectorType} {flow.sourceFlowConfig?.connectorProfileName ?? ''}
        </dd>
        <dt>Destination</dt>
        <dd>
          {flow.destinationFlowConfigList
            ?.map((d) => `${d.connectorType} ${d.connectorProfileName ?? ''}`)
            .join(', ')}
        </dd>
        <dt>Created</dt>
        <dd>{formatTime(flow.createdAt)}</dd>
        <dt>Updated</dt>
        <dd>{formatTime(flow.lastUpdatedAt)}</dd>
        <dt>ARN</dt>
        <dd>
          <code>{flow.flowArn}</code>
        </dd>
      </dl>
      <h2>Tasks</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>Type</th>
            <th>Source fields</th>
            <th>Destination field</th>
          </tr>
        </thead>
        <tbody>
          {flow.tasks?.map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: tasks have no id; their order is the definition's
            <tr key={i}>
              <td>{t.taskType}</td>
              <td>{t.sourceFields?.join(', ')}</td>
              <td>{t.destinationField}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Linked profiles={profiles} connectors={connectors} />
      <RunCharts flowName={flow.flowName} />
      <RunHistory flowName={flow.flowName} />
    </section>
  );
}

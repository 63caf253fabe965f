/**
 * Fleet overview: every flow with its last run (live: the app-wide flowRunEvents subscription
 * updates the cached flows), trigger and connectors. Status, trigger, connector and tag filter
 * on the server (FlowFilter); search filters the loaded rows by name and description.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { RequestError } from '../components/errors';
import { FlowStatus, RunStatus } from '../components/status';
import {
  type ConnectorType,
  type FleetFlowFragment,
  FleetFlowsDocument,
  type FlowFilter,
  type FlowStatus as FlowStatusValue,
  type TriggerType,
} from '../gql/graphql';

const STATUSES: FlowStatusValue[] = ['Active', 'Draft', 'Suspended', 'Errored', 'Deprecated'];
const TRIGGERS: TriggerType[] = ['OnDemand', 'Scheduled', 'Event'];

/** First time the fleet shows rows: measured by the browser test. */
let measured = false;
function markFirstRender(rows: number) {
  if (measured || rows === 0) return;
  measured = true;
  performance.mark('fleet-rendered', { detail: { rows } });
}

interface Filters {
  status: string;
  trigger: string;
  connector: string;
  tag: string;
  search: string;
}

function toFlowFilter(f: Filters): FlowFilter | null {
  const filter: FlowFilter = {};
  if (f.status) filter.status = [f.status as FlowStatusValue];
  if (f.trigger) filter.triggerType = [f.trigger as TriggerType];
  if (f.connector) filter.connectorType = [f.connector as ConnectorType];
  const tag = f.tag.trim();
  if (tag) {
    const [key, ...value] = tag.split('=');
    filter.tag = value.length ? { key: key.trim(), value: value.join('=').trim() } : { key };
  }
  return Object.keys(filter).length ? filter : null;
}

function matches(flow: FleetFlowFragment, search: string): boolean {
  if (!search) return true;
  const q = search.toLowerCase();
  return (
    flow.flowName.toLowerCase().includes(q) || (flow.description ?? '').toLowerCase().includes(q)
  );
}

/** ListFlows' last-run summary; while a run is going its time is when the run started. */
function lastRunOf(flow: FleetFlowFragment) {
  const details = flow.lastRunExecutionDetails;
  if (!details?.mostRecentExecutionStatus) return undefined;
  return {
    executionStatus: details.mostRecentExecutionStatus,
    startedAt: details.mostRecentExecutionTime,
  };
}

function FlowRow({ flow }: { flow: FleetFlowFragment }) {
  return (
    <tr data-testid="fleet-row" data-flow={flow.flowName}>
      <td>
        <Link href={`/flows/${encodeURIComponent(flow.flowName)}`}>{flow.flowName}</Link>
        {flow.description ? <div className="muted">{flow.description}</div> : null}
      </td>
      <td>
        <RunStatus run={lastRunOf(flow)} testId="fleet-run-status" />
      </td>
      <td>
        <FlowStatus status={flow.flowStatus} />
      </td>
      <td>{flow.triggerType}</td>
      <td>
        {flow.sourceConnectorType ?? '?'} → {flow.destinationConnectorType ?? '?'}
      </td>
      <td>
        {(flow.tags ?? []).map((t) => (
          <span className="tag" key={t.key}>
            {t.key}
            {t.value ? `=${t.value}` : ''}
          </span>
        ))}
      </td>
    </tr>
  );
}

/** One page of the fleet; "more" appends the next page (urql's page-per-query pattern). */
function FleetPage({
  filter,
  after,
  search,
  isLast,
  onMore,
  onTypes,
}: {
  filter: FlowFilter | null;
  after: string | null;
  search: string;
  isLast: boolean;
  onMore: (cursor: string) => void;
  onTypes: (types: string[]) => void;
}) {
  const [{ data, fetching, error }] = useQuery({
    query: FleetFlowsDocument,
    variables: { first: 100, after, filter },
  });
  const flows = useMemo(() => data?.flows?.edges.map((e) => e.node) ?? [], [data]);
  const shown = flows.filter((f) => matches(f, search));
  useEffect(() => {
    markFirstRender(shown.length);
    onTypes(
      flows
        .flatMap((f) => [f.sourceConnectorType, f.destinationConnectorType])
        .filter(Boolean) as string[],
    );
  }, [flows, shown.length, onTypes]);
  const pageInfo = data?.flows?.pageInfo;
  return (
    <>
      {shown.map((flow) => (
        <FlowRow flow={flow} key={flow.id} />
      ))}
      {error || (fetching && !data) || (isLast && pageInfo?.hasNextPage) ? (
        <tr>
          <td colSpan={6}>
            <RequestError error={error} />
            {fetching && !data ? <span className="muted">Loading flows…</span> : null}
            {isLast && pageInfo?.hasNextPage && pageInfo.endCursor ? (
              <button type="button" onClick={() => onMore(pageInfo.endCursor!)}>
                More flows
              </button>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function Fleet() {
  const [filters, setFilters] = useState<Filters>({
    status: '',
    trigger: '',
    connector: '',
    tag: '',
    search: '',
  });
  const [tagDraft, setTagDraft] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [connectorTypes, setConnectorTypes] = useState<string[]>([]);
  const filter = useMemo(() => toFlowFilter(filters), [filters]);
  const onTypes = useMemo(
    () => (types: string[]) =>
      setConnectorTypes((known) => {
        const merged = [...new Set([...known, ...types])].sort();
        return merged.length === known.length ? known : merged;
      }),
    [],
  );
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    if (!('search' in patch)) setCursors([null]);
  };
  return (
    <section>
      <h1>Flows</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          set({ tag: tagDraft });
        }}
      >
        <input
          type="search"
          placeholder="Search name or description"
          aria-label="Search"
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
        />
        <select
          aria-label="Status"
          value={filters.status}
          onChange={(e) => set({ status: e.target.value })}
        >
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select
          aria-label="Trigger"
          value={filters.trigger}
          onChange={(e) => set({ trigger: e.target.value })}
        >
          <option value="">Any trigger</option>
          {TRIGGERS.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select
          aria-label="Connector"
          value={filters.connector}
          onChange={(e) => set({ connector: e.target.value })}
        >
          <option value="">Any connector</option>
          {connectorTypes.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <input
          placeholder="tag key or key=value"
          aria-label="Tag"
          value={tagDraft}
          onChange={(e) => setTagDraft(e.target.value)}
          onBlur={() => set({ tag: tagDraft })}
          // The form has several fields and no submit button: Enter does not submit by itself.
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              set({ tag: tagDraft });
            }
          }}
        />
      </form>
      <table className="grid" data-testid="fleet">
        <thead>
          <tr>
            <th>Flow</th>
            <th>Last run</th>
            <th>Flow status</th>
            <th>Trigger</th>
            <th>Source → destination</th>
            <th>Tags</th>
          </tr>
        </thead>
        <tbody>
          {cursors.map((after, i) => (
            <FleetPage
              key={after ?? 'first'}
              filter={filter}
              after={after}
              search={filters.search}
              isLast={i === cursors.length - 1}
              onMore={(cursor) => setCursors((c) => [...c, cursor])}
              onTypes={onTypes}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Connector profiles and connectors, each with the flows that use it. A profile lists its
 * flows through ConnectorProfile.flows; Connector has no flows field, so a connector's flows are
 * the fleet's flows whose source or destination is of its type (read from the cache the fleet
 * view fills, or fetched once).
 */
import { useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { RequestError } from '../components/errors';
import { formatTime } from '../components/status';
import {
  ConnectorsListDocument,
  type ConnectorType,
  FleetFlowsDocument,
  ProfilesListDocument,
} from '../gql/graphql';

const flowLink = (name: string) => (
  <Link key={name} href={`/flows/${encodeURIComponent(name)}`} className="flow-link">
    {name}
  </Link>
);

/** The profiles; `selected` (from a flow's page) is marked and scrolled to. */
export function Profiles({ selected }: { selected?: string }) {
  const [{ data, error, fetching }] = useQuery({ query: ProfilesListDocument });
  useEffect(() => {
    if (selected && data) document.getElementById(`profile-${selected}`)?.scrollIntoView();
  }, [selected, data]);
  return (
    <section>
      <h1>Connector profiles</h1>
      <RequestError error={error} />
      {fetching && !data ? <p className="muted">Loading…</p> : null}
      <table className="grid" data-testid="profiles">
        <thead>
          <tr>
            <th>Profile</th>
            <th>Connector</th>
            <th>Mode</th>
            <th>Created</th>
            <th>Flows using it</th>
          </tr>
        </thead>
        <tbody>
          {data?.connectorProfiles?.edges.map(({ node: p }) => (
            <tr
              key={p.id}
              id={`profile-${p.connectorProfileName}`}
              className={p.connectorProfileName === selected ? 'selected' : undefined}
              data-testid="profile-row"
            >
              <td>{p.connectorProfileName}</td>
              <td>
                {p.connectorType}
                {p.connectorLabel ? ` (${p.connectorLabel})` : ''}
              </td>
              <td>{p.connectionMode}</td>
              <td>{formatTime(p.createdAt)}</td>
              <td>
                {p.flows.edges.length ? (
                  p.flows.edges.map((e) => flowLink(e.node.flowName))
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Connectors() {
  const [fleet] = useQuery({
    query: FleetFlowsDocument,
    variables: { first: 100, after: null, filter: null },
  });
  const flows = useMemo(() => fleet.data?.flows?.edges.map((e) => e.node) ?? [], [fleet.data]);
  // ListConnectors lists the registered (custom) connectors only; the built-in types the
  // flows use are described by type.
  const builtIn = useMemo(
    () =>
      [...new Set(flows.flatMap((f) => [f.sourceConnectorType, f.destinationConnectorType]))]
        .filter((t): t is ConnectorType => Boolean(t) && t !== 'CustomConnector')
        .sort(),
    [flows],
  );
  const [registered] = useQuery({ query: ConnectorsListDocument, variables: { types: null } });
  const [described] = useQuery({
    query: ConnectorsListDocument,
    variables: { types: builtIn },
    pause: builtIn.length === 0,
  });
  const connectors = [
    ...(described.data?.connectors?.edges ?? []),
    ...(registered.data?.connectors?.edges ?? []),
  ].map((e) => e.node);
  const error = registered.error ?? described.error ?? fleet.error;
  const fetching = registered.fetching || described.fetching;
  const data = connectors.length ? connectors : undefined;
  const usedBy = (type: string, label: string | null | undefined) =>
    flows
      .filter(
        (f) =>
          (f.sourceConnectorType === type && (!label || f.sourceConnectorLabel === label)) ||
          (f.destinationConnectorType === type &&
            (!label || f.destinationConnectorLabel === label)),
      )
      .map((f) => f.flowName);
  return (
    <section>
      <h1>Connectors</h1>
      <RequestError error={error} />
      {fetching && !data ? <p className="muted">Loading…</p> : null}
      <table className="grid" data-testid="connectors">
        <thead>
          <tr>
            <th>Connector</th>
            <th>Type</th>
            <th>Owner</th>
            <th>Source / destination</th>
            <th>Flows using it</th>
          </tr>
        </thead>
        <tbody>
          {data?.map((c) => {
            const names = usedBy(c.connectorType, c.connectorLabel);
            return (
              <tr key={c.id} data-testid="connector-row">
                <td>{c.connectorName ?? c.connectorType}</td>
                <td>
                  {c.connectorType}
                  {c.connectorLabel ? ` (${c.connectorLabel})` : ''}
                </td>
                <td>{c.connectorOwner}</td>
                <td>
                  {c.canUseAsSource ? 'source' : ''}
                  {c.canUseAsSource && c.canUseAsDestination ? ' / ' : ''}
                  {c.canUseAsDestination ? 'destination' : ''}
                </td>
                <td>{names.length ? names.map(flowLink) : <span className="muted">none</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Backing models of the graph's domain types: the AWS SDK's own types, merged where one
 * GraphQL type is fed by several AppFlow operations, and the one constructor of each.
 */
import type {
  ConnectorConfiguration,
  ConnectorDetail,
  ConnectorProfile,
  DescribeFlowResponse,
  ExecutionRecord,
  FlowDefinition,
} from '@aws-sdk/client-appflow';
import type { ListedEntity } from './reader/index.js';

/** A flow as ListFlows (FlowDefinition) and/or DescribeFlow return it. */
export type FlowModel = Partial<FlowDefinition> &
  Partial<DescribeFlowResponse> & {
    flowName: string;
    /** True when the DescribeFlow members are present. */
    detailed?: boolean;
  };

export type ConnectorProfileModel = ConnectorProfile & { connectorProfileName: string };

/** A connector by type (and label for custom connectors). */
export interface ConnectorModel {
  connectorType: string;
  connectorLabel?: string;
  /** DescribeConnector(s) answer, when loaded. */
  configuration?: ConnectorConfiguration;
  /** ListConnectors / DescribeConnectors `connectors` entry, when known. */
  detail?: ConnectorDetail;
}

export type ExecutionModel = ExecutionRecord & { flowName: string; executionId: string };

/** An entity of a connector, with where it was listed (to describe its fields). */
export type ConnectorEntityModel = ListedEntity;

export function flowFromDescribe(flow: DescribeFlowResponse): FlowModel {
  return { ...flow, flowName: flow.flowName!, detailed: true };
}

export function flowFromList(flow: FlowDefinition): FlowModel {
  return { ...flow, flowName: flow.flowName! };
}

export function profileModel(profile: ConnectorProfile): ConnectorProfileModel {
  return { ...profile, connectorProfileName: profile.connectorProfileName! };
}

/** A run of `flowName`: a record AppFlow returned, or the live poller's JSON of one. */
export function executionFromRecord(flowName: string, record: object): ExecutionModel {
  return { ...(record as ExecutionModel), flowName };
}

/** A connector by type (and label), with what is known of it so far. */
export function connectorModel(
  type: string,
  label?: string | null,
  known: Pick<ConnectorModel, 'configuration' | 'detail'> = {},
): ConnectorModel {
  return { connectorType: type, connectorLabel: label ?? undefined, ...known };
}

/** Global id of a connector: its type, or `CustomConnector:<label>`. */
export function connectorKey(type: string, label?: string | null): string {
  return type === 'CustomConnector' && label ? `${type}:${label}` : type;
}

export function parseConnectorKey(key: string): { connectorType: string; connectorLabel?: string } {
  const i = key.indexOf(':');
  return i < 0
    ? { connectorType: key }
    : { connectorType: key.slice(0, i), connectorLabel: key.slice(i + 1) };
}

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
import { shape } from '../model/model.js';
import type { ListedEntity } from './reader/index.js';

/** A flow as ListFlows (FlowDefinition) and/or DescribeFlow return it. */
export type FlowModel = Partial<FlowDefinition> &
  Partial<DescribeFlowResponse> & {
    flowName: string;
    /** True when the DescribeFlow members are present. */
    detailed?: boolean;
    /**
     * Only what a write's answer said (StartFlow: flowArn, flowStatus): any other member, a
     * ListFlows one included, is read with DescribeFlow when selected.
     */
    partial?: boolean;
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

export type ExecutionModel = ExecutionRecord & {
  flowName: string;
  executionId: string;
  /** A run StartFlow just began, known by its id: other members are read when selected. */
  partial?: boolean;
};

/** An entity of a connector, with where it was listed (to describe its fields). */
export type ConnectorEntityModel = ListedEntity;

export function flowFromDescribe(flow: DescribeFlowResponse): FlowModel {
  return { ...flow, flowName: flow.flowName!, detailed: true };
}

/** Members DescribeFlow answers with. */
const DESCRIBED_MEMBERS = Object.keys(shape('DescribeFlowResponse').members!);

/**
 * A flow as a write's answer has it (the members it shares with DescribeFlow), nothing read:
 * the rest is described when a field selects it (src/resolvers/flow.ts).
 */
export function flowFromAnswer(flowName: string, answer: Record<string, unknown> = {}): FlowModel {
  const flow: Record<string, unknown> = { flowName, partial: true };
  for (const m of DESCRIBED_MEMBERS) if (answer[m] !== undefined) flow[m] = answer[m];
  flow.flowName = flowName;
  return flow as FlowModel;
}

/** The run StartFlow began, by its id: its record is read when a field selects more. */
export function startedRunModel(flowName: string, executionId: string): ExecutionModel {
  return { flowName, executionId, partial: true };
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

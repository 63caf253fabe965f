/**
 * Backing models of the graph's domain types: the AWS SDK's own types, merged where one
 * GraphQL type is fed by several AppFlow operations.
 */
import type {
  ConnectorConfiguration,
  ConnectorDetail,
  ConnectorProfile,
  DescribeFlowResponse,
  ExecutionRecord,
  FlowDefinition,
} from '@aws-sdk/client-appflow';

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

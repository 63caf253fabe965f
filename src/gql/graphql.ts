/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Values of AppFlow's ConnectionMode. */
export type ConnectionMode =
  | 'Private'
  | 'Public';

/** Values of AppFlow's ConnectorType. */
export type ConnectorType =
  | 'Amplitude'
  | 'CustomConnector'
  | 'CustomerProfiles'
  | 'Datadog'
  | 'Dynatrace'
  | 'EventBridge'
  | 'Googleanalytics'
  | 'Honeycode'
  | 'Infornexus'
  | 'LookoutMetrics'
  | 'Marketo'
  | 'Pardot'
  | 'Redshift'
  | 'S3'
  | 'SAPOData'
  | 'Salesforce'
  | 'Servicenow'
  | 'Singular'
  | 'Slack'
  | 'Snowflake'
  | 'Trendmicro'
  | 'Upsolver'
  | 'Veeva'
  | 'Zendesk';

/** Values of AppFlow's ExecutionStatus. */
export type ExecutionStatus =
  | 'CancelStarted'
  | 'Canceled'
  | 'Error'
  | 'InProgress'
  | 'Successful';

/** Filters applied to ListFlows results (AppFlow has no server-side filter). All given filters must match. */
export type FlowFilter = {
  /** The source or destination connector is any of these types. */
  connectorType?: Array<ConnectorType> | null | undefined;
  /** Any of these statuses. */
  status?: Array<FlowStatus> | null | undefined;
  /** The flow has this tag (and value, when given). */
  tag?: TagFilter | null | undefined;
  /** Any of these trigger types. */
  triggerType?: Array<TriggerType> | null | undefined;
};

/** Values of AppFlow's FlowStatus. */
export type FlowStatus =
  | 'Active'
  | 'Deleted'
  | 'Deprecated'
  | 'Draft'
  | 'Errored'
  | 'Suspended';

/** A tag a flow must have. */
export type TagFilter = {
  /** The tag key. */
  key: string;
  /** The tag value; any value when omitted. */
  value?: string | null | undefined;
};

/** Values of AppFlow's TriggerType. */
export type TriggerType =
  | 'Event'
  | 'OnDemand'
  | 'Scheduled';

export type DashboardQueryVariables = Exact<{
  flows?: number | null | undefined;
  profiles?: number | null | undefined;
}>;


export type DashboardQuery = { flows: { edges: Array<{ node: { id: string, flowName: string, flowStatus: FlowStatus | null, sourceConnectorType: ConnectorType | null, destinationConnectorType: ConnectorType | null, triggerConfig: { triggerType: TriggerType | null } | null, lastExecution: { executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null } | null } | null } | null> | null, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, connectorProfiles: { edges: Array<{ node: { id: string, connectorProfileName: string, connectorType: ConnectorType | null, connectionMode: ConnectionMode | null } | null } | null> | null } };

export type FlowsListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: FlowFilter | null | undefined;
}>;


export type FlowsListQuery = { flows: { edges: Array<{ cursor: string, node: { id: string, flowName: string, description: string | null, flowStatus: FlowStatus | null, lastUpdatedAt: string | null } | null } | null> | null, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FlowRunsQueryVariables = Exact<{
  flowName: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FlowRunsQuery = { flow: { id: string, flowName: string, flowStatus: FlowStatus | null, executions: { edges: Array<{ node: { id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null, bytesProcessed: number | null, errorInfo: { executionMessage: string | null } | null } | null } | null } | null> | null, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type RunFieldsFragment = { id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null, bytesProcessed: number | null, errorInfo: { executionMessage: string | null } | null } | null };

export type StartFlowMutationVariables = Exact<{
  flowName: string;
  idempotencyKey?: string | null | undefined;
}>;


export type StartFlowMutation = { startFlow:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'QuotaExceededError', message: string }
    | { __typename: 'StartFlowSuccess', execution: { executionId: string | null, executionStatus: ExecutionStatus | null } | null, flow: { id: string, flowStatus: FlowStatus | null } | null }
    | { __typename: 'ValidationError', message: string }
   };

export type ExecutionUpdatedSubscriptionVariables = Exact<{
  flowName: string;
  executionId: string;
}>;


export type ExecutionUpdatedSubscription = { executionUpdated: { executionId: string | null, executionStatus: ExecutionStatus | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null } | null } };

export const RunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"bytesProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"errorInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionMessage"}}]}}]}}]}}]} as unknown as DocumentNode<RunFieldsFragment, unknown>;
export const DashboardDocument = {"__meta__":{"hash":"sha256:7e3867250aaa89e74bc5d8f08fd0f75a8f1631296c89bc83ddd63a0264a0c517"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flows"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profiles"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flows"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"triggerConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"lastExecution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profiles"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectionMode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const FlowsListDocument = {"__meta__":{"hash":"sha256:fe0a9c617ce45dbd871921badde0c09076482b3d846ff7f7cb952f16e439b581"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FlowFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<FlowsListQuery, FlowsListQueryVariables>;
export const FlowRunsDocument = {"__meta__":{"hash":"sha256:30e5f69790197eac7ee744790dd7d5964b864688d63ed12bf150c44146d48a9c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"bytesProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"errorInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionMessage"}}]}}]}}]}}]} as unknown as DocumentNode<FlowRunsQuery, FlowRunsQueryVariables>;
export const StartFlowDocument = {"__meta__":{"hash":"sha256:1d355c054a4f88dfc6a913a2530fd4263b901027b6f6e5fc65e35720529b845f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"flowName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StartFlowSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"execution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartFlowMutation, StartFlowMutationVariables>;
export const ExecutionUpdatedDocument = {"__meta__":{"hash":"sha256:1ca0d509bcba52edda3d960040646508158e7debb09abcecc8e1dd54f5f06c66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExecutionUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"flowName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}},{"kind":"Argument","name":{"kind":"Name","value":"executionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}}]}}]}}]}}]} as unknown as DocumentNode<ExecutionUpdatedSubscription, ExecutionUpdatedSubscriptionVariables>;
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

/** Values of AppFlow's SalesforceConnectorOperator. */
export type SalesforceConnectorOperator =
  | 'ADDITION'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'DIVISION'
  | 'EQUAL_TO'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL_TO'
  | 'MASK_ALL'
  | 'MASK_FIRST_N'
  | 'MASK_LAST_N'
  | 'MULTIPLICATION'
  | 'NOT_EQUAL_TO'
  | 'NO_OP'
  | 'PROJECTION'
  | 'SUBTRACTION'
  | 'VALIDATE_NON_NEGATIVE'
  | 'VALIDATE_NON_NULL'
  | 'VALIDATE_NON_ZERO'
  | 'VALIDATE_NUMERIC';

/** Values of AppFlow's ScheduleFrequencyType. */
export type ScheduleFrequencyType =
  | 'BYMINUTE'
  | 'DAILY'
  | 'HOURLY'
  | 'MONTHLY'
  | 'ONCE'
  | 'WEEKLY';

/** A tag a flow must have. */
export type TagFilter = {
  /** The tag key. */
  key: string;
  /** The tag value; any value when omitted. */
  value?: string | null | undefined;
};

/** Values of AppFlow's TaskType. */
export type TaskType =
  | 'Arithmetic'
  | 'Filter'
  | 'Map'
  | 'Map_all'
  | 'Mask'
  | 'Merge'
  | 'Partition'
  | 'Passthrough'
  | 'Truncate'
  | 'Validate';

/** Values of AppFlow's TriggerType. */
export type TriggerType =
  | 'Event'
  | 'OnDemand'
  | 'Scheduled';

export type OverviewQueryVariables = Exact<{
  flows?: number | null | undefined;
  profiles?: number | null | undefined;
}>;


export type OverviewQuery = { flows: { edges: Array<{ node: { id: string, flowName: string, flowStatus: FlowStatus | null, sourceConnectorType: ConnectorType | null, destinationConnectorType: ConnectorType | null, triggerConfig: { triggerType: TriggerType | null } | null, lastExecution: { executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null, connectorProfiles: { edges: Array<{ node: { id: string, connectorProfileName: string, connectorType: ConnectorType | null, connectionMode: ConnectionMode | null } }> } | null };

export type ValidateFlowExampleQueryVariables = Exact<{ [key: string]: never; }>;


export type ValidateFlowExampleQuery = { validateFlow: { valid: boolean, problems: Array<{ path: Array<string>, code: string, message: string, suggestions: Array<string> }> } | null };

export type FlowRunStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type FlowRunStatsQuery = { flows: { edges: Array<{ node: { flowName: string, runStats: { runs: number, successRate: number | null, failures: number, duration: { p50: number | null, p95: number | null }, records: { total: number, perRun: number | null }, lastError: { message: string, at: string } | null, daily: Array<{ date: string, runs: number, failures: number }> } | null } }> } | null };

export type FlowsListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: FlowFilter | null | undefined;
}>;


export type FlowsListQuery = { flows: { edges: Array<{ cursor: string, node: { id: string, flowName: string, description: string | null, flowStatus: FlowStatus | null, lastUpdatedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type FlowRunsQueryVariables = Exact<{
  flowName: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FlowRunsQuery = { flow: { id: string, flowName: string, flowStatus: FlowStatus | null, executions: { edges: Array<{ node: { id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null, bytesProcessed: number | null, errorInfo: { executionMessage: string | null } | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type RunFieldsFragment = { id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null, bytesProcessed: number | null, errorInfo: { executionMessage: string | null } | null } | null };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { flows: { edges: Array<{ node: { id: string, flowName: string, flowStatus: FlowStatus | null, triggerType: TriggerType | null, lastRunExecutionDetails: { mostRecentExecutionStatus: ExecutionStatus | null, mostRecentExecutionTime: string | null } | null, sourceConnectorProfile: { connectorProfileName: string, connectorType: ConnectorType | null } | null, destinationConnectorProfiles: Array<{ connectorProfileName: string }>, sourceConnector: { connectorType: ConnectorType, connectorName: string | null, canUseAsSource: boolean | null } | null, destinationConnectors: Array<{ connectorType: ConnectorType, canUseAsDestination: boolean | null }>, executions: { edges: Array<{ node: { executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, executionResult: { recordsProcessed: number | null, bytesProcessed: number | null } | null } }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type ScheduledSalesforceFlowsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ScheduledSalesforceFlowsQuery = { flows: { edges: Array<{ cursor: string, node: { flowName: string, triggerConfig: { triggerProperties: { Scheduled: { scheduleExpression: string | null } | null } | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type FlowWithRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type FlowWithRunsQuery = { flow: { flowName: string, tasks: Array<{ taskType: TaskType | null, sourceFields: Array<string> | null, destinationField: string | null, connectorOperator:
        | { __typename: 'ConnectorOperatorAmplitude' }
        | { __typename: 'ConnectorOperatorCustomConnector' }
        | { __typename: 'ConnectorOperatorDatadog' }
        | { __typename: 'ConnectorOperatorDynatrace' }
        | { __typename: 'ConnectorOperatorGoogleAnalytics' }
        | { __typename: 'ConnectorOperatorInforNexus' }
        | { __typename: 'ConnectorOperatorMarketo' }
        | { __typename: 'ConnectorOperatorPardot' }
        | { __typename: 'ConnectorOperatorS3' }
        | { __typename: 'ConnectorOperatorSAPOData' }
        | { __typename: 'ConnectorOperatorSalesforce', value: SalesforceConnectorOperator }
        | { __typename: 'ConnectorOperatorServiceNow' }
        | { __typename: 'ConnectorOperatorSingular' }
        | { __typename: 'ConnectorOperatorSlack' }
        | { __typename: 'ConnectorOperatorTrendmicro' }
        | { __typename: 'ConnectorOperatorVeeva' }
        | { __typename: 'ConnectorOperatorZendesk' }
       | null }> | null, executions: { edges: Array<{ node: { id: string, executionId: string | null, executionStatus: ExecutionStatus | null, startedAt: string | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null, errorInfo: { executionMessage: string | null } | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileQuery = { connectorProfile: { connectorProfileArn: string | null, connectionMode: ConnectionMode | null, connectorProfileProperties:
      | { __typename: 'AmplitudeConnectorProfileProperties' }
      | { __typename: 'CustomConnectorProfileProperties' }
      | { __typename: 'DatadogConnectorProfileProperties' }
      | { __typename: 'DynatraceConnectorProfileProperties' }
      | { __typename: 'GoogleAnalyticsConnectorProfileProperties' }
      | { __typename: 'HoneycodeConnectorProfileProperties' }
      | { __typename: 'InforNexusConnectorProfileProperties' }
      | { __typename: 'MarketoConnectorProfileProperties' }
      | { __typename: 'PardotConnectorProfileProperties' }
      | { __typename: 'RedshiftConnectorProfileProperties' }
      | { __typename: 'SAPODataConnectorProfileProperties' }
      | { __typename: 'SalesforceConnectorProfileProperties', instanceUrl: string | null, isSandboxEnvironment: boolean | null }
      | { __typename: 'ServiceNowConnectorProfileProperties' }
      | { __typename: 'SingularConnectorProfileProperties' }
      | { __typename: 'SlackConnectorProfileProperties' }
      | { __typename: 'SnowflakeConnectorProfileProperties' }
      | { __typename: 'TrendmicroConnectorProfileProperties' }
      | { __typename: 'VeevaConnectorProfileProperties' }
      | { __typename: 'ZendeskConnectorProfileProperties' }
     | null, connector: { connectorType: ConnectorType, supportedTriggerTypes: Array<TriggerType> | null, supportedSchedulingFrequencies: Array<ScheduleFrequencyType> | null } | null, flows: { edges: Array<{ node: { flowName: string, flowStatus: FlowStatus | null } }> } } | null };

export type EntitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type EntitiesQuery = { connector: { entities: Array<{ name: string | null, label: string | null, hasNestedEntities: boolean | null, fields: Array<{ identifier: string | null, label: string | null, isPrimaryKey: boolean | null }> }> } | null };

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
   | null };

export type ExecutionUpdatedSubscriptionVariables = Exact<{
  flowName: string;
  executionId: string;
}>;


export type ExecutionUpdatedSubscription = { executionUpdated: { executionId: string | null, executionStatus: ExecutionStatus | null, lastUpdatedAt: string | null, executionResult: { recordsProcessed: number | null } | null } };

export const RunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"bytesProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"errorInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionMessage"}}]}}]}}]}}]} as unknown as DocumentNode<RunFieldsFragment, unknown>;
export const OverviewDocument = {"__meta__":{"hash":"sha256:50ba51c0d05c1be35acb4c95c891f2a5aadbd0c10397060a26dc34e4a2711316"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flows"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profiles"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flows"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"triggerConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorType"}},{"kind":"Field","name":{"kind":"Name","value":"lastExecution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profiles"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectionMode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const ValidateFlowExampleDocument = {"__meta__":{"hash":"sha256:06b8537f1c9466004aab6580c626e8c7f261dff77ca7f35a474b78e354769dcf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ValidateFlowExample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"create"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"flowName"},"value":{"kind":"StringValue","value":"accounts-hourly","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"triggerConfig"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"triggerType"},"value":{"kind":"EnumValue","value":"Scheduled"}},{"kind":"ObjectField","name":{"kind":"Name","value":"triggerProperties"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"Scheduled"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"scheduleExpression"},"value":{"kind":"StringValue","value":"rate(1hours)","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"dataPullMode"},"value":{"kind":"EnumValue","value":"Incremental"}},{"kind":"ObjectField","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"Europe/Pariss","block":false}}]}}]}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"sourceFlowConfig"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"connectorType"},"value":{"kind":"EnumValue","value":"Salesforce"}},{"kind":"ObjectField","name":{"kind":"Name","value":"connectorProfileName"},"value":{"kind":"StringValue","value":"salesforce-prod","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"sourceConnectorProperties"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"Salesforce"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"object"},"value":{"kind":"StringValue","value":"Account","block":false}}]}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"incrementalPullConfig"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"datetimeTypeFieldName"},"value":{"kind":"StringValue","value":"LastModifiedDate","block":false}}]}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"destinationFlowConfigList"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"connectorType"},"value":{"kind":"EnumValue","value":"S3"}},{"kind":"ObjectField","name":{"kind":"Name","value":"destinationConnectorProperties"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"S3"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"bucketName"},"value":{"kind":"StringValue","value":"appflow-landing-zone","block":false}}]}}]}}]}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"tasks"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"taskType"},"value":{"kind":"EnumValue","value":"Filter"}},{"kind":"ObjectField","name":{"kind":"Name","value":"sourceFields"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"Id","block":false},{"kind":"StringValue","value":"Nmae","block":false}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"connectorOperator"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"Salesforce"},"value":{"kind":"EnumValue","value":"PROJECTION"}}]}}]}]}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"suggestions"}}]}}]}}]}}]} as unknown as DocumentNode<ValidateFlowExampleQuery, ValidateFlowExampleQueryVariables>;
export const FlowRunStatsDocument = {"__meta__":{"hash":"sha256:8eebd9ca8ddba0e079e9dad3fa928c3bc3d23d4ac3f0f9b6d140249b134f96b1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRunStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"runStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}},{"kind":"Field","name":{"kind":"Name","value":"duration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p95"}}]}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"perRun"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowRunStatsQuery, FlowRunStatsQueryVariables>;
export const FlowsListDocument = {"__meta__":{"hash":"sha256:fe0a9c617ce45dbd871921badde0c09076482b3d846ff7f7cb952f16e439b581"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FlowFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<FlowsListQuery, FlowsListQueryVariables>;
export const FlowRunsDocument = {"__meta__":{"hash":"sha256:30e5f69790197eac7ee744790dd7d5964b864688d63ed12bf150c44146d48a9c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Execution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"bytesProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"errorInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionMessage"}}]}}]}}]}}]} as unknown as DocumentNode<FlowRunsQuery, FlowRunsQueryVariables>;
export const DashboardDocument = {"__meta__":{"hash":"sha256:8fceceb8473f315a51431643b0d685157de4880169225361481401c6563d2ce0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}},{"kind":"Field","name":{"kind":"Name","value":"triggerType"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunExecutionDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"mostRecentExecutionTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnectorProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}},{"kind":"Field","name":{"kind":"Name","value":"connectorType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectorProfiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorProfileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceConnector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"connectorName"}},{"kind":"Field","name":{"kind":"Name","value":"canUseAsSource"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destinationConnectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"canUseAsDestination"}}]}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"bytesProcessed"}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const ScheduledSalesforceFlowsDocument = {"__meta__":{"hash":"sha256:37ccbe709695dc05ef853a69d7c72dc49ccf7d2d9f3e6bfb102cb8c980bd25a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScheduledSalesforceFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"triggerType"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"Scheduled"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"connectorType"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"Salesforce"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"Active"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"triggerConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"Scheduled"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleExpression"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduledSalesforceFlowsQuery, ScheduledSalesforceFlowsQueryVariables>;
export const FlowWithRunsDocument = {"__meta__":{"hash":"sha256:3d3068f6b963436771e9b3119890fbabf34ae8d3dbf982e34e55b8b043b25838"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowWithRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"salesforce-opportunities-hourly","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskType"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFields"}},{"kind":"Field","name":{"kind":"Name","value":"destinationField"}},{"kind":"Field","name":{"kind":"Name","value":"connectorOperator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectorOperatorSalesforce"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"executions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionMessage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowWithRunsQuery, FlowWithRunsQueryVariables>;
export const ProfileDocument = {"__meta__":{"hash":"sha256:5b59c1439c1e7dc0c9cdcc5a86321a28c63cb8a2fcc7efef1ae9b7d5f8a3ed92"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"salesforce-prod","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorProfileArn"}},{"kind":"Field","name":{"kind":"Name","value":"connectionMode"}},{"kind":"Field","name":{"kind":"Name","value":"connectorProfileProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SalesforceConnectorProfileProperties"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"isSandboxEnvironment"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"connector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorType"}},{"kind":"Field","name":{"kind":"Name","value":"supportedTriggerTypes"}},{"kind":"Field","name":{"kind":"Name","value":"supportedSchedulingFrequencies"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowName"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProfileQuery, ProfileQueryVariables>;
export const EntitiesDocument = {"__meta__":{"hash":"sha256:eb01cc4e6e7de593e5e177ac98059754963ff9c1555098b0d0a5bc96513a1347"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Entities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connector"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"Salesforce"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"profileName"},"value":{"kind":"StringValue","value":"salesforce-prod","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"hasNestedEntities"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"isPrimaryKey"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntitiesQuery, EntitiesQueryVariables>;
export const StartFlowDocument = {"__meta__":{"hash":"sha256:1d355c054a4f88dfc6a913a2530fd4263b901027b6f6e5fc65e35720529b845f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"flowName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StartFlowSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"execution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flowStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartFlowMutation, StartFlowMutationVariables>;
export const ExecutionUpdatedDocument = {"__meta__":{"hash":"sha256:1ca0d509bcba52edda3d960040646508158e7debb09abcecc8e1dd54f5f06c66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExecutionUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"flowName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flowName"}}},{"kind":"Argument","name":{"kind":"Name","value":"executionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"executionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executionId"}},{"kind":"Field","name":{"kind":"Name","value":"executionStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"executionResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordsProcessed"}}]}}]}}]}}]} as unknown as DocumentNode<ExecutionUpdatedSubscription, ExecutionUpdatedSubscriptionVariables>;
/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Dashboard($flows: Int = 20, $profiles: Int = 20) {\n  flows(first: $flows) {\n    edges {\n      node {\n        id\n        flowName\n        flowStatus\n        triggerConfig {\n          triggerType\n        }\n        sourceConnectorType\n        destinationConnectorType\n        lastExecution {\n          executionId\n          executionStatus\n          startedAt\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n  connectorProfiles(first: $profiles) {\n    edges {\n      node {\n        id\n        connectorProfileName\n        connectorType\n        connectionMode\n      }\n    }\n  }\n}": typeof types.DashboardDocument,
    "query FlowsList($first: Int = 25, $after: String, $filter: FlowFilter) {\n  flows(first: $first, after: $after, filter: $filter) {\n    edges {\n      cursor\n      node {\n        id\n        flowName\n        description\n        flowStatus\n        lastUpdatedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery FlowRuns($flowName: String!, $first: Int = 20, $after: String) {\n  flow(name: $flowName) {\n    id\n    flowName\n    flowStatus\n    executions(first: $first, after: $after) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}\n\nfragment RunFields on Execution {\n  id\n  executionId\n  executionStatus\n  startedAt\n  lastUpdatedAt\n  executionResult {\n    recordsProcessed\n    bytesProcessed\n    errorInfo {\n      executionMessage\n    }\n  }\n}": typeof types.FlowsListDocument,
    "mutation StartFlow($flowName: String!, $idempotencyKey: String) {\n  startFlow(input: {flowName: $flowName, idempotencyKey: $idempotencyKey}) {\n    __typename\n    ... on StartFlowSuccess {\n      execution {\n        executionId\n        executionStatus\n      }\n      flow {\n        id\n        flowStatus\n      }\n    }\n    ... on MutationError {\n      message\n    }\n  }\n}\n\nsubscription ExecutionUpdated($flowName: String!, $executionId: String!) {\n  executionUpdated(flowName: $flowName, executionId: $executionId) {\n    executionId\n    executionStatus\n    lastUpdatedAt\n    executionResult {\n      recordsProcessed\n    }\n  }\n}": typeof types.StartFlowDocument,
};
const documents: Documents = {
    "query Dashboard($flows: Int = 20, $profiles: Int = 20) {\n  flows(first: $flows) {\n    edges {\n      node {\n        id\n        flowName\n        flowStatus\n        triggerConfig {\n          triggerType\n        }\n        sourceConnectorType\n        destinationConnectorType\n        lastExecution {\n          executionId\n          executionStatus\n          startedAt\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n  connectorProfiles(first: $profiles) {\n    edges {\n      node {\n        id\n        connectorProfileName\n        connectorType\n        connectionMode\n      }\n    }\n  }\n}": types.DashboardDocument,
    "query FlowsList($first: Int = 25, $after: String, $filter: FlowFilter) {\n  flows(first: $first, after: $after, filter: $filter) {\n    edges {\n      cursor\n      node {\n        id\n        flowName\n        description\n        flowStatus\n        lastUpdatedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery FlowRuns($flowName: String!, $first: Int = 20, $after: String) {\n  flow(name: $flowName) {\n    id\n    flowName\n    flowStatus\n    executions(first: $first, after: $after) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}\n\nfragment RunFields on Execution {\n  id\n  executionId\n  executionStatus\n  startedAt\n  lastUpdatedAt\n  executionResult {\n    recordsProcessed\n    bytesProcessed\n    errorInfo {\n      executionMessage\n    }\n  }\n}": types.FlowsListDocument,
    "mutation StartFlow($flowName: String!, $idempotencyKey: String) {\n  startFlow(input: {flowName: $flowName, idempotencyKey: $idempotencyKey}) {\n    __typename\n    ... on StartFlowSuccess {\n      execution {\n        executionId\n        executionStatus\n      }\n      flow {\n        id\n        flowStatus\n      }\n    }\n    ... on MutationError {\n      message\n    }\n  }\n}\n\nsubscription ExecutionUpdated($flowName: String!, $executionId: String!) {\n  executionUpdated(flowName: $flowName, executionId: $executionId) {\n    executionId\n    executionStatus\n    lastUpdatedAt\n    executionResult {\n      recordsProcessed\n    }\n  }\n}": types.StartFlowDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($flows: Int = 20, $profiles: Int = 20) {\n  flows(first: $flows) {\n    edges {\n      node {\n        id\n        flowName\n        flowStatus\n        triggerConfig {\n          triggerType\n        }\n        sourceConnectorType\n        destinationConnectorType\n        lastExecution {\n          executionId\n          executionStatus\n          startedAt\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n  connectorProfiles(first: $profiles) {\n    edges {\n      node {\n        id\n        connectorProfileName\n        connectorType\n        connectionMode\n      }\n    }\n  }\n}"): (typeof documents)["query Dashboard($flows: Int = 20, $profiles: Int = 20) {\n  flows(first: $flows) {\n    edges {\n      node {\n        id\n        flowName\n        flowStatus\n        triggerConfig {\n          triggerType\n        }\n        sourceConnectorType\n        destinationConnectorType\n        lastExecution {\n          executionId\n          executionStatus\n          startedAt\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n  connectorProfiles(first: $profiles) {\n    edges {\n      node {\n        id\n        connectorProfileName\n        connectorType\n        connectionMode\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FlowsList($first: Int = 25, $after: String, $filter: FlowFilter) {\n  flows(first: $first, after: $after, filter: $filter) {\n    edges {\n      cursor\n      node {\n        id\n        flowName\n        description\n        flowStatus\n        lastUpdatedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery FlowRuns($flowName: String!, $first: Int = 20, $after: String) {\n  flow(name: $flowName) {\n    id\n    flowName\n    flowStatus\n    executions(first: $first, after: $after) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}\n\nfragment RunFields on Execution {\n  id\n  executionId\n  executionStatus\n  startedAt\n  lastUpdatedAt\n  executionResult {\n    recordsProcessed\n    bytesProcessed\n    errorInfo {\n      executionMessage\n    }\n  }\n}"): (typeof documents)["query FlowsList($first: Int = 25, $after: String, $filter: FlowFilter) {\n  flows(first: $first, after: $after, filter: $filter) {\n    edges {\n      cursor\n      node {\n        id\n        flowName\n        description\n        flowStatus\n        lastUpdatedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery FlowRuns($flowName: String!, $first: Int = 20, $after: String) {\n  flow(name: $flowName) {\n    id\n    flowName\n    flowStatus\n    executions(first: $first, after: $after) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}\n\nfragment RunFields on Execution {\n  id\n  executionId\n  executionStatus\n  startedAt\n  lastUpdatedAt\n  executionResult {\n    recordsProcessed\n    bytesProcessed\n    errorInfo {\n      executionMessage\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartFlow($flowName: String!, $idempotencyKey: String) {\n  startFlow(input: {flowName: $flowName, idempotencyKey: $idempotencyKey}) {\n    __typename\n    ... on StartFlowSuccess {\n      execution {\n        executionId\n        executionStatus\n      }\n      flow {\n        id\n        flowStatus\n      }\n    }\n    ... on MutationError {\n      message\n    }\n  }\n}\n\nsubscription ExecutionUpdated($flowName: String!, $executionId: String!) {\n  executionUpdated(flowName: $flowName, executionId: $executionId) {\n    executionId\n    executionStatus\n    lastUpdatedAt\n    executionResult {\n      recordsProcessed\n    }\n  }\n}"): (typeof documents)["mutation StartFlow($flowName: String!, $idempotencyKey: String) {\n  startFlow(input: {flowName: $flowName, idempotencyKey: $idempotencyKey}) {\n    __typename\n    ... on StartFlowSuccess {\n      execution {\n        executionId\n        executionStatus\n      }\n      flow {\n        id\n        flowStatus\n      }\n    }\n    ... on MutationError {\n      message\n    }\n  }\n}\n\nsubscription ExecutionUpdated($flowName: String!, $executionId: String!) {\n  executionUpdated(flowName: $flowName, executionId: $executionId) {\n    executionId\n    executionStatus\n    lastUpdatedAt\n    executionResult {\n      recordsProcessed\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
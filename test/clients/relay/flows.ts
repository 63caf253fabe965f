/**
 * The Relay documents of test/clients/relay.test.ts, for relay-compiler only (the test imports
 * the compiled artifacts from __generated__; `graphql` is not called at run time).
 */
import { graphql } from 'relay-runtime';

export const list = graphql`
  query flowsListQuery($first: Int!) {
    ...flows_list @arguments(first: $first)
  }
`;

export const listFragment = graphql`
  fragment flows_list on Query
  @refetchable(queryName: "flowsListPaginationQuery")
  @argumentDefinitions(first: { type: "Int", defaultValue: 2 }, after: { type: "String" }) {
    flows(first: $first, after: $after) @connection(key: "flows_list_flows") {
      edges {
        node {
          id
          flowName
          ...flows_flow
        }
      }
    }
  }
`;

export const flowFragment = graphql`
  fragment flows_flow on Flow @refetchable(queryName: "flowsFlowRefetchQuery") {
    id
    flowName
    flowStatus
    triggerType
  }
`;

export const start = graphql`
  mutation flowsStartMutation($flowName: String!) {
    startFlow(input: { flowName: $flowName }) {
      __typename
      ... on StartFlowSuccess {
        execution {
          id
          executionId
        }
      }
      ... on MutationError {
        message
      }
    }
  }
`;

export const remove = graphql`
  mutation flowsDeleteMutation($flowName: String!) {
    deleteFlow(input: { flowName: $flowName, forceDelete: true }) {
      __typename
      ... on DeleteFlowSuccess {
        deletedFlowId @deleteRecord
      }
    }
  }
`;

export const watch = graphql`
  subscription flowsRunSubscription($flowName: String!, $executionId: String!) {
    executionUpdated(flowName: $flowName, executionId: $executionId) {
      id
      executionStatus
    }
  }
`;

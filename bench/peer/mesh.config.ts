/**
 * The off-the-shelf alternative to the gateway, built as a team following GraphQL Mesh v1's docs
 * would: AppFlow's REST API as an OpenAPI subgraph (`@omnigraph/openapi`, the document made from
 * botocore's model by ./openapi.ts), composed by `mesh-compose` into a supergraph that Hive
 * Gateway serves (./gateway.ts). Reads are Query fields (AppFlow's API is all POST, which the
 * loader would otherwise make mutations); Mesh's own `@resolveTo` links lead from a flow to its
 * DescribeFlow, its runs, and, batched with `keysArg` (one call per list), its connector profiles
 * and connectors.
 *
 * Paths are relative to this folder (mesh-compose runs here); the emulator's URL is read at
 * request time from APPFLOW_ENDPOINT. Run by bench/peer-setup.ts, or by hand:
 * `npx tsx bench/peer/openapi.ts && (cd bench/peer && npx mesh-compose)`.
 */
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

const OPENAPI = process.env.PEER_OPENAPI ?? '../../.bench/peer/appflow.openapi.json';
const OUTPUT = process.env.PEER_SUPERGRAPH ?? '../../.bench/peer/supergraph.graphql';

/** AppFlow's reads: every Describe* and List* operation, answered as Query fields. */
const READS = [
  'DescribeConnector',
  'DescribeConnectorEntity',
  'DescribeConnectorProfiles',
  'DescribeConnectors',
  'DescribeFlow',
  'DescribeFlowExecutionRecords',
  'ListConnectorEntities',
  'ListConnectors',
  'ListFlows',
  'ListTagsForResource',
];

const profileLink = /* GraphQL */ `connectorProfile: ConnectorProfile
    @resolveTo(
      sourceName: "AppFlow"
      sourceTypeName: "Query"
      sourceFieldName: "DescribeConnectorProfiles"
      keyField: "connectorProfileName"
      keysArg: "input.connectorProfileNames"
      result: "connectorProfileDetails"
      valueKeyField: "connectorProfileName"
    )`;

const connectorLink = (keyField: string) => /* GraphQL */ `ConnectorDetail
    @resolveTo(
      sourceName: "AppFlow"
      sourceTypeName: "Query"
      sourceFieldName: "DescribeConnectors"
      keyField: "${keyField}"
      keysArg: "input.connectorTypes"
      result: "connectors"
      valueKeyField: "connectorType"
    )`;

export const composeConfig = defineConfig({
  output: OUTPUT,
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('AppFlow', {
        source: OPENAPI,
        endpoint: '{env.APPFLOW_ENDPOINT}',
        // AppFlow wants SigV4; the emulator accepts any Authorization header (real AWS would
        // need @graphql-hive/plugin-aws-sigv4 on the gateway instead).
        operationHeaders: {
          Authorization:
            'AWS4-HMAC-SHA256 Credential=emulator/20200823/us-east-1/appflow/aws4_request',
        },
        selectQueryOrMutationField: READS.map((fieldName) => ({ type: 'Query', fieldName })),
      }),
    },
  ],
  additionalTypeDefs: /* GraphQL */ `
    extend type FlowDefinition {
      "The flow's DescribeFlow (its profiles, tasks, trigger)."
      details: DescribeFlowResponse
        @resolveTo(
          sourceName: "AppFlow"
          sourceTypeName: "Query"
          sourceFieldName: "DescribeFlow"
          requiredSelectionSet: "{ flowName }"
          sourceArgs: { input: { flowName: "{root.flowName}" } }
        )
      "The flow's last 5 runs (DescribeFlowExecutionRecords)."
      runs: DescribeFlowExecutionRecordsResponse
        @resolveTo(
          sourceName: "AppFlow"
          sourceTypeName: "Query"
          sourceFieldName: "DescribeFlowExecutionRecords"
          requiredSelectionSet: "{ flowName }"
          sourceArgs: { input: { flowName: "{root.flowName}", maxResults: "5" } }
        )
      sourceConnector: ${connectorLink('sourceConnectorType')}
      destinationConnector: ${connectorLink('destinationConnectorType')}
    }
    extend type SourceFlowConfig {
      ${profileLink}
    }
    extend type DestinationFlowConfig {
      ${profileLink}
    }
  `,
});

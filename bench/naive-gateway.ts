/**
 * The "naive resolvers" baseline: an honest GraphQL server over the same AppFlow endpoint for
 * the same dashboard query shape, written the way a first version usually is. Every field makes
 * its own AppFlow call (no DataLoader, no cache, no reuse between fields): a flow's source
 * profile is DescribeFlow then DescribeConnectorProfiles, its destination profiles the same
 * again, each connector a DescribeConnectors, its runs a DescribeFlowExecutionRecords.
 */
import {
  AppflowClient,
  type ConnectorType,
  DescribeConnectorProfilesCommand,
  DescribeConnectorsCommand,
  DescribeFlowCommand,
  DescribeFlowExecutionRecordsCommand,
  type FlowDefinition,
  ListFlowsCommand,
} from '@aws-sdk/client-appflow';
import { GraphQLScalarType } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';

const typeDefs = /* GraphQL */ `
  scalar DateTime

  type Query {
    flows(first: Int): FlowConnection!
  }
  type FlowConnection {
    edges: [FlowEdge]
  }
  type FlowEdge {
    node: Flow
  }
  type Flow {
    flowName: String
    flowStatus: String
    triggerType: String
    lastUpdatedAt: DateTime
    sourceConnectorProfile: ConnectorProfile
    destinationConnectorProfiles: [ConnectorProfile!]!
    sourceConnector: Connector
    destinationConnectors: [Connector!]!
    executions(first: Int): ExecutionConnection!
  }
  type ConnectorProfile {
    connectorProfileName: String
    connectorType: String
    connectionMode: String
  }
  type Connector {
    connectorType: String
    connectorName: String
    canUseAsSource: Boolean
    canUseAsDestination: Boolean
  }
  type ExecutionConnection {
    edges: [ExecutionEdge]
  }
  type ExecutionEdge {
    node: Execution
  }
  type Execution {
    executionId: String
    executionStatus: String
    startedAt: DateTime
  }
`;

export function createNaiveGateway(endpoint: string) {
  const client = new AppflowClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
  });

  const profiles = async (flowName: string, which: 'source' | 'destination') => {
    const flow = await client.send(new DescribeFlowCommand({ flowName }));
    const names =
      which === 'source'
        ? [flow.sourceFlowConfig?.connectorProfileName]
        : (flow.destinationFlowConfigList ?? []).map((d) => d.connectorProfileName);
    const wanted = names.filter((n): n is string => Boolean(n));
    if (!wanted.length) return [];
    const found = await client.send(
      new DescribeConnectorProfilesCommand({ connectorProfileNames: wanted }),
    );
    return found.connectorProfileDetails ?? [];
  };

  const connector = async (type: string | undefined) => {
    if (!type) return null;
    const r = await client.send(
      new DescribeConnectorsCommand({ connectorTypes: [type as ConnectorType] }),
    );
    return { ...r.connectorConfigurations?.[type as ConnectorType], connectorType: type };
  };

  const schema = createSchema({
    typeDefs,
    resolvers: {
      DateTime: new GraphQLScalarType({
        name: 'DateTime',
        serialize: (v) => new Date(v as Date).toISOString(),
      }),
      Query: {
        flows: async (_: unknown, { first }: { first?: number }) => {
          const r = await client.send(new ListFlowsCommand({ maxResults: first ?? 100 }));
          return { edges: (r.flows ?? []).map((node) => ({ node })) };
        },
      },
      Flow: {
        sourceConnectorProfile: async (flow: FlowDefinition) =>
          (await profiles(flow.flowName!, 'source'))[0] ?? null,
        destinationConnectorProfiles: (flow: FlowDefinition) =>
          profiles(flow.flowName!, 'destination'),
        sourceConnector: (flow: FlowDefinition) => connector(flow.sourceConnectorType),
        destinationConnectors: async (flow: FlowDefinition) => {
          const c = await connector(flow.destinationConnectorType);
          return c ? [c] : [];
        },
        executions: async (flow: FlowDefinition, { first }: { first?: number }) => {
          const r = await client.send(
            new DescribeFlowExecutionRecordsCommand({
              flowName: flow.flowName!,
              maxResults: first ?? 10,
            }),
          );
          return { edges: (r.flowExecutions ?? []).map((node) => ({ node })) };
        },
      },
    },
  });

  const yoga = createYoga({ schema, logging: false, landingPage: false, graphiql: false });
  return { yoga, close: () => client.destroy() };
}

/**
 * FEDERATION=true: the gateway is a Federation v2 subgraph. Its `_service { sdl }` is the
 * committed schema.subgraph.graphql; `_entities` resolves Flow, ConnectorProfile, Connector and
 * Execution by global id and Flow by flowName; composed by The Guild's federation-composition
 * with a second subgraph (`owners`: owns `Query.featuredFlows` and adds `Flow.owner`) and
 * queried through Hive Gateway, both ways across the subgraphs. Both tools come from
 * bench/peer/ (skipped loudly without it).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { peerOrSkip, requirePeer } from '../helpers/peer.js';

const hasPeer = peerOrSkip('federation (Hive Gateway)');

function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
      }),
    ),
  );
}

/** The other team's subgraph: who owns which flow, and a list of featured flows by name. */
const OWNERS = {
  'salesforce-accounts-to-s3': 'sales-ops',
  'salesforce-opportunities-hourly': 'revenue',
};
const ownersSdl = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Query {
    featuredFlows: [Flow!]!
  }
  type Flow @key(fields: "flowName") {
    flowName: String!
    owner: String
  }
`;
const ownersSchema = buildSubgraphSchema({
  typeDefs: parse(ownersSdl),
  resolvers: {
    Query: { featuredFlows: () => Object.keys(OWNERS).map((flowName) => ({ flowName })) },
    Flow: {
      __resolveReference: (ref: { flowName: string }) => ({ flowName: ref.flowName }),
      owner: (flow: { flowName: string }) => OWNERS[flow.flowName as keyof typeof OWNERS] ?? null,
    },
  } as never,
});

let t: TestGateway;
let appflowServer: { server: Server; url: string };
let ownersServer: { server: Server; url: string };

beforeAll(async () => {
  t = await startTestGateway({ emulator: { seed: true }, config: { federation: true } });
  appflowServer = await listen(t.gateway.yoga);
  ownersServer = await listen(createYoga({ schema: ownersSchema, logging: false }));
});
afterAll(async () => {
  appflowServer?.server.close();
  ownersServer?.server.close();
  await t?.close();
});

describe('the gateway as a Federation v2 subgraph', () => {
  it('answers _service { sdl } with the committed schema.subgraph.graphql', async () => {
    const r = await t.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(r.errors).toBeUndefined();
    const committed = readFileSync(
      new URL('../../schema.subgraph.graphql', import.meta.url),
      'utf8',
    );
    expect(`${r.data!._service.sdl}\n`).toBe(committed);
    expect(committed).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6"');
    expect(committed).toMatch(
      /type Flow implements Node\s+@key\(fields: "id"\)\s+@key\(fields: "flowName"\)/,
    );
  });

  it('resolves every entity type by its global id, and a Flow by its flowName', async () => {
    const ids = await t.query<any>(/* GraphQL */ `
      {
        flow(name: "salesforce-accounts-to-s3") {
          id
          sourceConnectorProfile { id }
          sourceConnector { id }
          executions(first: 1) { edges { node { id } } }
        }
      }
    `);
    expect(ids.errors).toBeUndefined();
    const flow = ids.data.flow;
    const representations = [
      { __typename: 'Flow', id: flow.id },
      { __typename: 'Flow', flowName: 'salesforce-opportunities-hourly' },
      { __typename: 'ConnectorProfile', id: flow.sourceConnectorProfile.id },
      { __typename: 'Connector', id: flow.sourceConnector.id },
      { __typename: 'Execution', id: flow.executions.edges[0].node.id },
      { __typename: 'Flow', flowName: 'no-such-flow' },
    ];
    const r = await t.query<any>(
      /* GraphQL */ `
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            __typename
            ... on Flow { flowName flowStatus }
            ... on ConnectorProfile { connectorProfileName connectorType }
            ... on Connector { type: connectorType canUseAsSource }
            ... on Execution { executionId flowName }
          }
        }
      `,
      { representations },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data._entities).toEqual([
      { __typename: 'Flow', flowName: 'salesforce-accounts-to-s3', flowStatus: expect.any(String) },
      {
        __typename: 'Flow',
        flowName: 'salesforce-opportunities-hourly',
        flowStatus: expect.any(String),
      },
      {
        __typename: 'ConnectorProfile',
        connectorProfileName: expect.any(String),
        connectorType: 'Salesforce',
      },
      { __typename: 'Connector', type: 'Salesforce', canUseAsSource: true },
      {
        __typename: 'Execution',
        executionId: expect.any(String),
        flowName: 'salesforce-accounts-to-s3',
      },
      null,
    ]);
  });

  it('refuses a representation it cannot resolve with a coded error, never an internal one', async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    const wrongType = await t.query<any>(query, { r: [{ __typename: 'FlowEdge', id: 'x' }] });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongType.errors?.[0]?.message).toMatch(/index 0: __typename must be one of Flow/);
    const noKey = await t.query<any>(query, { r: [{ __typename: 'Execution' }] });
    expect(noKey.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A global id of another type is not this type's id.
    const flowId = (await t.query<any>('{ flow(name: "salesforce-accounts-to-s3") { id } }')).data
      .flow.id;
    const foreign = await t.query<any>(query, { r: [{ __typename: 'Connector', id: flowId }] });
    expect(foreign.data._entities).toEqual([null]);
    expect(foreign.errors?.[0]).toMatchObject({
      path: ['_entities', 0],
      extensions: { code: 'INVALID_ID' },
    });
  });
});

describe.skipIf(!hasPeer)('composed with another subgraph, through Hive Gateway', () => {
  let gateway: {
    fetch: (url: string, init: RequestInit) => Promise<Response>;
    dispose?: () => unknown;
  };
  beforeAll(async () => {
    const { composeServices } = requirePeer<{
      composeServices: (services: { name: string; typeDefs: unknown; url: string }[]) => {
        supergraphSdl?: string;
        errors?: { message: string }[];
      };
    }>('@theguild/federation-composition');
    const peerGraphql = requirePeer<{ parse: typeof parse }>('graphql');
    // The SDL as federation tooling reads it: `_service { sdl }` over HTTP.
    const sdlResponse = await fetch(appflowServer.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const { data } = (await sdlResponse.json()) as { data: { _service: { sdl: string } } };
    const composed = composeServices([
      { name: 'appflow', typeDefs: peerGraphql.parse(data._service.sdl), url: appflowServer.url },
      { name: 'owners', typeDefs: peerGraphql.parse(ownersSdl), url: ownersServer.url },
    ]);
    expect(composed.errors ?? []).toEqual([]);
    const { createGatewayRuntime } = requirePeer<{
      createGatewayRuntime: (options: Record<string, unknown>) => typeof gateway;
    }>('@graphql-hive/gateway');
    gateway = createGatewayRuntime({ supergraph: composed.supergraphSdl, logging: false });
  }, 120_000);
  afterAll(async () => {
    await gateway?.dispose?.();
  });

  async function viaGateway(query: string): Promise<{ data?: any; errors?: unknown[] }> {
    const res = await gateway.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return res.json() as Promise<{ data?: any; errors?: unknown[] }>;
  }

  it('resolves the other subgraph’s Flow references through our _entities', async () => {
    await t.resetCalls();
    const r = await viaGateway(/* GraphQL */ `
      {
        featuredFlows {
          flowName
          owner
          flowStatus
          sourceConnectorProfile { connectorProfileName }
        }
      }
    `);
    expect(r.errors).toBeUndefined();
    expect(r.data.featuredFlows).toEqual([
      {
        flowName: 'salesforce-accounts-to-s3',
        owner: 'sales-ops',
        flowStatus: expect.any(String),
        sourceConnectorProfile: { connectorProfileName: expect.any(String) },
      },
      {
        flowName: 'salesforce-opportunities-hourly',
        owner: 'revenue',
        flowStatus: expect.any(String),
        sourceConnectorProfile: { connectorProfileName: expect.any(String) },
      },
    ]);
    // Both flows came from AppFlow through the gateway's loaders (one batch, no list).
    const calls = await t.calls();
    expect(calls.ListFlows ?? 0).toBe(0);
    expect(calls.DescribeFlow).toBeGreaterThan(0);
  });

  it('extends our Flow with the other subgraph’s field', async () => {
    const r = await viaGateway(/* GraphQL */ `
      {
        flows(first: 100) { edges { node { flowName triggerType owner } } }
      }
    `);
    expect(r.errors).toBeUndefined();
    const nodes = r.data.flows.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toContainEqual({
      flowName: 'salesforce-opportunities-hourly',
      triggerType: 'Scheduled',
      owner: 'revenue',
    });
    expect(nodes.filter((n: { owner: string | null }) => n.owner === null).length).toBeGreaterThan(
      0,
    );
  });
});

describe('what FEDERATION changes, and what it does not', () => {
  it('without it, the schema has no _service and no _entities', async () => {
    const plain = await startTestGateway();
    try {
      const r = await plain.query('{ _service { sdl } }');
      expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.errors?.[0]?.message).toMatch(/Cannot query field "_service"/);
    } finally {
      await plain.close();
    }
  });

  it('keeps scopes on entities and treats _service as introspection', async () => {
    const key = 'federation-test-write-only-key';
    const sha = createHash('sha256').update(key).digest('hex');
    const locked = await startTestGateway({
      emulator: { seed: true },
      config: { federation: true },
      env: { ALLOW_ANONYMOUS: 'false', API_KEYS: `${sha}:write`, INTROSPECTION: 'false' },
    });
    try {
      const headers = { 'x-api-key': key };
      const entities = await locked.query<any>(
        '{ _entities(representations: [{ __typename: "Flow", flowName: "salesforce-accounts-to-s3" }]) { ... on Flow { flowName } } }',
        undefined,
        headers,
      );
      // Refused before any AppFlow call (as `node` is), not after reading the flow.
      expect(entities.data?._entities ?? null).toBeNull();
      expect(entities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await locked.calls()).toEqual({});
      const sdl = await locked.query<any>('{ _service { sdl } }', undefined, headers);
      expect(sdl.data).toBeUndefined();
      expect(sdl.errors?.[0]).toMatchObject({
        message: expect.stringContaining('introspection has been disabled'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    } finally {
      await locked.close();
    }
  });
});

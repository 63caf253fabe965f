/**
 * graphql-request and graphql-sse (single connection, as the snippet in docs/clients.md, and distinct
 * connections) against a real gateway process; plain fetch GET needs no CSRF header.
 */
import type { GraphQLClient } from 'graphql-request';
import { createClient, type Client as SseClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GatewayProcess,
  importReadmeSnippet,
  startGatewayProcess,
} from './gateway-process.js';

let g: GatewayProcess;
let clients: { client: GraphQLClient; sse: SseClient };

beforeAll(async () => {
  g = await startGatewayProcess();
  clients = await importReadmeSnippet('graphql-request and graphql-sse', g);
}, 60_000);
afterAll(async () => {
  clients?.sse.dispose();
  await g?.stop();
});

describe('graphql-request, graphql-sse and fetch', () => {
  it('graphql-request runs a query and a mutation; errors come back as ClientError with codes', async () => {
    const data = await clients.client.request<any>(
      '{ flows(first: 2) { edges { node { flowName } } } }',
    );
    expect(data.flows.edges).toHaveLength(2);
    const missing = await clients.client.request<any>(
      'mutation { startFlow(input: { flowName: "no-such-flow" }) { __typename ... on MutationError { message } } }',
    );
    expect(missing.startFlow.__typename).toBe('NotFoundError');
    await expect(clients.client.request('{ node(id: "bogus") { id } }')).rejects.toMatchObject({
      response: {
        errors: [
          expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_ID' }) }),
        ],
      },
    });
  });

  it('graphql-sse follows a run to its end over one connection', async () => {
    const start = await clients.client.request<any>(
      'mutation { startFlow(input: { flowName: "s3-leads-to-salesforce" }) { ... on StartFlowSuccess { execution { executionId } } } }',
    );
    const statuses: string[] = [];
    for await (const result of clients.sse.iterate<any>({
      query: `subscription { executionUpdated(flowName: "s3-leads-to-salesforce", executionId: "${start.startFlow.execution.executionId}") { executionStatus } }`,
    })) {
      expect(result.errors).toBeUndefined();
      statuses.push(result.data.executionUpdated.executionStatus);
    }
    expect(statuses.at(-1)).toBe('Successful');
  }, 40_000);

  it('graphql-sse in distinct connections mode (POST /graphql, accept: text/event-stream)', async () => {
    const distinct = createClient({ url: g.url });
    try {
      const start = await clients.client.request<any>(
        'mutation { startFlow(input: { flowName: "salesforce-accounts-to-s3" }) { ... on StartFlowSuccess { execution { executionId } } } }',
      );
      const statuses: string[] = [];
      for await (const result of distinct.iterate<any>({
        query: `subscription { executionUpdated(flowName: "salesforce-accounts-to-s3", executionId: "${start.startFlow.execution.executionId}") { executionStatus } }`,
      })) {
        expect(result.errors).toBeUndefined();
        statuses.push(result.data.executionUpdated.executionStatus);
      }
      expect(statuses.at(-1)).toBe('Successful');
    } finally {
      distinct.dispose();
    }
  }, 40_000);

  it('a plain fetch GET needs no CSRF header', async () => {
    const res = await fetch(
      `${g.url}?query=${encodeURIComponent('{ flows(first: 1) { edges { node { flowName } } } }')}`,
      {
        headers: { accept: 'application/graphql-response+json' },
      },
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.flows.edges).toHaveLength(1);
  });
});

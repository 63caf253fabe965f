/**
 * Apollo Client 4 with the snippets of docs/clients.md, against a real gateway process: HttpLink behind
 * PersistedQueryLink (APQ), BatchHttpLink, GraphQLWsLink following a run to Successful,
 * relayStylePagination over two pages, cache.evict after a delete, possibleTypes from codegen.
 */
import type { ApolloClient, InMemoryCache } from '@apollo/client';
import { gql } from '@apollo/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import {
  type GatewayProcess,
  importReadmeSnippet,
  startGatewayProcess,
} from './gateway-process.js';

let g: GatewayProcess;
let apollo: { client: ApolloClient; cache: InMemoryCache };
let batched: { client: ApolloClient };
/** Every request the clients sent: method and parsed body. */
const sent: { method: string; body: unknown }[] = [];

beforeAll(async () => {
  // Node 20 has no global WebSocket; browsers do (the snippet is a browser's).
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('/graphql')) {
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      sent.push({ method: init?.method ?? 'GET', body });
    }
    return realFetch(input, init);
  });
  g = await startGatewayProcess();
  apollo = await importReadmeSnippet('Apollo Client', g);
  batched = await importReadmeSnippet('Apollo Client, batched', g);
}, 60_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await apollo?.client.stop();
  await g?.stop();
});

const FLOWS = gql`
  query FlowsPage($after: String) {
    flows(first: 3, after: $after) {
      edges { node { id flowName triggerType flowStatus } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const START_MISSING = gql`
  mutation StartMissing {
    startFlow(input: { flowName: "no-such-flow" }) {
      __typename
      ... on MutationError { message }
    }
  }
`;

describe('Apollo Client', () => {
  it('sends a hash first, then the query once (APQ), and pages with relayStylePagination', async () => {
    sent.length = 0;
    const watch = apollo.client.watchQuery({ query: FLOWS });
    const subscription = watch.subscribe(() => {});
    const first = await watch.refetch();
    subscription.unsubscribe();
    expect(first.error).toBeUndefined();
    const page1 = (first.data as any).flows;
    expect(page1.edges).toHaveLength(3);
    // PersistedQueryLink: the hash alone, PERSISTED_QUERY_NOT_FOUND, then query + hash.
    expect(sent[0]!.body).toMatchObject({ extensions: { persistedQuery: { version: 1 } } });
    expect((sent[0]!.body as { query?: string }).query).toBeUndefined();
    expect((sent[1]!.body as { query?: string }).query).toContain('FlowsPage');

    await watch.fetchMore({ variables: { after: page1.pageInfo.endCursor } });
    const merged = apollo.client.readQuery({ query: FLOWS }) as any;
    expect(merged.flows.edges.length).toBe(6);
    expect(new Set(merged.flows.edges.map((e: any) => e.node.flowName)).size).toBe(6);

    // The next client (or page load) sends only the hash: registered on the gateway.
    sent.length = 0;
    await apollo.client.query({ query: FLOWS, fetchPolicy: 'network-only' });
    expect(sent).toHaveLength(1);
    expect((sent[0]!.body as { query?: string }).query).toBeUndefined();
  });

  it('BatchHttpLink sends concurrent queries as one array POST', async () => {
    sent.length = 0;
    const [a, b] = await Promise.all([
      batched.client.query({ query: gql`{ flows(first: 1) { edges { node { id flowName } } } }` }),
      batched.client.query({
        query: gql`{ connectors(first: 2) { edges { node { id connectorType } } } }`,
      }),
    ]);
    expect((a.data as any).flows.edges).toHaveLength(1);
    expect((b.data as any).connectors.edges.length).toBeGreaterThan(0);
    expect(sent).toHaveLength(1);
    expect(Array.isArray(sent[0]!.body)).toBe(true);
  });

  it('starts a run and follows it to Successful over GraphQLWsLink', async () => {
    const started = await apollo.client.mutate({
      mutation: gql`
        mutation Start($flowName: String!) {
          startFlow(input: { flowName: $flowName }) {
            __typename
            ... on StartFlowSuccess { execution { id executionId } }
            ... on MutationError { message }
          }
        }
      `,
      variables: { flowName: 'salesforce-accounts-to-s3' },
    });
    const result = (started.data as any).startFlow;
    expect(result.__typename).toBe('StartFlowSuccess');
    const statuses: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const sub = apollo.client
        .subscribe({
          query: gql`
            subscription Watch($flowName: String!, $executionId: String!) {
              executionUpdated(flowName: $flowName, executionId: $executionId) { id executionStatus }
            }
          `,
          variables: {
            flowName: 'salesforce-accounts-to-s3',
            executionId: result.execution.executionId,
          },
        })
        .subscribe({
          next: (r) => {
            if (r.error) reject(r.error);
            statuses.push((r.data as any).executionUpdated.executionStatus);
          },
          error: reject,
          complete: () => resolve(),
        });
      setTimeout(() => {
        sub.unsubscribe();
        reject(new Error(`no terminal status: ${statuses.join(',')}`));
      }, 30_000);
    });
    expect(statuses.at(-1)).toBe('Successful');
  }, 40_000);

  it('possibleTypes: `... on MutationError { message }` reaches the result', async () => {
    const r = await apollo.client.mutate({ mutation: START_MISSING });
    const payload = (r.data as any).startFlow;
    expect(payload.__typename).toBe('NotFoundError');
    expect(payload.message).toMatch(/no-such-flow|not found|does not exist/i);
    // The batched snippet's cache has no possibleTypes: the interface fragment matches nothing.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const plain = await batched.client.mutate({ mutation: START_MISSING });
    expect((plain.data as any).startFlow.message).toBeUndefined();
    expect(String(warn.mock.calls.flat().join(' '))).toMatch(/possibleTypes/);
    warn.mockRestore();
  });

  it('evicts the deleted flow from the cache by deletedFlowId', async () => {
    const { cache, client } = apollo;
    const list = await client.query({ query: FLOWS, fetchPolicy: 'network-only' });
    const victim = (list.data as any).flows.edges.at(-1).node;
    const ref = cache.identify({ __typename: 'Flow', id: victim.id })!;
    expect(cache.extract()[ref]).toBeDefined();
    const deleted = await client.mutate({
      mutation: gql`
        mutation Delete($flowName: String!) {
          deleteFlow(input: { flowName: $flowName, forceDelete: true }) {
            __typename
            ... on DeleteFlowSuccess { deletedFlowId }
          }
        }
      `,
      variables: { flowName: victim.flowName },
    });
    const { deletedFlowId } = (deleted.data as any).deleteFlow;
    expect(deletedFlowId).toBe(victim.id);
    cache.evict({ id: cache.identify({ __typename: 'Flow', id: deletedFlowId }) });
    cache.gc();
    expect(cache.extract()[ref]).toBeUndefined();
    const names = (cache.readQuery({ query: FLOWS }) as any)?.flows.edges.map(
      (e: any) => e.node?.flowName,
    );
    expect(names ?? []).not.toContain(victim.flowName);
  });
});

/**
 * urql (@urql/core) with its default exchanges as docs/clients.md shows them, against a real gateway
 * process: queries go as GET without any CSRF header (preferGetMethod: 'within-url-limit'), a
 * mutation as POST, a subscription over graphql-ws.
 */
import type { Client } from '@urql/core';
import { gql } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import {
  type GatewayProcess,
  importReadmeSnippet,
  startGatewayProcess,
} from './gateway-process.js';

let g: GatewayProcess;
let urql: { client: Client };
const sent: { method: string; url: string; status: number }[] = [];

beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const res = await realFetch(input, init);
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/graphql'))
      sent.push({ method: init?.method ?? 'GET', url, status: res.status });
    return res;
  });
  g = await startGatewayProcess();
  urql = await importReadmeSnippet('urql', g);
}, 60_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await g?.stop();
});

describe('urql with its default exchanges', () => {
  it('sends a query as GET (no CSRF header) and gets the flows', async () => {
    sent.length = 0;
    const r = await urql.client
      .query(gql`{ flows(first: 2) { edges { node { id flowName } } } }`, {})
      .toPromise();
    expect(r.error).toBeUndefined();
    expect(r.data.flows.edges).toHaveLength(2);
    expect(sent).toEqual([expect.objectContaining({ method: 'GET', status: 200 })]);
  });

  it('runs a mutation (POST) and follows the run over graphql-ws to its end', async () => {
    sent.length = 0;
    const started = await urql.client
      .mutation(
        gql`mutation ($flowName: String!) { startFlow(input: { flowName: $flowName }) {
          __typename ... on StartFlowSuccess { execution { id executionId } } } }`,
        { flowName: 'sap-sales-orders-to-s3' },
      )
      .toPromise();
    expect(started.error).toBeUndefined();
    expect(started.data.startFlow.__typename).toBe('StartFlowSuccess');
    expect(sent[0]!.method).toBe('POST');
    const { executionId } = started.data.startFlow.execution;
    const statuses = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = [];
      const timer = setTimeout(() => reject(new Error(`no end: ${seen.join(',')}`)), 30_000);
      const { unsubscribe } = urql.client
        .subscription(
          gql`subscription ($flowName: String!, $executionId: String!) {
            executionUpdated(flowName: $flowName, executionId: $executionId) { id executionStatus } }`,
          { flowName: 'sap-sales-orders-to-s3', executionId },
        )
        .subscribe((result) => {
          if (result.error) {
            clearTimeout(timer);
            reject(result.error);
            return;
          }
          const status = result.data.executionUpdated.executionStatus;
          seen.push(status);
          if (['Successful', 'Error', 'Canceled'].includes(status)) {
            clearTimeout(timer);
            unsubscribe();
            resolve(seen);
          }
        });
    });
    expect(statuses.at(-1)).toBe('Successful');
  }, 40_000);
});

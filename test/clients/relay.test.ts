/**
 * Relay without React: relay-compiler compiles test/clients/relay/flows.ts over schema.graphql
 * (@connection, @refetchable on Query and on Flow through node(id:), @deleteRecord on
 * deletedFlowId, a subscription); the compiled operations run through relay-runtime with the
 * network layer of docs/clients.md, against a real gateway process.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type ConcreteRequest,
  commitMutation,
  createOperationDescriptor,
  type Environment,
  fetchQuery,
  getSelector,
  type ReaderFragment,
  requestSubscription,
} from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  type GatewayProcess,
  importReadmeSnippet,
  startGatewayProcess,
} from './gateway-process.js';

const RELAY_DIR = fileURLToPath(new URL('./relay/', import.meta.url));
const COMPILER = fileURLToPath(new URL('../../node_modules/.bin/relay-compiler', import.meta.url));

let g: GatewayProcess;
let environment: Environment;
const artifacts: Record<string, ConcreteRequest & ReaderFragment> = {};

beforeAll(async () => {
  // relay-compiler reads relay.config.json from its working directory.
  mkdirSync(`${RELAY_DIR}__generated__`, { recursive: true });
  execFileSync(COMPILER, [], { cwd: RELAY_DIR, stdio: 'pipe' });
  for (const name of [
    'flowsListQuery',
    'flowsListPaginationQuery',
    'flows_list',
    'flowsFlowRefetchQuery',
    'flowsStartMutation',
    'flowsDeleteMutation',
    'flowsRunSubscription',
  ]) {
    artifacts[name] = (await import(`${RELAY_DIR}__generated__/${name}.graphql.ts`)).default;
  }
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  g = await startGatewayProcess();
  ({ environment } = await importReadmeSnippet<{ environment: Environment }>('Relay', g));
}, 60_000);
afterAll(() => g?.stop());

/** The flows the store holds under the Query fragment's connection. */
function listedFlows(first: number): { id: string; flowName: string }[] {
  const op = createOperationDescriptor(artifacts.flowsListQuery!, { first });
  const root = environment.lookup(op.fragment).data as Record<string, unknown>;
  const selector = getSelector(artifacts.flows_list!, root);
  const data = environment.lookup(selector as never).data as any;
  return data.flows.edges.map((e: any) => e.node);
}

describe('Relay', () => {
  it('pages the @connection with the @refetchable pagination query', async () => {
    await fetchQuery(environment, artifacts.flowsListQuery!, { first: 2 }).toPromise();
    const page1 = listedFlows(2);
    expect(page1).toHaveLength(2);
    const connection = environment
      .getStore()
      .getSource()
      .getRecordIDs()
      .find((id) => id.includes('__flows_list_flows_connection'))!;
    const pageInfo = environment.getStore().getSource().get(`${connection}:pageInfo`) as any;
    expect(pageInfo.hasNextPage).toBe(true);
    await fetchQuery(environment, artifacts.flowsListPaginationQuery!, {
      first: 2,
      after: pageInfo.endCursor,
    }).toPromise();
    const both = listedFlows(2);
    expect(both).toHaveLength(4);
    expect(new Set(both.map((f) => f.flowName)).size).toBe(4);
  });

  it('refetches a Flow by its global id (@refetchable through node)', async () => {
    const [flow] = listedFlows(2);
    const data = (await fetchQuery(environment, artifacts.flowsFlowRefetchQuery!, {
      id: flow!.id,
    }).toPromise()) as any;
    // The query's own selection is the fragment: a reference to the refetched record.
    expect(data.node.__id).toBe(flow!.id);
    const root = environment.getStore().getSource().get('client:root') as any;
    expect(root[`node(id:"${flow!.id}")`]).toEqual({ __ref: flow!.id });
    expect(environment.getStore().getSource().get(flow!.id)).toMatchObject({
      flowName: flow!.flowName,
    });
  });

  it('@deleteRecord drops the deleted flow from the store', async () => {
    const victim = listedFlows(2).at(-1)!;
    expect(environment.getStore().getSource().get(victim.id)).toBeTruthy();
    const response = await new Promise<any>((resolve, reject) =>
      commitMutation(environment, {
        mutation: artifacts.flowsDeleteMutation!,
        variables: { flowName: victim.flowName },
        onCompleted: resolve,
        onError: reject,
      }),
    );
    expect(response.deleteFlow.deletedFlowId).toBe(victim.id);
    expect(environment.getStore().getSource().get(victim.id)).toBeNull();
    expect(listedFlows(2).map((f) => f?.flowName)).not.toContain(victim.flowName);
  });

  it('starts a run and follows it with a subscription to Successful', async () => {
    const flowName = 'inventory-products-sync';
    const started = await new Promise<any>((resolve, reject) =>
      commitMutation(environment, {
        mutation: artifacts.flowsStartMutation!,
        variables: { flowName },
        onCompleted: resolve,
        onError: reject,
      }),
    );
    expect(started.startFlow.__typename).toBe('StartFlowSuccess');
    const { id, executionId } = started.startFlow.execution;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no terminal status')), 30_000);
      requestSubscription(environment, {
        subscription: artifacts.flowsRunSubscription!,
        variables: { flowName, executionId },
        onCompleted: () => {
          clearTimeout(timer);
          resolve();
        },
        onError: reject,
      });
    });
    // The subscription's events were normalized into the run's record.
    expect(environment.getStore().getSource().get(id)).toMatchObject({
      executionStatus: 'Successful',
    });
  }, 40_000);
});

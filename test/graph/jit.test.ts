/**
 * Queries run compiled by graphql-jit (src/plugins/jit.ts). The compiled executor must answer
 * exactly what graphql-js' reference executor answers over the same schema, context and
 * emulator: data, error paths and error codes; mutations stay on the reference executor.
 */
import { type ExecutionResult, execute, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CursorCodec } from '../../src/appflow/pagination.js';
import { loadConfig } from '../../src/config.js';
import { ANONYMOUS_ALL_SCOPES, createContext } from '../../src/context.js';
import { createGateway, type Gateway } from '../../src/yoga.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

let emulator: TestEmulator;
let gateway: Gateway;
/** For each execution the gateway ran: was it graphql-jit's (its results carry `stringify`)? */
const compiled: boolean[] = [];

const observe: Plugin = {
  onExecute() {
    return {
      onExecuteDone({ result }) {
        compiled.push(typeof (result as { stringify?: unknown }).stringify === 'function');
      },
    };
  },
};

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: true });
  gateway = await createGateway(
    loadConfig(
      { ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'silent' },
      { appflowEndpoint: emulator.url, embeddedEmulator: false },
    ),
    { plugins: [observe] },
  );
  // Cursors carry an expiry in whole seconds: with a moving clock, two runs a second apart
  // would sign different cursors for the same position.
  const fixedNow = Date.now();
  gateway.services.cursors = new CursorCodec('jit-test-secret', 3600, () => fixedNow);
});
afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

async function viaGateway(query: string, variables?: Record<string, unknown>) {
  const res = await gateway.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as ExecutionResult & {
    errors?: { path?: unknown; extensions?: { code?: string } }[];
  };
}

/** graphql-js' own executor, same schema, a fresh context (fresh DataLoaders). */
async function reference(query: string, variables?: Record<string, unknown>) {
  const result = await execute({
    schema: gateway.yoga.getEnveloped({}).schema,
    document: parse(query),
    contextValue: createContext(gateway.services, ANONYMOUS_ALL_SCOPES),
    variableValues: variables,
  });
  // Through JSON, as a client sees it (dates as ISO strings, no undefined members).
  return JSON.parse(JSON.stringify(result)) as typeof result & {
    errors?: { path?: unknown; extensions?: { code?: string } }[];
  };
}

/** Queries until graphql-jit (imported on the first query) has compiled one. */
async function compiledRun(query: string, variables?: Record<string, unknown>) {
  for (let i = 0; i < 50; i++) {
    compiled.length = 0;
    const result = await viaGateway(query, variables);
    if (compiled.at(-1)) return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('graphql-jit never ran the query');
}

const QUERIES: [string, string, Record<string, unknown>?][] = [
  [
    'every ListFlows member of every flow',
    `{ flows(first: 100) { edges { cursor node {
      id flowArn flowName description flowStatus triggerType
      sourceConnectorType sourceConnectorLabel destinationConnectorType destinationConnectorLabel
      createdAt lastUpdatedAt createdBy lastUpdatedBy tags { key value }
      lastRunExecutionDetails { mostRecentExecutionMessage mostRecentExecutionTime mostRecentExecutionStatus }
    } } pageInfo { hasNextPage hasPreviousPage } } }`,
  ],
  [
    'the dashboard: profiles, connectors and runs through DataLoaders',
    `query Dashboard { flows(first: 100) { edges { node {
      flowName flowStatus triggerType lastUpdatedAt
      sourceConnectorProfile { connectorProfileName connectorType connectionMode }
      destinationConnectorProfiles { connectorProfileName connectorType connectionMode }
      sourceConnector { connectorType connectorName canUseAsSource }
      destinationConnectors { connectorType connectorName canUseAsDestination }
      executions(first: 5) { edges { node { executionId executionStatus startedAt } } }
    } } } }`,
  ],
  [
    'variables, aliases, fragments and a missing flow',
    `query($name: String!, $first: Int) {
      missing: flow(name: "no-such-flow") { flowName }
      one: flows(first: $first) { edges { node { ...F } } }
      named: flow(name: $name) { ...F description }
    }
    fragment F on Flow { __typename flowName flowStatus }`,
    { name: 'no-such-flow-either', first: 3 },
  ],
  ['an error: a bad cursor', `{ flows(first: 2, after: "not-a-cursor") { edges { cursor } } }`],
];

describe('graphql-jit', () => {
  for (const [what, query, variables] of QUERIES) {
    it(`answers like the reference executor: ${what}`, async () => {
      const fast = await compiledRun(query, variables);
      const ref = await reference(query, variables);
      expect(fast.data).toEqual(ref.data);
      if (what.startsWith('an error')) expect(fast.errors?.length).toBeGreaterThan(0);
      else expect(fast.data).toBeTruthy();
      expect(fast.errors?.map((e) => [e.path, e.extensions?.code])).toEqual(
        ref.errors?.map((e) => [e.path, e.extensions?.code]),
      );
    });
  }

  it('leaves mutations to the reference executor', async () => {
    await compiledRun('{ __typename }');
    compiled.length = 0;
    const r = await viaGateway(
      'mutation { startFlow(input: { flowName: "nope" }) { __typename } }',
    );
    expect(r.errors).toBeUndefined();
    expect(compiled).toEqual([false]);
  });
});

/**
 * Round trip, gateway half (issue #22): every output leaf the emulator returns for the read
 * operations the graph serves reaches the GraphQL response non-null, with the same value.
 *
 * Nothing is listed by hand but which query serves which operation: the selection sets are
 * built from the model's output shapes the way src/schema/model-types.ts builds the types
 * (connector unions as inline fragments, maps as key/value entries, credentials left out),
 * and the expected values are the emulator's own answers (read through the model's schema,
 * modelCommand) put into that same GraphQL form. A member the model gains shows up in both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppflowHandle, createAppflowClient } from '../../src/appflow/client.js';
import { modelCommand } from '../../src/appflow/model-command.js';
import { isConnectorUnion } from '../../src/model/connectors.js';
import { isSecretShape } from '../../src/model/credentials.js';
import { shape } from '../../src/model/model.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

type Any = any;

const nodes = (connection: Any): Any[] => connection.edges.map((e: Any) => e.node);

const outputMembers = (name: string) =>
  Object.entries(shape(name).members ?? {}).filter(([, ref]) => !isSecretShape(ref.shape));

/** The GraphQL selection of a model shape (empty for scalars and enums). */
function selection(name: string, depth = 0): string {
  if (depth > 10) throw new Error(`selection of ${name} too deep`);
  const s = shape(name);
  if (s.type === 'list') return selection(s.member!.shape, depth + 1);
  if (s.type === 'map') return `{ key value ${selection(s.value!.shape, depth + 1)} }`;
  if (s.type !== 'structure') return '';
  if (isConnectorUnion(name)) {
    // One fragment per member type, its fields aliased `Member_field`: member types may have
    // fields of one name and different types (each connector's operator enum). Every member
    // type has `connectorType`, the only field of those the model gives no members.
    const fragments = Object.entries(s.members!).map(([member, ref]) => {
      if (shape(ref.shape).type !== 'structure')
        return `... on ${name}${member} { ${member}_value: value }`;
      const fields = outputMembers(ref.shape).map(
        ([m, r]) => `${member}_${m}: ${m} ${selection(r.shape, depth + 1)}`,
      );
      return `... on ${ref.shape} { connectorType ${fields.join(' ')} }`;
    });
    return `{ __typename ${fragments.join(' ')} }`;
  }
  const members = outputMembers(name);
  if (members.length === 0) return '{ present }';
  return `{ ${members.map(([m, ref]) => `${m} ${selection(ref.shape, depth + 1)}`).join(' ')} }`;
}

/** An AppFlow value in the form the graph answers it (model-types.ts' toOutput, and JSON). */
function graphForm(name: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const s = shape(name);
  if (s.type === 'timestamp') return (value as Date).toISOString();
  if (s.type === 'list') return (value as unknown[]).map((v) => graphForm(s.member!.shape, v));
  if (s.type === 'map') {
    return Object.entries(value as object).map(([key, v]) => ({
      key,
      value: graphForm(s.value!.shape, v),
    }));
  }
  if (s.type !== 'structure') return value;
  const object = value as Record<string, unknown>;
  if (isConnectorUnion(name)) {
    const [member, v] = Object.entries(object).find(([, v]) => v != null) ?? [];
    if (!member) return undefined;
    const target = s.members![member]!.shape;
    if (shape(target).type !== 'structure') return { [`${member}_value`]: v };
    const fields = graphForm(target, v) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(fields).map(([k, f]) => [`${member}_${k}`, f]));
  }
  return Object.fromEntries(
    outputMembers(name)
      .map(([m, ref]) => [m, graphForm(ref.shape, object[m])] as const)
      .filter(([, v]) => v !== undefined),
  );
}

/** [path, value] of every leaf (empty structures are leaves too: `present`). */
function leaves(value: unknown, path: string[] = []): [string[], unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, String(i)]));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [[path, value]];
    return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [[path, value]];
}

/** Leaves of `expected` (GraphQL form of the emulator's answer) that `graph` lacks or differs on. */
function missingLeaves(expected: unknown, graph: unknown): string[] {
  const problems: string[] = [];
  for (const [path, value] of leaves(expected)) {
    let at: Any = graph;
    for (const step of path) at = at?.[step];
    const isEmptyStructure = value && typeof value === 'object';
    if (at === null || at === undefined) problems.push(`${path.join('.')}: null`);
    else if (isEmptyStructure) {
      if (typeof at !== 'object') problems.push(`${path.join('.')}: not an object`);
    } else if (at !== value) problems.push(`${path.join('.')}: ${at} != ${value}`);
  }
  return problems;
}

describe('every output leaf the emulator returns reaches the graph', () => {
  let gw: TestGateway;
  let appflow: AppflowHandle;
  const raw = async (op: string, input: Record<string, unknown>): Promise<Any> =>
    appflow.client.send(new (modelCommand(op))(input) as never);
  const query = async (document: string, variables?: Record<string, unknown>) => {
    const r = await gw.query<Any>(document, variables);
    expect(r.errors, document.slice(0, 200)).toBeUndefined();
    return r.data;
  };

  beforeAll(async () => {
    // Every member of every connector union is selected, each aliased: over the default 30.
    gw = await startTestGateway({ env: { MAX_ALIASES: '2000' } });
    await gw.emulator.control.seed({});
    appflow = createAppflowClient({
      region: 'us-east-1',
      appflowEndpoint: gw.emulator.url,
      maxConcurrentAppflowCalls: 8,
      appflowMaxAttempts: 1,
    });
  });
  afterAll(async () => {
    appflow?.destroy();
    await gw?.close();
  });

  /** Compare items by a key member; returns how many leaves were compared. */
  function compare(itemShape: string, items: Any[], nodes: Any[], key: string): number {
    expect(items.length).toBeGreaterThan(0);
    let compared = 0;
    for (const item of items) {
      const node = nodes.find((n) => n[key] === item[key]);
      expect(node, `${itemShape} ${item[key]} in the graph`).toBeDefined();
      const expected = graphForm(itemShape, item);
      expect(missingLeaves(expected, node), `${itemShape} ${item[key]}`).toEqual([]);
      compared += leaves(expected).length;
    }
    return compared;
  }

  it('the comparison sees a null, a wrong value and a missing union member', () => {
    expect(missingLeaves({ a: { b: 1 }, c: ['x'] }, { a: { b: null }, c: ['y'] })).toEqual([
      'a.b: null',
      'c.0: y != x',
    ]);
    const props = { Salesforce: { object: 'Account' } };
    const expected = graphForm('SourceConnectorProperties', props);
    expect(expected).toEqual({ Salesforce_object: 'Account' });
    expect(missingLeaves(expected, null)).toEqual(['Salesforce_object: null']);
  });

  it('ListFlows -> flows and DescribeFlow -> flow(name)', async () => {
    const listed = (await raw('ListFlows', { maxResults: 100 })).flows;
    const data = await query(
      `{ flows(first: 100) { edges { node ${selection('FlowDefinition')} } } }`,
    );
    expect(compare('FlowDefinition', listed, nodes(data.flows), 'flowName')).toBeGreaterThan(100);
    for (const { flowName } of listed) {
      const described = await raw('DescribeFlow', { flowName });
      const one = await query(
        `query($name: String!) { flow(name: $name) ${selection('DescribeFlowResponse')} }`,
        { name: flowName },
      );
      compare('DescribeFlowResponse', [described], [one.flow], 'flowName');
    }
  });

  it('DescribeFlowExecutionRecords -> flow.executions', async () => {
    const { flows } = await raw('ListFlows', { maxResults: 100 });
    let runs = 0;
    for (const { flowName } of flows) {
      const records = (await raw('DescribeFlowExecutionRecords', { flowName, maxResults: 100 }))
        .flowExecutions;
      if (!records.length) continue;
      const data = await query(
        `query($name: String!) { flow(name: $name) {
          executions(first: 100) { edges { node ${selection('ExecutionRecord')} } } } }`,
        { name: flowName },
      );
      compare('ExecutionRecord', records, nodes(data.flow.executions), 'executionId');
      runs += records.length;
    }
    expect(runs).toBeGreaterThan(0);
  });

  it('DescribeConnectorProfiles -> connectorProfiles', async () => {
    const profiles = (await raw('DescribeConnectorProfiles', { maxResults: 100 }))
      .connectorProfileDetails;
    const data = await query(
      `{ connectorProfiles(first: 100) { edges { node ${selection('ConnectorProfile')} } } }`,
    );
    compare('ConnectorProfile', profiles, nodes(data.connectorProfiles), 'connectorProfileName');
  });

  it('DescribeConnectors -> connectors(types)', async () => {
    const types = ['Salesforce', 'S3', 'Zendesk', 'Snowflake', 'SAPOData', 'Googleanalytics'];
    const configs = Object.values(
      (await raw('DescribeConnectors', { connectorTypes: types })).connectorConfigurations,
    );
    const data = await query(
      `query($types: [ConnectorType!]) {
        connectors(first: 100, types: $types) { edges { node ${selection('ConnectorConfiguration')} } } }`,
      { types },
    );
    compare('ConnectorConfiguration', configs, nodes(data.connectors), 'connectorType');
  });
});

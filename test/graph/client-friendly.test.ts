/**
 * What client caches and forms need from the graph: nullable root fields (partial data when one
 * fails), coded errors for bad global ids with null in their place, the deleted object's global
 * id on delete results, the connector-type -> @oneOf member map, DateTime's @specifiedBy.
 */
import { printSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ emulator: { seed: true } });
});
afterAll(() => t.close());
beforeEach(() => t.emulator.control.clearFaults());

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('root fields that reach AppFlow are nullable', () => {
  it('one failing root field leaves the others their data', async () => {
    await t.emulator.control.faults({
      operation: 'DescribeConnectorProfiles',
      type: 'error',
      errorType: 'InternalServerException',
    });
    const r: any = await t.query(`{
      flows(first: 2) { edges { node { flowName } } }
      connectorProfiles(first: 2) { edges { node { connectorProfileName } } }
    }`);
    expect(r.data.flows.edges.length).toBe(2);
    expect(r.data.connectorProfiles).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].path).toEqual(['connectorProfiles']);
    expect(r.errors[0].extensions.code).toBeDefined();
  });

  it('every Query and Mutation field that calls AppFlow is nullable in the schema', () => {
    const staticFields = new Set(['connectorInputMembers']);
    const nonNull = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.values(type.getFields())
        .filter((f) => f.type.toString().endsWith('!') && !staticFields.has(f.name))
        .map((f) => `${type.name}.${f.name}`),
    );
    expect(nonNull).toEqual([]);
  });
});

describe('node and nodes', () => {
  it('node(id: bogus) is null with INVALID_ID; an unknown object is null without an error', async () => {
    const r: any = await t.query(`{
      bogus: node(id: "bogus") { id }
      wrongType: node(id: "${b64('Nope:x')}") { id }
      missing: node(id: "${b64('Flow:no-such-flow')}") { id }
    }`);
    expect(r.data).toEqual({ bogus: null, wrongType: null, missing: null });
    expect(r.errors.map((e: any) => [e.path, e.extensions.code])).toEqual([
      [['bogus'], 'INVALID_ID'],
      [['wrongType'], 'INVALID_ID'],
    ]);
  });

  it('nodes(ids: [valid, bogus]) gives the valid one and null with an error at its index', async () => {
    const list: any = await t.query('{ flows(first: 1) { edges { node { id flowName } } } }');
    const flow = list.data.flows.edges[0].node;
    const r: any = await t.query(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Flow { flowName } } }',
      { ids: [flow.id, 'bogus', flow.id] },
    );
    expect(r.data.nodes).toEqual([flow, null, flow]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'INVALID_ID' } });
  });
});

describe('delete results carry the global id', () => {
  it('deleteFlow and deleteConnectorProfile return the id node(id:) answered', async () => {
    const list: any = await t.query(
      '{ flows(first: 1) { edges { node { id flowName sourceConnectorProfile { id connectorProfileName } } } } }',
    );
    const flow = list.data.flows.edges[0].node;
    const r: any = await t.query(
      `mutation($name: String!) { deleteFlow(input: { flowName: $name, forceDelete: true }) {
        __typename ... on DeleteFlowSuccess { deletedFlowName deletedFlowId } } }`,
      { name: flow.flowName },
    );
    expect(r.data.deleteFlow).toEqual({
      __typename: 'DeleteFlowSuccess',
      deletedFlowName: flow.flowName,
      deletedFlowId: flow.id,
    });
    const profile = flow.sourceConnectorProfile;
    if (profile) {
      const p: any = await t.query(
        `mutation($name: String!) { deleteConnectorProfile(input: { connectorProfileName: $name, forceDelete: true }) {
          ... on DeleteConnectorProfileSuccess { deletedConnectorProfileId } } }`,
        { name: profile.connectorProfileName },
      );
      expect(p.data.deleteConnectorProfile.deletedConnectorProfileId).toBe(profile.id);
    }
  });
});

describe('connector input members', () => {
  it('maps the three connector types whose member is spelled differently, from the model', async () => {
    const r: any = await t.query(`{
      connectorInputMembers { connectorType connectorProfileProperties connectorProfileCredentials sourceConnectorProperties destinationConnectorProperties connectorOperator }
      connector(type: S3) { inputMembers { sourceConnectorProperties destinationConnectorProperties connectorProfileProperties } }
    }`);
    expect(r.errors).toBeUndefined();
    const byType = new Map(r.data.connectorInputMembers.map((m: any) => [m.connectorType, m]));
    expect(byType.get('Googleanalytics')).toMatchObject({
      sourceConnectorProperties: 'GoogleAnalytics',
    });
    expect(byType.get('Infornexus')).toMatchObject({ sourceConnectorProperties: 'InforNexus' });
    expect(byType.get('Servicenow')).toMatchObject({
      sourceConnectorProperties: 'ServiceNow',
      connectorProfileProperties: 'ServiceNow',
    });
    expect(r.data.connector.inputMembers).toEqual({
      sourceConnectorProperties: 'S3',
      destinationConnectorProperties: 'S3',
      connectorProfileProperties: null,
    });
  });
});

it('DateTime says where it is specified', () => {
  expect(printSchema(schema)).toContain(
    'scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")',
  );
});

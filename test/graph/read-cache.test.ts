/**
 * Every AppFlow read goes through the reader, and so through the cross-request cache: lists of
 * connector profiles and connectors, entities and their fields, and tags are each fetched once
 * within their TTL, across requests, and fetched again after the mutations that change them.
 * Counted at the emulator (real SDK, real HTTP).
 */
import { DescribeConnectorProfilesCommand, ListFlowsCommand } from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import {
  CREATE_PROFILE,
  DELETE_PROFILE,
  REGISTER,
  RESET_CACHE,
  salesforceProfile,
  TAG,
  UNREGISTER,
} from '../mutations/fixtures.js';

let t: TestGateway;
type Any = any;

beforeAll(async () => {
  t = await startTestGateway({ emulator: { seed: true } });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.gateway.services.reader.cache.clear();
  await t.resetCalls();
});

async function data(query: string, variables?: Record<string, unknown>): Promise<Any> {
  const r = await t.query<Any>(query, variables);
  expect(r.errors).toBeUndefined();
  return r.data;
}

async function mutate(doc: string, input: unknown): Promise<Any> {
  const payload = Object.values(await data(doc, { input }))[0] as Any;
  expect(payload.__typename).toMatch(/Success$/);
  return payload;
}

/** Calls of `operation` the emulator received since the test began. */
async function callsOf(operation: string): Promise<number> {
  return (await t.calls())[operation] ?? 0;
}

describe('connector profiles', () => {
  const list = '{ connectorProfiles(first: 50) { edges { node { connectorProfileName } } } }';
  const ofConnector =
    '{ connector(type: Salesforce) { profiles(first: 50) { edges { node { connectorProfileName connectorType } } } } }';
  const names = (d: Any) => d.connectorProfiles.edges.map((e: Any) => e.node.connectorProfileName);

  it('listed twice in two requests within the TTL: one DescribeConnectorProfiles call', async () => {
    const first = await data(list);
    const second = await data(list);
    expect(names(second)).toEqual(names(first));
    expect(names(first).length).toBeGreaterThan(0);
    expect(await callsOf('DescribeConnectorProfiles')).toBe(1);
    // A connector's profiles are the same filtered list, cached the same way.
    await data(ofConnector);
    await data(ofConnector);
    expect(await callsOf('DescribeConnectorProfiles')).toBe(2);
  });

  it('a listed profile linked again further down the same request needs no second call', async () => {
    const d = await data(
      `{ connectorProfiles(first: 50) { edges { node { connectorProfileName
           flows(first: 5) { edges { node { sourceConnectorProfile { connectorProfileName } } } } } } } }`,
    );
    const linked = d.connectorProfiles.edges.flatMap((e: Any) => e.node.flows.edges);
    expect(linked.length).toBeGreaterThan(0);
    expect(await callsOf('DescribeConnectorProfiles')).toBe(1);
  });

  it('every cached list shows a created profile at once, and forgets a deleted one', async () => {
    await data(list);
    await data(ofConnector);
    await mutate(CREATE_PROFILE, salesforceProfile('listed-after-create'));
    expect(names(await data(list))).toContain('listed-after-create');
    const connector = await data(ofConnector);
    expect(
      connector.connector.profiles.edges.map((e: Any) => e.node.connectorProfileName),
    ).toContain('listed-after-create');
    await mutate(DELETE_PROFILE, { connectorProfileName: 'listed-after-create' });
    expect(names(await data(list))).not.toContain('listed-after-create');
  });
});

describe('connectors', () => {
  const list = '{ connectors(first: 100) { edges { node { connectorType connectorLabel } } } }';
  const labels = (d: Any) =>
    d.connectors.edges.map((e: Any) => e.node.connectorLabel).filter(Boolean);

  it('ListConnectors and DescribeConnectors pages are cached, and registrations forget them', async () => {
    await data(list);
    await data(list);
    expect(await callsOf('ListConnectors')).toBe(1);
    const some = '{ connectors(types: [S3, Salesforce]) { edges { node { connectorType } } } }';
    await data(some);
    await data(some);
    expect(await callsOf('DescribeConnectors')).toBe(1);

    await mutate(REGISTER, {
      connectorLabel: 'listed_after_register',
      connectorProvisioningType: 'LAMBDA',
      connectorProvisioningConfig: {
        lambda: { lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:listed' },
      },
    });
    expect(labels(await data(list))).toContain('listed_after_register');
    await mutate(UNREGISTER, { connectorLabel: 'listed_after_register' });
    expect(labels(await data(list))).not.toContain('listed_after_register');
  });
});

describe('entities', () => {
  let profile: string;
  beforeAll(async () => {
    const { connectorProfileDetails } = await t.emulator.client.send(
      new DescribeConnectorProfilesCommand({ connectorType: 'Salesforce' }),
    );
    profile = connectorProfileDetails![0]!.connectorProfileName!;
  });
  const entities = `query($p: String) { connector(type: Salesforce) {
    entities(profileName: $p) { name fields { identifier } } } }`;

  it('lists and describes entities once within the TTL; resetConnectorMetadataCache forgets them', async () => {
    const first = await data(entities, { p: profile });
    const count = first.connector.entities.length;
    expect(count).toBeGreaterThan(0);
    await data(entities, { p: profile });
    expect(await callsOf('ListConnectorEntities')).toBe(1);
    expect(await callsOf('DescribeConnectorEntity')).toBe(count);

    await mutate(RESET_CACHE, { connectorProfileName: profile });
    expect(await data(entities, { p: profile })).toEqual(first);
    expect(await callsOf('ListConnectorEntities')).toBe(2);
    expect(await callsOf('DescribeConnectorEntity')).toBe(2 * count);
  });
});

describe('tags', () => {
  it('are read once within the TTL, and a tag mutation shows at once', async () => {
    const { flows } = await t.emulator.client.send(new ListFlowsCommand({}));
    const arn = flows![0]!.flowArn!;
    const tags = 'query($arn: String!) { tags(resourceArn: $arn) { key value } }';
    const before = await data(tags, { arn });
    await data(tags, { arn });
    expect(await callsOf('ListTagsForResource')).toBe(1);

    await mutate(TAG, { resourceArn: arn, tags: [{ key: 'cached', value: 'no' }] });
    const after = await data(tags, { arn });
    expect(after.tags).toEqual(
      expect.arrayContaining([...before.tags, { key: 'cached', value: 'no' }]),
    );
  });
});

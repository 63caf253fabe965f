import {
  CreateConnectorProfileCommand,
  CreateFlowCommand,
  DeleteConnectorProfileCommand,
  DescribeConnectorCommand,
  DescribeConnectorEntityCommand,
  DescribeConnectorProfilesCommand,
  DescribeConnectorsCommand,
  ListConnectorEntitiesCommand,
  ListConnectorsCommand,
  ListTagsForResourceCommand,
  paginateDescribeConnectorProfiles,
  paginateDescribeConnectors,
  RegisterConnectorCommand,
  ResetConnectorMetadataCacheCommand,
  TagResourceCommand,
  UnregisterConnectorCommand,
  UntagResourceCommand,
  UpdateConnectorProfileCommand,
  UpdateConnectorRegistrationCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enumValues } from '../../src/model/model.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { errorOf, s3Flow, salesforceProfile } from './fixtures.js';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control.reset();
});

const lambdaArn = 'arn:aws:lambda:us-east-1:123456789012:function:my-connector';

describe('connector profiles', () => {
  it('stores credentials but never returns them; OAuth profiles get a credentialsArn', async () => {
    const r = await t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
    expect(r.connectorProfileArn).toBe(
      'arn:aws:appflow:us-east-1:123456789012:connectorprofile/sf',
    );
    const d = await t.client.send(new DescribeConnectorProfilesCommand({}));
    const p = d.connectorProfileDetails![0];
    expect(p).toMatchObject({
      connectorProfileName: 'sf',
      connectorType: 'Salesforce',
      connectionMode: 'Public',
      connectorProfileProperties: { Salesforce: { instanceUrl: 'https://test.my.salesforce.com' } },
    });
    expect(p.credentialsArn).toMatch(
      /^arn:aws:secretsmanager:us-east-1:123456789012:secret:appflow!/,
    );
    expect(p.createdAt).toBeInstanceOf(Date);
    const raw = JSON.stringify(d);
    expect(raw).not.toContain('super-secret-access-token');
    expect(raw).not.toContain('refresh-secret');
    expect(raw).not.toContain('connectorProfileCredentials');
  });

  it('rejects duplicates, unknown names, and profiles of connector types that use none', async () => {
    await t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
    expect(
      (await errorOf(t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')))))
        .name,
    ).toBe('ConflictException');
    const upd = await errorOf(
      t.client.send(
        new UpdateConnectorProfileCommand({
          connectorProfileName: 'ghost',
          connectionMode: 'Public',
          connectorProfileConfig: salesforceProfile('x').connectorProfileConfig!,
        }),
      ),
    );
    expect(upd.name).toBe('ResourceNotFoundException');
    const del = await errorOf(
      t.client.send(new DeleteConnectorProfileCommand({ connectorProfileName: 'ghost' })),
    );
    expect(del.name).toBe('ResourceNotFoundException');
    const mismatch = await errorOf(
      t.client.send(
        new CreateConnectorProfileCommand({
          ...salesforceProfile('slack'),
          connectorType: 'Slack',
        }),
      ),
    );
    expect(mismatch.name).toBe('ValidationException');
  });

  it('updates properties and lastUpdatedAt', async () => {
    await t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
    await t.control.advance(10);
    await t.client.send(
      new UpdateConnectorProfileCommand({
        connectorProfileName: 'sf',
        connectionMode: 'Private',
        connectorProfileConfig: {
          connectorProfileProperties: {
            Salesforce: { instanceUrl: 'https://new.my.salesforce.com' },
          },
        },
      }),
    );
    const [p] = (await t.client.send(new DescribeConnectorProfilesCommand({})))
      .connectorProfileDetails!;
    expect(p.connectionMode).toBe('Private');
    expect(p.connectorProfileProperties?.Salesforce?.instanceUrl).toBe(
      'https://new.my.salesforce.com',
    );
    expect(p.lastUpdatedAt!.getTime() - p.createdAt!.getTime()).toBeGreaterThanOrEqual(10_000);
  });

  it('a profile in use by a flow needs forceDelete', async () => {
    await t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
    await t.client.send(new CreateFlowCommand(s3Flow('uses-sf', 'sf')));
    const err = await errorOf(
      t.client.send(new DeleteConnectorProfileCommand({ connectorProfileName: 'sf' })),
    );
    expect(err.name).toBe('ConflictException');
    await t.client.send(
      new DeleteConnectorProfileCommand({ connectorProfileName: 'sf', forceDelete: true }),
    );
    expect(
      (await t.client.send(new DescribeConnectorProfilesCommand({}))).connectorProfileDetails,
    ).toEqual([]);
  });

  it('filters by names, type and label, and paginates', async () => {
    await t.control.seed();
    const byType = await t.client.send(
      new DescribeConnectorProfilesCommand({ connectorType: 'Salesforce' }),
    );
    expect(byType.connectorProfileDetails?.map((p) => p.connectorProfileName)).toEqual([
      'salesforce-prod',
      'salesforce-sandbox',
    ]);
    const byName = await t.client.send(
      new DescribeConnectorProfilesCommand({ connectorProfileNames: ['slack-workspace', 'nope'] }),
    );
    expect(byName.connectorProfileDetails?.map((p) => p.connectorType)).toEqual(['Slack']);
    const byLabel = await t.client.send(
      new DescribeConnectorProfilesCommand({
        connectorType: 'CustomConnector',
        connectorLabel: 'acme-inventory',
      }),
    );
    expect(byLabel.connectorProfileDetails?.map((p) => p.connectorProfileName)).toEqual([
      'inventory-api',
    ]);
    const names: string[] = [];
    for await (const page of paginateDescribeConnectorProfiles(
      { client: t.client, pageSize: 3 },
      {},
    )) {
      names.push(...page.connectorProfileDetails!.map((p) => p.connectorProfileName!));
    }
    expect(names.length).toBeGreaterThanOrEqual(7);
    expect(new Set(names).size).toBe(names.length);
    // A token from one filter does not work with another.
    const first = await t.client.send(
      new DescribeConnectorProfilesCommand({ maxResults: 1, connectorType: 'Salesforce' }),
    );
    const err = await errorOf(
      t.client.send(
        new DescribeConnectorProfilesCommand({ maxResults: 1, nextToken: first.nextToken }),
      ),
    );
    expect(err.name).toBe('ValidationException');
  });
});

describe('connectors', () => {
  it('DescribeConnectors returns a catalog keyed by type, filtered, paginated', async () => {
    const r = await t.client.send(
      new DescribeConnectorsCommand({ connectorTypes: ['Salesforce', 'S3', 'Redshift'] }),
    );
    const sf = r.connectorConfigurations!.Salesforce!;
    expect(Object.keys(r.connectorConfigurations!).sort()).toEqual([
      'Redshift',
      'S3',
      'Salesforce',
    ]);
    expect(sf).toMatchObject({
      canUseAsSource: true,
      canUseAsDestination: true,
      connectorName: 'Salesforce',
      connectorOwner: 'AWS',
    });
    expect(sf.supportedTriggerTypes).toEqual(
      expect.arrayContaining(['OnDemand', 'Scheduled', 'Event']),
    );
    expect(sf.supportedDestinationConnectors).toContain('S3');
    expect(sf.supportedSchedulingFrequencies).toContain('HOURLY');
    expect(sf.supportedApiVersions).toContain('v58.0');
    expect(sf.supportedOperators).toContain('PROJECTION');
    expect(sf.supportedWriteOperations).toContain('UPSERT');
    expect(sf.connectorMetadata?.Salesforce?.oAuthScopes).toContain('api');
    expect(sf.registeredAt).toBeInstanceOf(Date);
    expect(r.connectorConfigurations!.Redshift!.canUseAsSource).toBe(false);

    const all: string[] = [];
    for await (const page of paginateDescribeConnectors({ client: t.client, pageSize: 5 }, {})) {
      all.push(...Object.keys(page.connectorConfigurations ?? {}));
    }
    expect(all.sort()).toEqual(
      enumValues('ConnectorType')
        .filter((x) => x !== 'CustomConnector')
        .sort(),
    );
  });

  it('DescribeConnector works for built-in types and registered custom connectors', async () => {
    const s3 = await t.client.send(new DescribeConnectorCommand({ connectorType: 'S3' }));
    expect(s3.connectorConfiguration?.connectorName).toBe('Amazon S3');
    const missing = await errorOf(
      t.client.send(
        new DescribeConnectorCommand({ connectorType: 'CustomConnector', connectorLabel: 'nope' }),
      ),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('register, list, describe, update and unregister a custom connector', async () => {
    const reg = await t.client.send(
      new RegisterConnectorCommand({
        connectorLabel: 'my-conn',
        description: 'Mine',
        connectorProvisioningType: 'LAMBDA',
        connectorProvisioningConfig: { lambda: { lambdaArn } },
      }),
    );
    expect(reg.connectorArn).toBe('arn:aws:appflow:us-east-1:123456789012:connector/my-conn');
    const dup = await errorOf(
      t.client.send(
        new RegisterConnectorCommand({
          connectorLabel: 'my-conn',
          connectorProvisioningConfig: { lambda: { lambdaArn } },
        }),
      ),
    );
    expect(dup.name).toBe('ConflictException');
    const list = await t.client.send(new ListConnectorsCommand({}));
    expect(list.connectors).toMatchObject([
      { connectorLabel: 'my-conn', connectorType: 'CustomConnector', connectorVersion: '1.0' },
    ]);
    await t.client.send(
      new UpdateConnectorRegistrationCommand({ connectorLabel: 'my-conn', description: 'v2' }),
    );
    const d = await t.client.send(
      new DescribeConnectorCommand({ connectorType: 'CustomConnector', connectorLabel: 'my-conn' }),
    );
    expect(d.connectorConfiguration).toMatchObject({
      connectorLabel: 'my-conn',
      connectorDescription: 'v2',
      connectorVersion: '2.0',
      connectorProvisioningConfig: { lambda: { lambdaArn } },
    });
    const described = await t.client.send(
      new DescribeConnectorsCommand({ connectorTypes: ['CustomConnector'] }),
    );
    expect(described.connectors?.map((c) => c.connectorLabel)).toEqual(['my-conn']);

    // In use by a profile: needs forceDelete.
    await t.client.send(
      new CreateConnectorProfileCommand({
        connectorProfileName: 'custom-profile',
        connectorType: 'CustomConnector',
        connectorLabel: 'my-conn',
        connectionMode: 'Public',
        connectorProfileConfig: {
          connectorProfileProperties: { CustomConnector: { profileProperties: { k: 'v' } } },
        },
      }),
    );
    const inUse = await errorOf(
      t.client.send(new UnregisterConnectorCommand({ connectorLabel: 'my-conn' })),
    );
    expect(inUse.name).toBe('ConflictException');
    await t.client.send(
      new UnregisterConnectorCommand({ connectorLabel: 'my-conn', forceDelete: true }),
    );
    expect((await t.client.send(new ListConnectorsCommand({}))).connectors).toEqual([]);
    const gone = await errorOf(
      t.client.send(new UpdateConnectorRegistrationCommand({ connectorLabel: 'my-conn' })),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
  });
});

describe('connector entities and the metadata cache', () => {
  beforeEach(async () => {
    await t.control.seed();
  });

  it('lists and describes Salesforce entities and fields', async () => {
    const l = await t.client.send(
      new ListConnectorEntitiesCommand({ connectorProfileName: 'salesforce-prod' }),
    );
    const names = l.connectorEntityMap!.Objects!.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Account', 'Opportunity', 'Contact']));
    const d = await t.client.send(
      new DescribeConnectorEntityCommand({
        connectorProfileName: 'salesforce-prod',
        connectorEntityName: 'Account',
      }),
    );
    const id = d.connectorEntityFields!.find((f) => f.identifier === 'Id')!;
    expect(id.isPrimaryKey).toBe(true);
    expect(id.supportedFieldTypeDetails?.v1?.fieldType).toBe('id');
    expect(d.connectorEntityFields!.map((f) => f.identifier)).toContain('AnnualRevenue');
    const missing = await errorOf(
      t.client.send(
        new DescribeConnectorEntityCommand({
          connectorProfileName: 'salesforce-prod',
          connectorEntityName: 'NoSuchObject',
        }),
      ),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('navigates nested entities with entitiesPath (SAP OData, S3, Slack)', async () => {
    const root = await t.client.send(
      new ListConnectorEntitiesCommand({ connectorProfileName: 'sap-s4hana' }),
    );
    const service = root.connectorEntityMap!.Services![0];
    expect(service.hasNestedEntities).toBe(true);
    const nested = await t.client.send(
      new ListConnectorEntitiesCommand({
        connectorProfileName: 'sap-s4hana',
        entitiesPath: service.name,
      }),
    );
    expect(Object.values(nested.connectorEntityMap!)[0].map((e) => e.label)).toContain(
      'A_SalesOrder',
    );
    const s3 = await t.client.send(new ListConnectorEntitiesCommand({ connectorType: 'S3' }));
    expect(s3.connectorEntityMap!.Buckets!.map((b) => b.name)).toContain('appflow-landing-zone');
    const slack = await t.client.send(
      new ListConnectorEntitiesCommand({
        connectorProfileName: 'slack-workspace',
        entitiesPath: 'conversations',
      }),
    );
    expect(slack.connectorEntityMap!.Objects!.map((e) => e.label)).toContain('#general');
  });

  it('applies the connectorType / connectorProfileName rule and 404s unknown profiles', async () => {
    const noProfile = await errorOf(
      t.client.send(new ListConnectorEntitiesCommand({ connectorType: 'Salesforce' })),
    );
    expect(noProfile.name).toBe('ValidationException');
    const unknown = await errorOf(
      t.client.send(new ListConnectorEntitiesCommand({ connectorProfileName: 'ghost' })),
    );
    expect(unknown.name).toBe('ResourceNotFoundException');
    const resetNeither = await errorOf(t.client.send(new ResetConnectorMetadataCacheCommand({})));
    expect(resetNeither.name).toBe('ValidationException');
    const resetSf = await errorOf(
      t.client.send(new ResetConnectorMetadataCacheCommand({ connectorType: 'Salesforce' })),
    );
    expect(resetSf.name).toBe('ValidationException');
    for (const connectorType of [
      'S3',
      'EventBridge',
      'LookoutMetrics',
      'Upsolver',
      'CustomerProfiles',
    ] as const) {
      await t.client.send(new ResetConnectorMetadataCacheCommand({ connectorType }));
    }
    const resetGhost = await errorOf(
      t.client.send(new ResetConnectorMetadataCacheCommand({ connectorProfileName: 'ghost' })),
    );
    expect(resetGhost.name).toBe('ResourceNotFoundException');
  });

  it('caches metadata per profile until ResetConnectorMetadataCache', async () => {
    const cache = async () =>
      ((await t.control.call('GET', '/metadata-cache')) as { entries: string[] }).entries;
    await t.client.send(
      new ListConnectorEntitiesCommand({ connectorProfileName: 'salesforce-prod' }),
    );
    await t.client.send(
      new DescribeConnectorEntityCommand({
        connectorProfileName: 'salesforce-prod',
        connectorEntityName: 'Account',
      }),
    );
    await t.client.send(
      new ListConnectorEntitiesCommand({ connectorProfileName: 'zendesk-support' }),
    );
    expect(await cache()).toHaveLength(3);
    await t.client.send(
      new ResetConnectorMetadataCacheCommand({
        connectorProfileName: 'salesforce-prod',
        connectorEntityName: 'Account',
      }),
    );
    expect(await cache()).toHaveLength(2);
    await t.client.send(
      new ResetConnectorMetadataCacheCommand({ connectorProfileName: 'salesforce-prod' }),
    );
    expect(await cache()).toEqual(['profile:zendesk-support|list||']);
  });
});

describe('tags', () => {
  it('tags, untags and lists tags of flows and profiles by ARN', async () => {
    const { connectorProfileArn } = await t.client.send(
      new CreateConnectorProfileCommand(salesforceProfile('sf')),
    );
    const { flowArn } = await t.client.send(new CreateFlowCommand(s3Flow('tagged', 'sf')));
    expect(
      (await t.client.send(new ListTagsForResourceCommand({ resourceArn: flowArn }))).tags,
    ).toEqual({
      team: 'test',
    });
    await t.client.send(
      new TagResourceCommand({ resourceArn: flowArn, tags: { env: 'dev', owner: 'me' } }),
    );
    await t.client.send(
      new UntagResourceCommand({ resourceArn: flowArn, tagKeys: ['team', 'owner'] }),
    );
    expect(
      (await t.client.send(new ListTagsForResourceCommand({ resourceArn: flowArn }))).tags,
    ).toEqual({
      env: 'dev',
    });
    await t.client.send(
      new TagResourceCommand({ resourceArn: connectorProfileArn, tags: { cost: 'center-1' } }),
    );
    expect(
      (await t.client.send(new ListTagsForResourceCommand({ resourceArn: connectorProfileArn })))
        .tags,
    ).toEqual({ cost: 'center-1' });
    const unknown = 'arn:aws:appflow:us-east-1:123456789012:flow/ghost';
    const calls = [
      () => t.client.send(new ListTagsForResourceCommand({ resourceArn: unknown })),
      () => t.client.send(new TagResourceCommand({ resourceArn: unknown, tags: { a: 'b' } })),
      () => t.client.send(new UntagResourceCommand({ resourceArn: unknown, tagKeys: ['a'] })),
    ];
    for (const call of calls) {
      expect((await errorOf(call())).name).toBe('ResourceNotFoundException');
    }
    const bad = await errorOf(
      t.client.send(new TagResourceCommand({ resourceArn: flowArn, tags: { 'aws:x': 'y' } })),
    );
    expect(bad.name).toBe('ValidationException');
  });
});

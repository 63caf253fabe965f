/**
 * What real AppFlow does, each rule with its source (see the Fidelity section of src/emulator/README.md),
 * through the real SDK against the emulator over HTTP.
 */
import {
  type AppflowClient,
  CreateConnectorProfileCommand,
  CreateFlowCommand,
  type CreateFlowCommandInput,
  DescribeConnectorCommand,
  DescribeConnectorEntityCommand,
  DescribeConnectorProfilesCommand,
  DescribeFlowExecutionRecordsCommand,
  ListConnectorEntitiesCommand,
  ResetConnectorMetadataCacheCommand,
  StartFlowCommand,
  UpdateFlowCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appflowClient, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { errorOf, s3Flow, salesforceProfile } from './fixtures.js';

let t: TestEmulator;
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const DAY = 86_400_000;
beforeAll(async () => {
  t = await startTestEmulator({ runSeconds: 5, now: () => T0 });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control.reset();
  await t.client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
});

const records = async (flowName: string) =>
  (await t.client.send(new DescribeFlowExecutionRecordsCommand({ flowName }))).flowExecutions ?? [];

const scheduled = (
  name: string,
  props: Record<string, unknown>,
  base: CreateFlowCommandInput = s3Flow(name, 'sf'),
): CreateFlowCommandInput => ({
  ...base,
  triggerConfig: {
    triggerType: 'Scheduled',
    triggerProperties: { Scheduled: { scheduleExpression: 'rate(1hours)', ...props } },
  },
});

const cacheKeys = async () =>
  ((await t.control.call('GET', '/metadata-cache')) as { entries: string[] }).entries;

describe('ResetConnectorMetadataCache follows each member of its request', () => {
  const fill = async () => {
    await t.client.send(new ListConnectorEntitiesCommand({ connectorProfileName: 'sf' }));
    await t.client.send(
      new DescribeConnectorEntityCommand({
        connectorProfileName: 'sf',
        connectorEntityName: 'Account',
      }),
    );
  };

  it('without connectorEntityName it resets entity names only, not entity details', async () => {
    await fill();
    expect(await cacheKeys()).toHaveLength(2);
    await t.client.send(new ResetConnectorMetadataCacheCommand({ connectorProfileName: 'sf' }));
    const left = await cacheKeys();
    expect(left).toHaveLength(1);
    expect(left[0]).toContain('|entity|Account|');
  });

  it('with connectorEntityName it resets that entity’s details', async () => {
    await fill();
    await t.client.send(
      new ResetConnectorMetadataCacheCommand({
        connectorProfileName: 'sf',
        connectorEntityName: 'Account',
      }),
    );
    const left = await cacheKeys();
    expect(left).toHaveLength(1);
    expect(left[0]).toContain('|list|');
  });

  it('entitiesPath resets the names under that parent only', async () => {
    await t.client.send(
      new CreateConnectorProfileCommand({
        connectorProfileName: 'slack',
        connectorType: 'Slack',
        connectionMode: 'Public',
        connectorProfileConfig: {
          connectorProfileProperties: { Slack: { instanceUrl: 'https://x.slack.com' } },
        },
      }),
    );
    await t.client.send(new ListConnectorEntitiesCommand({ connectorProfileName: 'slack' }));
    await t.client.send(
      new ListConnectorEntitiesCommand({
        connectorProfileName: 'slack',
        entitiesPath: 'conversations',
      }),
    );
    await t.client.send(
      new ResetConnectorMetadataCacheCommand({
        connectorProfileName: 'slack',
        entitiesPath: 'conversations',
      }),
    );
    expect(await cacheKeys()).toEqual(['profile:slack|list||']);
  });

  it('apiVersion narrows to that version and is refused where a connector has one version', async () => {
    await t.client.send(
      new ListConnectorEntitiesCommand({ connectorProfileName: 'sf', apiVersion: 'v58.0' }),
    );
    await t.client.send(
      new ListConnectorEntitiesCommand({ connectorProfileName: 'sf', apiVersion: 'v57.0' }),
    );
    await t.client.send(
      new ResetConnectorMetadataCacheCommand({ connectorProfileName: 'sf', apiVersion: 'v58.0' }),
    );
    expect(await cacheKeys()).toEqual(['profile:sf|list||v57.0']);
    const unknown = await errorOf(
      t.client.send(
        new ResetConnectorMetadataCacheCommand({ connectorProfileName: 'sf', apiVersion: 'v1' }),
      ),
    );
    expect(unknown.name).toBe('ValidationException');
    const single = await errorOf(
      t.client.send(
        new ResetConnectorMetadataCacheCommand({ connectorType: 'S3', apiVersion: 'v1' }),
      ),
    );
    expect(single.name).toBe('ValidationException');
    expect(single.message).toMatch(/multiple API versions/);
  });
});

describe('flow definitions', () => {
  const twoDestinations = (name: string): CreateFlowCommandInput => {
    const f = s3Flow(name, 'sf');
    return {
      ...f,
      destinationFlowConfigList: [...f.destinationFlowConfigList!, ...f.destinationFlowConfigList!],
    };
  };

  it('refuses more than one destination on CreateFlow and UpdateFlow', async () => {
    const err = await errorOf(t.client.send(new CreateFlowCommand(twoDestinations('two'))));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toMatch(/multiple destinations/);
    await t.client.send(new CreateFlowCommand(s3Flow('one', 'sf')));
    const { tags: _tags, ...update } = twoDestinations('one');
    const upd = await errorOf(t.client.send(new UpdateFlowCommand(update)));
    expect(upd.name).toBe('ValidationException');
  });

  it('checks trigger types against the catalog: S3 runs on schedule and on demand, Salesforce also on events', async () => {
    const s3 = await t.client.send(new DescribeConnectorCommand({ connectorType: 'S3' }));
    expect(s3.connectorConfiguration?.supportedTriggerTypes).toEqual(['Scheduled', 'OnDemand']);
    const sf = await t.client.send(new DescribeConnectorCommand({ connectorType: 'Salesforce' }));
    expect(sf.connectorConfiguration?.supportedTriggerTypes).toContain('Event');
    const fromS3: CreateFlowCommandInput = {
      ...s3Flow('s3-event', 'sf', 'Event'),
      sourceFlowConfig: {
        connectorType: 'S3',
        sourceConnectorProperties: { S3: { bucketName: 'in-bucket' } },
      },
      tasks: [{ taskType: 'Map_all', sourceFields: [], connectorOperator: { S3: 'NO_OP' } }],
    };
    const err = await errorOf(t.client.send(new CreateFlowCommand(fromS3)));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      'Trigger type Event is not supported by source connector type S3. Supported trigger types: Scheduled, OnDemand',
    );
    await t.client.send(new CreateFlowCommand(s3Flow('sf-event', 'sf', 'Event')));
  });

  it('checks destinations and write operations against the catalog', async () => {
    const toSf: CreateFlowCommandInput = {
      ...s3Flow('sf-to-sf', 'sf'),
      destinationFlowConfigList: [
        {
          connectorType: 'Salesforce',
          connectorProfileName: 'sf',
          destinationConnectorProperties: { Salesforce: { object: 'Lead' } },
        },
      ],
    };
    const err = await errorOf(t.client.send(new CreateFlowCommand(toSf)));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toMatch(
      /Destination connector type Salesforce is not supported for source connector type Salesforce/,
    );
    const fromS3 = (writeOperationType: 'UPSERT' | 'DELETE', connectorType = 'Salesforce') => ({
      ...s3Flow(`s3-${writeOperationType}`, 'sf'),
      sourceFlowConfig: {
        connectorType: 'S3' as const,
        sourceConnectorProperties: { S3: { bucketName: 'in-bucket' } },
      },
      tasks: [
        {
          taskType: 'Map_all' as const,
          sourceFields: [],
          connectorOperator: { S3: 'NO_OP' as const },
        },
      ],
      destinationFlowConfigList: [
        {
          connectorType: connectorType as 'Salesforce',
          connectorProfileName: 'sf',
          destinationConnectorProperties: {
            Salesforce: { object: 'Lead', writeOperationType, idFieldNames: ['Email'] },
          },
        },
      ],
    });
    await t.client.send(new CreateFlowCommand(fromS3('UPSERT')));
    const zd = await t.client.send(new DescribeConnectorCommand({ connectorType: 'Zendesk' }));
    expect(zd.connectorConfiguration?.supportedWriteOperations).not.toContain('DELETE');
    await t.client.send(
      new CreateConnectorProfileCommand({
        connectorProfileName: 'zd',
        connectorType: 'Zendesk',
        connectionMode: 'Public',
        connectorProfileConfig: {
          connectorProfileProperties: { Zendesk: { instanceUrl: 'https://x.zendesk.com' } },
        },
      }),
    );
    const toZendesk = {
      ...fromS3('DELETE'),
      destinationFlowConfigList: [
        {
          connectorType: 'Zendesk' as const,
          connectorProfileName: 'zd',
          destinationConnectorProperties: {
            Zendesk: { object: 'tickets', writeOperationType: 'DELETE' as const },
          },
        },
      ],
    };
    const del = await errorOf(t.client.send(new CreateFlowCommand(toZendesk)));
    expect(del.name).toBe('ValidationException');
    expect(del.message).toBe(
      'Write operation DELETE is not supported by destination connector type Zendesk. Supported write operations: INSERT, UPSERT, UPDATE',
    );
  });

  it('checks the schedule frequency against the source’s supportedSchedulingFrequencies', async () => {
    const ga = await t.client.send(
      new DescribeConnectorCommand({ connectorType: 'Googleanalytics' }),
    );
    expect(ga.connectorConfiguration?.supportedSchedulingFrequencies).not.toContain('BYMINUTE');
    const sf = await t.client.send(new DescribeConnectorCommand({ connectorType: 'Salesforce' }));
    expect(sf.connectorConfiguration?.supportedSchedulingFrequencies).toContain('BYMINUTE');
  });
});

describe('schedules', () => {
  it('takes AppFlow’s syntax only: rate(<n>minutes|hours|days) and AWS six-field cron', async () => {
    const refused = [
      'rate(5 minutes)',
      'rate(1minute)',
      'rate(0minutes)',
      'rate(30seconds)',
      'rate(1weeks)',
      'cron(0 * * * *)',
      'cron(0 12 * * 1 *)',
      'cron(0 12 ? * ? *)',
      'every hour',
    ];
    for (const scheduleExpression of refused) {
      const err = await errorOf(
        t.client.send(new CreateFlowCommand(scheduled('bad', { scheduleExpression }))),
      );
      expect(err.name, scheduleExpression).toBe('ValidationException');
    }
    for (const [i, scheduleExpression] of [
      'rate(5minutes)',
      'rate(1hours)',
      'rate(2days)',
      'cron(0 12 ? * MON-FRI *)',
      'cron(15 10 1 * ? 2025-2030)',
    ].entries()) {
      await t.client.send(new CreateFlowCommand(scheduled(`ok-${i}`, { scheduleExpression })));
    }
  });

  it('refuses a scheduleStartTime in the past; a future one is when the first run starts', async () => {
    const past = await errorOf(
      t.client.send(
        new CreateFlowCommand(scheduled('past', { scheduleStartTime: new Date(T0 - 3_600_000) })),
      ),
    );
    expect(past.name).toBe('ValidationException');
    expect(past.message).toMatch(/scheduleStartTime must not be in the past/);
    await t.client.send(
      new CreateFlowCommand(scheduled('later', { scheduleStartTime: new Date(T0 + 600_000) })),
    );
    await t.client.send(new StartFlowCommand({ flowName: 'later' }));
    await t.control.advance(599);
    expect(await records('later')).toHaveLength(0);
    await t.control.advance(1);
    expect((await records('later'))[0].startedAt).toEqual(new Date(T0 + 600_000));
  });

  it('scheduleOffset delays each run after its schedule point', async () => {
    await t.client.send(new CreateFlowCommand(scheduled('offset', { scheduleOffset: 300 })));
    await t.client.send(new StartFlowCommand({ flowName: 'offset' }));
    expect(await records('offset')).toHaveLength(0);
    await t.control.advance(300 + 3600);
    const runs = await records('offset');
    expect(runs.map((r) => r.startedAt?.getTime())).toEqual([T0 + 3_900_000, T0 + 300_000]);
  });

  it('refuses an unknown timezone on CreateFlow and UpdateFlow, before anything changes', async () => {
    for (const timezone of ['Mars/Olympus', 'America/NewYork']) {
      const expr = { scheduleExpression: 'cron(0 * * * ? *)', timezone };
      const err = await errorOf(t.client.send(new CreateFlowCommand(scheduled('tz', expr))));
      expect(err.name, timezone).toBe('ValidationException');
      expect(err.message).toMatch(/not a valid time zone/);
    }
    const good = scheduled('tz', {
      scheduleExpression: 'cron(0 * * * ? *)',
      timezone: 'America/New_York',
    });
    await t.client.send(new CreateFlowCommand(good));
    const { tags: _tags, ...update } = scheduled('tz', {
      scheduleExpression: 'cron(0 * * * ? *)',
      timezone: 'Mars/Olympus',
    });
    expect((await errorOf(t.client.send(new UpdateFlowCommand(update)))).name).toBe(
      'ValidationException',
    );
    const started = await t.client.send(new StartFlowCommand({ flowName: 'tz' }));
    expect(started.flowStatus).toBe('Active');
    await t.control.advance(3600);
    expect(await records('tz')).toHaveLength(1);
  });
});

describe('data pull windows of incremental scheduled flows', () => {
  it('the first run pulls the past 30 days, later runs from the last successful one', async () => {
    await t.client.send(new CreateFlowCommand(scheduled('inc', { dataPullMode: 'Incremental' })));
    await t.control.advance(7200);
    await t.client.send(new StartFlowCommand({ flowName: 'inc' }));
    await t.control.advance(3600);
    const [second, first] = await records('inc');
    const activatedAt = T0 + 7_200_000;
    expect(first.dataPullStartTime).toEqual(new Date(activatedAt - 30 * DAY));
    expect(first.dataPullEndTime).toEqual(new Date(activatedAt));
    expect(second.dataPullStartTime).toEqual(first.dataPullEndTime);
    expect(second.dataPullEndTime).toEqual(new Date(activatedAt + 3_600_000));
  });

  it('firstExecutionFrom sets where the first run starts pulling; a future one is refused', async () => {
    const from = new Date(T0 - 5 * DAY);
    await t.client.send(
      new CreateFlowCommand(
        scheduled('from', { dataPullMode: 'Incremental', firstExecutionFrom: from }),
      ),
    );
    await t.client.send(new StartFlowCommand({ flowName: 'from' }));
    const [first] = await records('from');
    expect(first.dataPullStartTime).toEqual(from);
    const future = await errorOf(
      t.client.send(
        new CreateFlowCommand(
          scheduled('future', {
            dataPullMode: 'Incremental',
            firstExecutionFrom: new Date(T0 + DAY),
          }),
        ),
      ),
    );
    expect(future.name).toBe('ValidationException');
  });
});

describe('connector profiles', () => {
  it('an unregistered custom connector label is a ValidationException naming the label', async () => {
    const err = await errorOf(
      t.client.send(
        new CreateConnectorProfileCommand({
          connectorProfileName: 'custom',
          connectorType: 'CustomConnector',
          connectorLabel: 'never-registered',
          connectionMode: 'Public',
          connectorProfileConfig: {
            connectorProfileProperties: { CustomConnector: {} },
          },
        }),
      ),
    );
    expect(err.name).toBe('ValidationException');
    expect(err.message).toContain('never-registered');
  });

  /** A client that adds members of the newer model the SDK does not know yet (its serializer
   * drops them) to the JSON body it sends. */
  function clientAdding(add: (body: Record<string, unknown>) => void): AppflowClient & {
    sentWithMembers: () => number;
  } {
    const client = appflowClient(t.url);
    let sent = 0;
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown; headers: Record<string, string> };
        // The serialized JSON body (a string, or the SDK's string adapter).
        if (request.body !== undefined) {
          const raw = request.body;
          const body = JSON.parse(
            raw instanceof Uint8Array ? new TextDecoder().decode(raw) : String(raw),
          );
          add(body);
          const text = JSON.stringify(body);
          request.body = text;
          request.headers['content-length'] = String(Buffer.byteLength(text));
          sent++;
        }
        return next(args);
      },
      { step: 'finalizeRequest', name: 'addNewModelMembers' },
    );
    return Object.assign(client, { sentWithMembers: () => sent });
  }

  const snowflake = (
    name: string,
  ): ConstructorParameters<typeof CreateConnectorProfileCommand>[0] => ({
    connectorProfileName: name,
    connectorType: 'Snowflake',
    connectionMode: 'Public',
    connectorProfileConfig: {
      connectorProfileProperties: {
        Snowflake: { warehouse: 'WH', stage: 'DB.PUBLIC.STAGE', bucketName: 'stage-bucket' },
      },
      // The SDK's older model still requires password; the new one does not.
      connectorProfileCredentials: {
        Snowflake: { username: 'APPFLOW' } as { username: string; password: string },
      },
    },
  });

  it('Snowflake credentials take a password or a privateKey, not neither and not both', async () => {
    await t.client.send(
      new CreateConnectorProfileCommand({
        ...snowflake('sf-password'),
        connectorProfileConfig: {
          ...snowflake('x').connectorProfileConfig!,
          connectorProfileCredentials: { Snowflake: { username: 'APPFLOW', password: 'pw' } },
        },
      }),
    );
    const neither = await errorOf(
      t.client.send(new CreateConnectorProfileCommand(snowflake('sf-none'))),
    );
    expect(neither.name).toBe('ValidationException');
    expect(neither.message).toMatch(/password or a privateKey/);
    const setKey = (key: boolean, password: boolean) => (body: Record<string, unknown>) => {
      const creds = (
        body.connectorProfileConfig as Record<string, Record<string, Record<string, string>>>
      ).connectorProfileCredentials.Snowflake;
      if (key)
        // One line: the shared validator matches the model's pattern `.*` against the whole
        // value, which a multi-line PEM does not pass.
        creds.privateKey = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC-PRIVATE-KEY';
      if (password) creds.password = 'pw';
    };
    const keyClient = clientAdding(setKey(true, false));
    await keyClient.send(new CreateConnectorProfileCommand(snowflake('sf-key')));
    const bothClient = clientAdding(setKey(true, true));
    const both = await errorOf(
      bothClient.send(new CreateConnectorProfileCommand(snowflake('sf-both'))),
    );
    expect(both.name).toBe('ValidationException');
    const listed = await t.client.send(
      new DescribeConnectorProfilesCommand({ connectorType: 'Snowflake' }),
    );
    expect(listed.connectorProfileDetails?.map((p) => p.connectorProfileName).sort()).toEqual([
      'sf-key',
      'sf-password',
    ]);
    expect(JSON.stringify(listed)).not.toContain('PRIVATE-KEY');
    expect(keyClient.sentWithMembers()).toBe(1);
    keyClient.destroy();
    bothClient.destroy();
  });

  it('takes ConnectorOAuthRequest.codeVerifier (PKCE) and never returns it', async () => {
    const client = clientAdding((body) => {
      const creds = (
        body.connectorProfileConfig as Record<
          string,
          Record<string, Record<string, Record<string, string>>>
        >
      ).connectorProfileCredentials.Salesforce;
      creds.oAuthRequest.codeVerifier = 'pkce-verifier-0123456789abcdefghijklmnopqrstuvwxyz';
    });
    await client.send(
      new CreateConnectorProfileCommand({
        ...salesforceProfile('pkce'),
        connectorProfileConfig: {
          connectorProfileProperties: {
            Salesforce: { instanceUrl: 'https://x.my.salesforce.com' },
          },
          connectorProfileCredentials: {
            Salesforce: { oAuthRequest: { authCode: 'code', redirectUri: 'https://localhost/cb' } },
          },
        },
      }),
    );
    const listed = await t.client.send(
      new DescribeConnectorProfilesCommand({ connectorProfileNames: ['pkce'] }),
    );
    expect(listed.connectorProfileDetails).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain('pkce-verifier');
    expect(client.sentWithMembers()).toBe(1);
    client.destroy();
  });
});

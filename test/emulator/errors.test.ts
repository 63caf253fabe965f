/**
 * Every operation answers only errors its model lists (plus what AWS adds to every service:
 * throttling, access denied, 5xx, and ValidationException for input that breaks the model's
 * constraints), and no operation leaves any state changed when it fails. Each operation is
 * driven into its failure paths through the real SDK; the store's whole state is compared
 * before and after.
 */
import * as sdk from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/index.js';
import { model } from '../../src/model/model.js';
import { appflowClient } from '../helpers/emulator.js';
import { errorOf, s3Flow, salesforceProfile } from './fixtures.js';

type Input = object;
const T0 = Date.UTC(2025, 0, 1);
const emulator = createEmulator({ port: 0, quiet: true, now: () => T0, runSeconds: 5 });
let client: sdk.AppflowClient;
let close: () => Promise<void>;
const lambdaArn = 'arn:aws:lambda:us-east-1:123456789012:function:c';
const flowArn = 'arn:aws:appflow:us-east-1:123456789012:flow/od';
const badToken = Buffer.from('{"op":"Other","f":"x","o":1}').toString('base64url');

/** Errors every AWS operation can answer (the AppFlow API reference's Common Errors). */
const COMMON = new Set(['ThrottlingException', 'AccessDeniedException', 'InternalServerException']);

const scheduledFlow = (name: string, props: Input) => ({
  ...s3Flow(name, 'sf'),
  triggerConfig: {
    triggerType: 'Scheduled',
    triggerProperties: { Scheduled: { scheduleExpression: 'rate(1hours)', ...props } },
  },
});
const { tags: _tags, ...odUpdate } = s3Flow('od', 'sf');
const twoDestinations = {
  ...s3Flow('two', 'sf'),
  destinationFlowConfigList: [
    ...s3Flow('x', 'sf').destinationFlowConfigList!,
    ...s3Flow('x', 'sf').destinationFlowConfigList!,
  ],
};

/** Failing calls per operation, against the state `setUp` makes. */
const FAILURES: Record<string, Input[]> = {
  CancelFlowExecutions: [{ flowName: 'ghost' }],
  CreateConnectorProfile: [
    salesforceProfile('sf'),
    {
      ...salesforceProfile('custom'),
      connectorType: 'CustomConnector',
      connectorLabel: 'nope',
      connectorProfileConfig: { connectorProfileProperties: { CustomConnector: {} } },
    },
    {
      ...salesforceProfile('s3'),
      connectorType: 'S3',
      connectorProfileConfig: { connectorProfileProperties: {} },
    },
    {
      connectorProfileName: 'snow',
      connectorType: 'Snowflake',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: { Snowflake: { warehouse: 'W', stage: 'S', bucketName: 'b' } },
        connectorProfileCredentials: { Snowflake: { username: 'u' } },
      },
    },
  ],
  CreateFlow: [
    s3Flow('od', 'sf'),
    s3Flow('x', 'ghost'),
    twoDestinations,
    {
      ...s3Flow('x', 'sf'),
      sourceFlowConfig: {
        connectorType: 'S3',
        sourceConnectorProperties: { S3: { bucketName: 'b' } },
      },
      triggerConfig: { triggerType: 'Event' },
    },
    scheduledFlow('tz', { scheduleExpression: 'cron(0 * * * ? *)', timezone: 'Mars/Olympus' }),
    scheduledFlow('past', { scheduleStartTime: new Date(T0 - 3_600_000) }),
    scheduledFlow('space', { scheduleExpression: 'rate(5 minutes)' }),
  ],
  DeleteConnectorProfile: [{ connectorProfileName: 'ghost' }, { connectorProfileName: 'sf' }],
  DeleteFlow: [{ flowName: 'ghost' }, { flowName: 'running' }],
  DescribeConnector: [
    { connectorType: 'CustomConnector' },
    { connectorType: 'CustomConnector', connectorLabel: 'ghost' },
  ],
  DescribeConnectorEntity: [
    { connectorProfileName: 'ghost', connectorEntityName: 'Account' },
    { connectorProfileName: 'sf', connectorEntityName: 'Nothing' },
    { connectorType: 'Salesforce', connectorEntityName: 'Account' },
  ],
  DescribeConnectorProfiles: [{ nextToken: badToken }],
  DescribeConnectors: [{ nextToken: badToken }],
  DescribeFlow: [{ flowName: 'ghost' }],
  DescribeFlowExecutionRecords: [
    { flowName: 'ghost' },
    { flowName: 'hidden', nextToken: badToken },
  ],
  ListConnectorEntities: [
    { connectorProfileName: 'ghost' },
    { connectorProfileName: 'sf', entitiesPath: 'nowhere' },
    { connectorType: 'Salesforce' },
  ],
  ListConnectors: [{ nextToken: badToken }],
  ListFlows: [{ nextToken: badToken }],
  ListTagsForResource: [{ resourceArn: `${flowArn}-ghost` }],
  RegisterConnector: [
    {
      connectorLabel: 'inv',
      connectorProvisioningType: 'LAMBDA',
      connectorProvisioningConfig: { lambda: { lambdaArn } },
    },
    {
      connectorLabel: 'nolambda',
      connectorProvisioningType: 'LAMBDA',
      connectorProvisioningConfig: {},
    },
  ],
  ResetConnectorMetadataCache: [
    { connectorProfileName: 'ghost' },
    { connectorProfileName: 'sf', apiVersion: 'v1' },
    { connectorType: 'Salesforce' },
  ],
  StartFlow: [{ flowName: 'ghost' }],
  StopFlow: [{ flowName: 'ghost' }, { flowName: 'od' }, { flowName: 'draft' }],
  TagResource: [
    { resourceArn: `${flowArn}-ghost`, tags: { a: 'b' } },
    {
      resourceArn: flowArn,
      tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])),
    },
  ],
  UnregisterConnector: [{ connectorLabel: 'ghost' }, { connectorLabel: 'inv' }],
  UntagResource: [{ resourceArn: `${flowArn}-ghost`, tagKeys: ['a'] }],
  UpdateConnectorProfile: [
    {
      connectorProfileName: 'ghost',
      connectionMode: 'Public',
      connectorProfileConfig: salesforceProfile('x').connectorProfileConfig,
    },
    {
      connectorProfileName: 'sf',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: { Slack: { instanceUrl: 'https://x' } },
      },
    },
  ],
  UpdateConnectorRegistration: [{ connectorLabel: 'ghost', description: 'x' }],
  UpdateFlow: [
    { ...odUpdate, flowName: 'ghost' },
    {
      ...odUpdate,
      destinationFlowConfigList: [
        {
          connectorType: 'Redshift',
          connectorProfileName: 'sf',
          destinationConnectorProperties: {
            Redshift: { object: 'o', intermediateBucketName: 'b' },
          },
        },
      ],
    },
    { ...odUpdate, destinationFlowConfigList: twoDestinations.destinationFlowConfigList },
    (({ tags: _t, ...f }) => f)(
      scheduledFlow('draft', {
        scheduleExpression: 'cron(0 * * * ? *)',
        timezone: 'America/NewYork',
      }),
    ),
  ],
};

const send = (op: string, input: Input) => {
  const Command = (sdk as unknown as Record<string, new (i: Input) => sdk.ListFlowsCommand>)[
    `${op}Command`
  ];
  return client.send(Command ? new Command(input) : (undefined as never));
};

const state = () => {
  const { store } = emulator.ctx;
  return JSON.stringify({
    state: store.snapshot(),
    cache: [...store.metadata.cache.keys()],
    credentials: [...store.profiles.credentials.entries()],
    version: store.version,
  });
};

beforeAll(async () => {
  const running = await emulator.listen();
  close = running.close;
  client = appflowClient(running.url);
  await client.send(new sdk.CreateConnectorProfileCommand(salesforceProfile('sf')));
  await client.send(
    new sdk.RegisterConnectorCommand({
      connectorLabel: 'inv',
      connectorProvisioningType: 'LAMBDA',
      connectorProvisioningConfig: { lambda: { lambdaArn } },
    }),
  );
  await client.send(
    new sdk.CreateConnectorProfileCommand({
      connectorProfileName: 'inv-profile',
      connectorType: 'CustomConnector',
      connectorLabel: 'inv',
      connectionMode: 'Public',
      connectorProfileConfig: { connectorProfileProperties: { CustomConnector: {} } },
    }),
  );
  await client.send(new sdk.CreateFlowCommand(s3Flow('od', 'sf')));
  await client.send(new sdk.CreateFlowCommand(s3Flow('running', 'sf')));
  await client.send(new sdk.StartFlowCommand({ flowName: 'running' }));
  await client.send(new sdk.CreateFlowCommand(s3Flow('hidden', 'sf')));
  await fetch(`${running.url}/_emulator/consistency`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hideNewRunsForCalls: 3 }),
  });
  await client.send(new sdk.StartFlowCommand({ flowName: 'hidden' }));
  await client.send(
    new sdk.CreateFlowCommand(
      scheduledFlow('draft', {
        scheduleExpression: 'cron(0 * * * ? *)',
      }) as sdk.CreateFlowCommandInput,
    ),
  );
  await client.send(new sdk.ListConnectorEntitiesCommand({ connectorProfileName: 'sf' }));
});
afterAll(async () => {
  client.destroy();
  await close();
});

describe('failures', () => {
  it('every operation of the model has failure cases here', () => {
    expect(Object.keys(FAILURES).sort()).toEqual(Object.keys(model.operations).sort());
  });

  for (const [op, inputs] of Object.entries(FAILURES)) {
    it(`${op} answers only its modelled errors and changes nothing when it fails`, async () => {
      const modelled = new Set((model.operations[op].errors ?? []).map((e) => e.shape));
      for (const input of inputs) {
        const before = state();
        const err = await errorOf(send(op, input));
        const what = `${op} ${JSON.stringify(input).slice(0, 120)}: ${err.name}: ${err.message}`;
        const shapeViolation =
          err.name === 'ValidationException' && /validation errors? detected/.test(err.message);
        expect(modelled.has(err.name) || COMMON.has(err.name) || shapeViolation, what).toBe(true);
        expect(state(), `${what} changed the state`).toBe(before);
      }
    });
  }
});

/**
 * Every mutation through the gateway against the emulator: success, typed errors, @oneOf
 * rejections, validation with zero upstream calls, idempotency and cache invalidation.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import {
  CANCEL,
  CREATE_FLOW,
  CREATE_PROFILE,
  DELETE_FLOW,
  DELETE_PROFILE,
  REGISTER,
  RESET_CACHE,
  START_FLOW,
  STOP_FLOW,
  s3Flow,
  salesforceProfile,
  TAG,
  UNREGISTER,
  UNTAG,
  UPDATE_FLOW,
  UPDATE_PROFILE,
  UPDATE_REGISTRATION,
} from './fixtures.js';

let gw: TestGateway;
type Any = any;

async function run(doc: string, input: unknown): Promise<Any> {
  const r = await gw.query(doc, { input: input as Record<string, unknown> });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return Object.values(r.data as object)[0];
}

async function total(): Promise<number> {
  return (await gw.emulator.control.requests()).total;
}

beforeAll(async () => {
  // Long runs, so cancelling finds them in progress.
  gw = await startTestGateway({ emulator: { runSeconds: 600 } });
});
afterAll(() => gw?.close());
beforeEach(async () => {
  await gw.emulator.control.reset();
});

describe('connector profiles', () => {
  test('create, update (the next query shows it), delete', async () => {
    const created = await run(CREATE_PROFILE, salesforceProfile('sf'));
    expect(created.__typename).toBe('CreateConnectorProfileSuccess');
    expect(created.connectorProfile).toMatchObject({
      connectorProfileName: 'sf',
      connectorType: 'Salesforce',
      connectionMode: 'Public',
    });

    // Read through the cross-request cache, then change it: the next read is fresh.
    const read = `{ connectorProfile(name: "sf") { connectionMode connectorProfileProperties { ... on SalesforceConnectorProfileProperties { instanceUrl } } } }`;
    expect((await gw.query<Any>(read)).data.connectorProfile.connectionMode).toBe('Public');
    const update = salesforceProfile('sf');
    const { connectorType: _t, ...updateInput } = {
      ...update,
      connectionMode: 'Private',
      connectorProfileConfig: {
        connectorProfileProperties: {
          Salesforce: { instanceUrl: 'https://changed.my.salesforce.com' },
        },
      },
    };
    const updated = await run(UPDATE_PROFILE, updateInput);
    expect(updated.__typename).toBe('UpdateConnectorProfileSuccess');
    expect(updated.connectorProfile.connectionMode).toBe('Private');
    const after = (await gw.query<Any>(read)).data.connectorProfile;
    expect(after.connectionMode).toBe('Private');
    expect(after.connectorProfileProperties.instanceUrl).toBe('https://changed.my.salesforce.com');

    const deleted = await run(DELETE_PROFILE, { connectorProfileName: 'sf' });
    expect(deleted).toMatchObject({ __typename: 'DeleteConnectorProfileSuccess' });
    expect((await gw.query<Any>(read)).data.connectorProfile).toBeNull();
  });

  test('ConflictError for a name in use, NotFoundError for a missing profile', async () => {
    await run(CREATE_PROFILE, salesforceProfile('dup'));
    const again = await run(CREATE_PROFILE, salesforceProfile('dup'));
    expect(again.__typename).toBe('ConflictError');
    expect(again.message).toMatch(/dup/);
    const missing = await run(DELETE_PROFILE, { connectorProfileName: 'nope' });
    expect(missing.__typename).toBe('NotFoundError');
  });

  test('properties and credentials must match the connector type (no AppFlow call)', async () => {
    await gw.resetCalls();
    const input = salesforceProfile('mismatch');
    const r = await run(CREATE_PROFILE, {
      ...input,
      connectorType: 'Snowflake',
    });
    expect(r.__typename).toBe('ValidationError');
    expect(r.fieldErrors.map((e: Any) => e.path.join('.'))).toEqual([
      'input.connectorProfileConfig.connectorProfileProperties.Salesforce',
      'input.connectorProfileConfig.connectorProfileCredentials.Salesforce',
    ]);
    expect(await total()).toBe(0);
  });

  test('an update with properties of another connector type is rejected after one read', async () => {
    await run(CREATE_PROFILE, salesforceProfile('typed'));
    await gw.resetCalls();
    const r = await run(UPDATE_PROFILE, {
      connectorProfileName: 'typed',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: {
          Snowflake: { warehouse: 'w', stage: 's', bucketName: 'snowflake-bucket' },
        },
      },
    });
    expect(r.__typename).toBe('ValidationError');
    expect(r.fieldErrors[0].path).toEqual([
      'input',
      'connectorProfileConfig',
      'connectorProfileProperties',
      'Snowflake',
    ]);
    expect(await gw.calls()).toEqual({ DescribeConnectorProfiles: 1 });
  });
});

describe('flows', () => {
  test('create, update (description visible after), delete', async () => {
    const created = await run(CREATE_FLOW, s3Flow('f1'));
    expect(created).toMatchObject({
      __typename: 'CreateFlowSuccess',
      flow: { name: 'f1', flowStatus: 'Active', triggerType: 'OnDemand' },
    });
    const updated = await run(UPDATE_FLOW, {
      ...(({ tags: _t, ...rest }) => rest)(s3Flow('f1') as Any),
      description: 'changed',
    });
    expect(updated.__typename).toBe('UpdateFlowSuccess');
    expect(updated.flow.description).toBe('changed');
    const listed = await gw.query<Any>('{ flows { edges { node { flowName description } } } }');
    expect(listed.data.flows.edges).toEqual([{ node: { flowName: 'f1', description: 'changed' } }]);

    const deleted = await run(DELETE_FLOW, { flowName: 'f1' });
    expect(deleted).toEqual({ __typename: 'DeleteFlowSuccess', deletedFlowName: 'f1' });
    expect((await gw.query<Any>('{ flow(name: "f1") { flowName } }')).data.flow).toBeNull();
  });

  test('NotFoundError and ConflictError from AppFlow', async () => {
    const missing = await run(START_FLOW, { flowName: 'missing' });
    expect(missing.__typename).toBe('NotFoundError');
    const update = await run(UPDATE_FLOW, s3Flow('missing'));
    expect(update.__typename).toBe('NotFoundError');
    await run(CREATE_FLOW, s3Flow('taken'));
    const taken = await run(CREATE_FLOW, s3Flow('taken'));
    expect(taken.__typename).toBe('ConflictError');
  });

  test('an invalid flow gets every problem at once and makes zero AppFlow calls', async () => {
    await gw.resetCalls();
    const r = await run(
      CREATE_FLOW,
      s3Flow('bad name!', {
        triggerConfig: { triggerType: 'Scheduled' },
        tasks: [
          { sourceFields: ['a'], taskType: 'Map', connectorOperator: { S3: 'NO_OP' } },
          { sourceFields: ['b'], taskType: 'Map', connectorOperator: { S3: 'NO_OP' } },
          { sourceFields: [], taskType: 'Map', connectorOperator: { Salesforce: 'NO_OP' } },
        ],
        tags: [{ key: 'aws:reserved', value: 'x' }],
      }),
    );
    expect(r.__typename).toBe('ValidationError');
    const paths = r.fieldErrors.map((e: Any) => e.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'input.flowName',
        'input.tags.0.key',
        'input.triggerConfig.triggerProperties.Scheduled.scheduleExpression',
        'input.tasks.2.sourceFields',
        'input.tasks.2.connectorOperator.Salesforce',
      ]),
    );
    expect(paths).toHaveLength(5);
    expect(await total()).toBe(0);
  });

  test('@oneOf: two members or none are rejected before any resolver runs', async () => {
    await gw.resetCalls();
    const two = await gw.query(CREATE_FLOW, {
      input: s3Flow('one-of', {
        sourceFlowConfig: {
          connectorType: 'S3',
          sourceConnectorProperties: {
            S3: { bucketName: 'source-bucket' },
            Salesforce: { object: 'Account' },
          },
        },
      }),
    });
    expect(two.data).toBeUndefined();
    expect(two.errors?.[0]?.message).toMatch(/Exactly one key must be specified for OneOf type/);
    expect(two.errors?.[0]?.message).toMatch(
      /at "input.sourceFlowConfig.sourceConnectorProperties"/,
    );
    const none = await gw.query(CREATE_FLOW, {
      input: s3Flow('one-of', {
        tasks: [{ sourceFields: ['id'], taskType: 'Map', connectorOperator: {} }],
      }),
    });
    expect(none.errors?.[0]?.message).toMatch(/Exactly one key must be specified/);
    // The same as literals in the document.
    const literal = await gw.query(`mutation {
      startFlow(input: { flowName: "x" }) { __typename }
      resetConnectorMetadataCache(input: { connectorType: S3 }) { __typename }
      cancelFlowExecutions(input: { flowName: "x", executionIds: [] }) { __typename }
    }`);
    expect(literal.errors).toBeUndefined();
    const literalTwo = await gw.query(`mutation {
      createFlow(input: {
        flowName: "x", triggerConfig: { triggerType: OnDemand },
        sourceFlowConfig: { connectorType: S3, sourceConnectorProperties: { S3: { bucketName: "bucket-a" }, Amplitude: { object: "o" } } },
        destinationFlowConfigList: [], tasks: []
      }) { __typename }
    }`);
    expect(literalTwo.errors?.[0]?.message).toMatch(/must specify exactly one key/);
    await gw.resetCalls();
    await gw.query(CREATE_FLOW, {
      input: {
        ...s3Flow('x'),
        tasks: [{ sourceFields: ['a'], taskType: 'Map', connectorOperator: {} }],
      },
    });
    expect(await total()).toBe(0);
  });

  test('the destination connector type cannot change on update: reads only, no write', async () => {
    await run(CREATE_FLOW, s3Flow('dest'));
    await gw.resetCalls();
    const r = await run(
      UPDATE_FLOW,
      s3Flow('dest', {
        destinationFlowConfigList: [
          {
            connectorType: 'EventBridge',
            destinationConnectorProperties: { EventBridge: { object: 'events' } },
          },
        ],
      }),
    );
    expect(r.__typename).toBe('ValidationError');
    expect(r.fieldErrors).toEqual([
      {
        path: ['input', 'destinationFlowConfigList', '0', 'connectorType'],
        message:
          'AppFlow cannot change the destination connector type of a flow (it is S3): keep S3, or create a new flow for EventBridge.',
      },
    ]);
    // The flow as it is, and the connector catalog (one call for both types): no write.
    expect(await gw.calls()).toEqual({ DescribeFlow: 1, DescribeConnectors: 1 });
  });

  test('the same idempotency key twice creates one flow and starts one run', async () => {
    const a = await run(CREATE_FLOW, { ...s3Flow('idem'), idempotencyKey: 'create-1' });
    const b = await run(CREATE_FLOW, { ...s3Flow('idem'), idempotencyKey: 'create-1' });
    expect(a.__typename).toBe('CreateFlowSuccess');
    expect(b.__typename).toBe('CreateFlowSuccess');
    // The same key with another input is a conflict, not a second flow.
    const other = await run(CREATE_FLOW, {
      ...s3Flow('idem', { description: 'other' }),
      idempotencyKey: 'create-1',
    });
    expect(other.__typename).toBe('ConflictError');
    const flows = await gw.query<Any>('{ flows { edges { node { flowName } } } }');
    expect(flows.data.flows.edges).toEqual([{ node: { flowName: 'idem' } }]);

    const first = await run(START_FLOW, { flowName: 'idem', idempotencyKey: 'run-1' });
    const second = await run(START_FLOW, { flowName: 'idem', idempotencyKey: 'run-1' });
    expect(first.execution.executionId).toBeTruthy();
    expect(second.execution.executionId).toBe(first.execution.executionId);
    const third = await run(START_FLOW, { flowName: 'idem', idempotencyKey: 'run-2' });
    expect(third.execution.executionId).not.toBe(first.execution.executionId);
    const runs = await gw.query<Any>(
      '{ flow(name: "idem") { executions(first: 10) { edges { node { executionId } } } } }',
    );
    expect(runs.data.flow.executions.edges).toHaveLength(2);
  });

  test('without a key every mutation is its own attempt', async () => {
    await run(CREATE_FLOW, s3Flow('nokey'));
    const a = await run(START_FLOW, { flowName: 'nokey' });
    const b = await run(START_FLOW, { flowName: 'nokey' });
    expect(a.execution.executionId).not.toBe(b.execution.executionId);
  });

  test('startFlow returns the new run; the next query shows it as the last run', async () => {
    await run(CREATE_FLOW, s3Flow('runs'));
    const read = '{ flow(name: "runs") { lastExecution { executionId executionStatus } } }';
    expect((await gw.query<Any>(read)).data.flow.lastExecution).toBeNull();
    const started = await run(START_FLOW, { flowName: 'runs' });
    expect(started).toMatchObject({
      __typename: 'StartFlowSuccess',
      flow: { name: 'runs' },
      execution: { executionStatus: 'InProgress', flowName: 'runs' },
    });
    const after = (await gw.query<Any>(read)).data.flow.lastExecution;
    expect(after.executionId).toBe(started.execution.executionId);
  });

  test('stopFlow: UnsupportedOperationError on demand; deactivates a scheduled flow', async () => {
    await run(CREATE_FLOW, s3Flow('od'));
    const unsupported = await run(STOP_FLOW, { flowName: 'od' });
    expect(unsupported.__typename).toBe('UnsupportedOperationError');

    const scheduled = await run(
      CREATE_FLOW,
      s3Flow('sched', {
        triggerConfig: {
          triggerType: 'Scheduled',
          triggerProperties: { Scheduled: { scheduleExpression: 'rate(1hours)' } },
        },
      }),
    );
    expect(scheduled.__typename).toBe('CreateFlowSuccess');
    const started = await run(START_FLOW, { flowName: 'sched' });
    expect(started.execution).toBeNull();
    expect(started.flow.flowStatus).toBe('Active');
    const stopped = await run(STOP_FLOW, { flowName: 'sched' });
    expect(stopped).toMatchObject({
      __typename: 'StopFlowSuccess',
      flow: { flowStatus: 'Suspended' },
    });
  });

  test('cancelFlowExecutions returns cancelled and invalid runs', async () => {
    await run(CREATE_FLOW, s3Flow('cancel'));
    const { execution } = await run(START_FLOW, { flowName: 'cancel' });
    const cancelled = await run(CANCEL, {
      flowName: 'cancel',
      executionIds: [execution.executionId],
    });
    expect(cancelled.__typename).toBe('CancelFlowExecutionsSuccess');
    expect(cancelled.cancelledExecutions).toEqual([
      { executionId: execution.executionId, executionStatus: 'CancelStarted' },
    ]);
    expect(cancelled.invalidExecutionIds).toEqual([]);
    const again = await run(CANCEL, { flowName: 'cancel', executionIds: [execution.executionId] });
    expect(again.cancelledExecutions).toEqual([]);
    expect(again.invalidExecutionIds).toEqual([execution.executionId]);
    expect(again.invalidExecutions).toHaveLength(1);

    // Without ids: every active run.
    const next = await run(START_FLOW, { flowName: 'cancel' });
    const all = await run(CANCEL, { flowName: 'cancel' });
    expect(all.cancelledExecutions.map((e: Any) => e.executionId)).toEqual([
      next.execution.executionId,
    ]);
  });

  test('tagResource and untagResource show the tags of the flow at once', async () => {
    await run(CREATE_FLOW, s3Flow('tagged'));
    const arnQuery = await gw.query<Any>('{ flow(name: "tagged") { flowArn } }');
    const arn = arnQuery.data.flow.flowArn;
    const tagged = await run(TAG, {
      resourceArn: arn,
      tags: [
        { key: 'team', value: 'data' },
        { key: 'env', value: 'prod' },
      ],
    });
    expect(tagged.__typename).toBe('TagResourceSuccess');
    expect(tagged.tags).toEqual(
      expect.arrayContaining([
        { key: 'team', value: 'data' },
        { key: 'env', value: 'prod' },
      ]),
    );
    expect(tagged.flow.tags).toEqual(expect.arrayContaining([{ key: 'team', value: 'data' }]));
    const untagged = await run(UNTAG, { resourceArn: arn, tagKeys: ['team'] });
    expect(untagged.tags).toEqual([{ key: 'env', value: 'prod' }]);
    const bad = await run(TAG, { resourceArn: `${arn}-missing`, tags: [{ key: 'a', value: 'b' }] });
    expect(bad.__typename).toBe('NotFoundError');
  });
});

describe('connectors', () => {
  const lambdaArn = 'arn:aws:lambda:us-east-1:123456789012:function:my-connector';

  test('register, update, unregister a custom connector', async () => {
    const registered = await run(REGISTER, {
      connectorLabel: 'my_connector',
      description: 'first',
      connectorProvisioningType: 'LAMBDA',
      connectorProvisioningConfig: { lambda: { lambdaArn } },
    });
    expect(registered.__typename).toBe('RegisterConnectorSuccess');
    expect(registered.connector).toMatchObject({
      connectorType: 'CustomConnector',
      connectorLabel: 'my_connector',
    });
    const updated = await run(UPDATE_REGISTRATION, {
      connectorLabel: 'my_connector',
      description: 'second',
    });
    expect(updated.__typename).toBe('UpdateConnectorRegistrationSuccess');
    expect(updated.connector.connectorDescription).toBe('second');
    const again = await run(REGISTER, {
      connectorLabel: 'my_connector',
      connectorProvisioningType: 'LAMBDA',
      connectorProvisioningConfig: { lambda: { lambdaArn } },
    });
    expect(again.__typename).toBe('ConflictError');
    const gone = await run(UNREGISTER, { connectorLabel: 'my_connector' });
    expect(gone).toEqual({
      __typename: 'UnregisterConnectorSuccess',
      unregisteredConnectorLabel: 'my_connector',
    });
    const missing = await run(UNREGISTER, { connectorLabel: 'my_connector' });
    expect(missing.__typename).toBe('NotFoundError');
  });

  test('resetConnectorMetadataCache: by type for S3, a profile for the others', async () => {
    const s3 = await run(RESET_CACHE, { connectorType: 'S3' });
    expect(s3).toMatchObject({
      __typename: 'ResetConnectorMetadataCacheSuccess',
      connector: { connectorType: 'S3' },
    });
    await gw.resetCalls();
    const needsProfile = await run(RESET_CACHE, { connectorType: 'Salesforce' });
    expect(needsProfile.__typename).toBe('ValidationError');
    expect(needsProfile.fieldErrors[0].path).toEqual(['input', 'connectorProfileName']);
    expect(await total()).toBe(0);
    await run(CREATE_PROFILE, salesforceProfile('sf-reset'));
    const byProfile = await run(RESET_CACHE, { connectorProfileName: 'sf-reset' });
    expect(byProfile.connectorProfile).toEqual({ connectorProfileName: 'sf-reset' });
  });
});

describe('unexpected failures', () => {
  test('stay GraphQL errors with a stable code and a masked message', async () => {
    await gw.emulator.control.faults({ operation: 'CreateFlow', type: 'error' });
    const r = await gw.query(CREATE_FLOW, { input: s3Flow('boom') });
    expect(r.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(r.errors?.[0]?.message).not.toMatch(/injected/);
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts:\d+/);
  });
});

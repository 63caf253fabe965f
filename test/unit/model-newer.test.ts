/**
 * The wire layer on a model newer than the pinned SDK (a scratch copy with issue #22's three
 * changes, loaded through APPFLOW_MODEL_DIR): a new DescribeFlow member with a timestamp, a
 * list of enums and a nested structure, a new connector's union members, and a new operation
 * the SDK has no command for, answered by a canned AppFlow on a real HTTP port. Seen failing
 * before src/appflow/model-response.ts: `notificationConfig` and `Acme` were undefined.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const scratch = await vi.hoisted(async () => {
  const { scratchModelDir } = await import('../helpers/scratch-model.js');
  const { fromRoot } = await import('../../src/paths.js');
  const dir = scratchModelDir(fromRoot('model', 'appflow'), [
    'connector',
    'member',
    'operation',
    'bindings',
  ]);
  process.env.APPFLOW_MODEL_DIR = dir;
  return dir;
});

import { rmSync } from 'node:fs';
import * as sdk from '@aws-sdk/client-appflow';
import { type AppflowHandle, createAppflowClient } from '../../src/appflow/client.js';
import { modelCommand } from '../../src/appflow/model-command.js';
import { outputMembersTheSdkLacks } from '../../src/appflow/model-response.js';
import { MODEL_VALIDATION } from '../../src/appflow/validate-input.js';
import { model } from '../../src/model/model.js';
import { startCannedAppflow } from '../helpers/canned-appflow.js';

describe('a model newer than the SDK, on the wire', () => {
  let canned: Awaited<ReturnType<typeof startCannedAppflow>>;
  let handle: AppflowHandle;
  const calls: string[] = [];
  beforeAll(async () => {
    canned = await startCannedAppflow();
    handle = createAppflowClient({
      region: 'us-east-1',
      appflowEndpoint: canned.url,
      maxConcurrentAppflowCalls: 4,
      appflowMaxAttempts: 1,
    });
    // Canned answers to synthetic inputs: this is about the wire, so the model check in front of
    // every call (validate-input.ts) is taken out.
    handle.client.middlewareStack.remove(MODEL_VALIDATION);
    handle.onCall((op, outcome) => calls.push(`${op}:${outcome}`));
  });
  afterAll(async () => {
    handle.destroy();
    await canned.close();
    delete process.env.APPFLOW_MODEL_DIR;
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the scratch model is the one loaded', () => {
    expect(model.operations.DescribeFlowHealth).toBeDefined();
    expect(model.shapes.ConnectorType!.enum).toContain('Acme');
  });

  it('knows which outputs the SDK lacks members of, and leaves the others alone', () => {
    expect(outputMembersTheSdkLacks(new sdk.DescribeFlowCommand({ flowName: 'f' }).schema)).toEqual(
      expect.arrayContaining([
        'sourceFlowConfig.sourceConnectorProperties.Acme',
        'tasks[].connectorOperator.Acme',
        'notificationConfig',
      ]),
    );
    expect(outputMembersTheSdkLacks(new sdk.ListFlowsCommand({}).schema)).toEqual([]);
  });

  it('DescribeFlow: new members decoded like known ones (Dates, lists, nested, unions)', async () => {
    canned.answer({
      body: {
        flowName: 'f',
        createdAt: 1_700_000_000,
        sourceFlowConfig: {
          connectorType: 'Acme',
          sourceConnectorProperties: { Acme: { object: 'records', includeArchived: true } },
        },
        tasks: [{ taskType: 'Filter', sourceFields: ['id'], connectorOperator: { Acme: 'NO_OP' } }],
        notificationConfig: {
          topicArn: 'arn:aws:sns:us-east-1:123456789012:runs',
          notifyOn: ['Error', 'Successful'],
          mutedUntil: 1_700_000_100.25,
        },
      },
    });
    const flow = await handle.client.send(new sdk.DescribeFlowCommand({ flowName: 'f' }));
    expect(flow.createdAt).toEqual(new Date(1_700_000_000_000));
    expect(flow.sourceFlowConfig?.sourceConnectorProperties).toEqual({
      Acme: { object: 'records', includeArchived: true },
    });
    expect(flow.tasks?.[0]?.connectorOperator).toEqual({ Acme: 'NO_OP' });
    expect((flow as unknown as Record<string, unknown>).notificationConfig).toEqual({
      topicArn: 'arn:aws:sns:us-east-1:123456789012:runs',
      notifyOn: ['Error', 'Successful'],
      mutedUntil: new Date(1_700_000_100_250),
    });
  });

  it('a new operation through modelCommand: request from operations.*.http, answer and errors decoded', async () => {
    canned.answer({
      status: 200,
      headers: { 'x-acme-checked-by': 'probe-7' },
      body: { flowName: 'f', healthStatus: 'DEGRADED', checkedAt: 1_700_000_000, note: 'slow' },
    });
    const DescribeFlowHealth = modelCommand('DescribeFlowHealth');
    const health = await handle.client.send(
      new DescribeFlowHealth({ flowName: 'f', probe: 'p1', depth: 3 }),
    );
    expect(health).toMatchObject({
      flowName: 'f',
      healthStatus: 'DEGRADED',
      checkedAt: new Date(1_700_000_000_000),
      // header, status code and locationName members, where the model puts them
      checkedBy: 'probe-7',
      httpStatus: 200,
      healthNote: 'slow',
    });
    const request = canned.received.at(-1)!;
    expect([request.method, request.url, JSON.parse(request.body)]).toEqual([
      'POST',
      '/describe-flow-health?depth=3',
      { flowName: 'f' },
    ]);
    expect(request.headers['x-acme-probe']).toBe('p1');
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);

    canned.answer({
      status: 404,
      headers: { 'x-amzn-errortype': 'ResourceNotFoundException' },
      body: { message: 'Flow g does not exist' },
    });
    const error = await handle.client
      .send(new DescribeFlowHealth({ flowName: 'g' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.ResourceNotFoundException);
    expect(error).toMatchObject({ message: 'Flow g does not exist' });
    expect(calls).toEqual([
      'DescribeFlow:ok',
      'DescribeFlowHealth:ok',
      'DescribeFlowHealth:ResourceNotFoundException',
    ]);
  });
});

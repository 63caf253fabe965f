/**
 * Responses and operations from the vendored model (src/appflow/model-schema.ts,
 * model-response.ts, model-command.ts). The schemas built from the model must decode exactly
 * like the SDK's own for every member the SDK knows (every output of the model, every member
 * filled in), and a command built from the model alone must go through the real HTTP path to
 * the emulator like the SDK's commands: same answers, same exceptions, same call listeners.
 */
import * as sdk from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppflowHandle, createAppflowClient } from '../../src/appflow/client.js';
import { modelCommand } from '../../src/appflow/model-command.js';
import { outputMembersTheSdkLacks } from '../../src/appflow/model-response.js';
import { MODEL_VALIDATION } from '../../src/appflow/validate-input.js';
import { model, shape } from '../../src/model/model.js';
import { startCannedAppflow } from '../helpers/canned-appflow.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

/** A rest-json body with every member of `shapeName` (wire form: epoch seconds, base64). */
function wireValue(shapeName: string, depth = 0): unknown {
  const s = shape(shapeName);
  switch (s.type) {
    case 'structure':
      if (depth > 12) return {};
      return Object.fromEntries(
        Object.entries(s.members ?? {})
          .filter(([, ref]) => !ref.location)
          .map(([m, ref]) => [ref.locationName ?? m, wireValue(ref.shape, depth + 1)]),
      );
    case 'list':
      return [wireValue(s.member!.shape, depth + 1)];
    case 'map':
      return { k1: wireValue(s.value!.shape, depth + 1) };
    case 'string':
      return s.enum?.[0] ?? `v-${shapeName}`;
    case 'integer':
    case 'long':
      return 7;
    case 'double':
    case 'float':
      return 1.5;
    case 'boolean':
      return true;
    case 'timestamp':
      return 1_700_000_000.5;
    case 'blob':
      return Buffer.from('bytes').toString('base64');
    default:
      return 'x';
  }
}

const sdkCommand = (op: string) =>
  (sdk as unknown as Record<string, new (i: unknown) => { schema: unknown }>)[`${op}Command`]!;
/** An output without its $metadata. */
const strip = (output: object): Record<string, unknown> => {
  const { $metadata: _, ...rest } = output as Record<string, unknown>;
  return rest;
};

describe('schemas from the model decode like the SDK', () => {
  let canned: Awaited<ReturnType<typeof startCannedAppflow>>;
  let handle: AppflowHandle;
  beforeAll(async () => {
    canned = await startCannedAppflow();
    handle = createAppflowClient({
      region: 'us-east-1',
      appflowEndpoint: canned.url,
      maxConcurrentAppflowCalls: 4,
      appflowMaxAttempts: 1,
    });
    // The canned inputs are synthetic (they break the model's patterns on purpose): this is about
    // decoding, so the model check in front of every call (validate-input.ts) is taken out.
    handle.client.middlewareStack.remove(MODEL_VALIDATION);
  });
  afterAll(async () => {
    handle.destroy();
    await canned.close();
  });

  const operations = Object.keys(model.operations).filter((op) => model.operations[op]!.output);

  it('the SDK knows every output member of this model (so no response is re-decoded today)', () => {
    for (const op of operations) {
      expect(outputMembersTheSdkLacks(new (sdkCommand(op))({}).schema), op).toEqual([]);
    }
  });

  it.each(operations)('%s: a full output decodes the same through both', async (op) => {
    const body = wireValue(model.operations[op]!.output!.shape);
    // Members bound to the path must be there for the request to be built at all.
    const inputShape = shape(model.operations[op]!.input!.shape);
    const input = Object.fromEntries(
      Object.entries(inputShape.members ?? {})
        .filter(([, ref]) => ref.location === 'uri')
        .map(([m]) => [m, 'arn:aws:appflow:us-east-1:123456789012:flow/f']),
    );
    canned.answer({ body });
    const bySdk = strip(await handle.client.send(new (sdkCommand(op))(input) as never));
    canned.answer({ body });
    const byModel = strip(await handle.client.send(new (modelCommand(op))(input) as never));
    expect(byModel).toEqual(bySdk);
    expect(Object.keys(byModel)).toHaveLength(Object.keys(body as object).length);
  });

  it('decodes timestamps to Dates and keeps every member (DescribeFlow, full)', async () => {
    canned.answer({ body: wireValue('DescribeFlowResponse') });
    const flow = strip(
      await handle.client.send(new (modelCommand('DescribeFlow'))({ flowName: 'f' }) as never),
    );
    expect(flow.createdAt).toEqual(new Date(1_700_000_000_500));
    expect(Object.keys(flow).sort()).toEqual(
      Object.keys(shape('DescribeFlowResponse').members!).sort(),
    );
  });
});

describe('modelCommand against the emulator (real HTTP)', () => {
  let emulator: TestEmulator;
  let handle: AppflowHandle;
  const calls: string[] = [];
  beforeAll(async () => {
    emulator = await startTestEmulator();
    await emulator.control.seed({});
    handle = createAppflowClient({
      region: 'us-east-1',
      appflowEndpoint: emulator.url,
      maxConcurrentAppflowCalls: 4,
      appflowMaxAttempts: 1,
    });
    handle.onCall((op, outcome) => calls.push(`${op}:${outcome}`));
  });
  afterAll(async () => {
    handle.destroy();
    await emulator.close();
  });

  it('answers ListFlows like the SDK command, through the call listeners', async () => {
    const bySdk = strip(await handle.client.send(new sdk.ListFlowsCommand({ maxResults: 5 })));
    const byModel = strip(
      await handle.client.send(new (modelCommand('ListFlows'))({ maxResults: 5 }) as never),
    );
    expect(byModel).toEqual(bySdk);
    expect((byModel.flows as { createdAt: unknown }[])[0]!.createdAt).toBeInstanceOf(Date);
    expect(calls).toContain('ListFlows:ok');
  });

  it('binds uri members (GET /tags/{resourceArn}) and querystring lists (UntagResource)', async () => {
    const flow = (await handle.client.send(new sdk.ListFlowsCommand({}))).flows![0]!;
    const send = (op: string, input: Record<string, unknown>) =>
      handle.client.send(new (modelCommand(op))(input) as never) as Promise<{ tags?: unknown }>;
    await send('TagResource', { resourceArn: flow.flowArn, tags: { probe: 'yes' } });
    expect((await send('ListTagsForResource', { resourceArn: flow.flowArn })).tags).toMatchObject({
      probe: 'yes',
    });
    await send('UntagResource', { resourceArn: flow.flowArn, tagKeys: ['probe'] });
    const after = await send('ListTagsForResource', { resourceArn: flow.flowArn });
    expect(after.tags).not.toHaveProperty('probe');
  });

  it("maps errors like the SDK: name from x-amzn-errortype, the SDK's exception class", async () => {
    const error = await handle.client
      .send(new (modelCommand('DescribeFlow'))({ flowName: 'no-such-flow' }) as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.ResourceNotFoundException);
    expect(error).toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
    expect(calls).toContain('DescribeFlow:ResourceNotFoundException');
  });
});

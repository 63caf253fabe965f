/**
 * `npx tsx bench/model-wire.ts`: what decoding responses by the vendored model costs
 * (src/appflow/model-response.ts, model-schema.ts), on a 100-flow ListFlows page and on
 * DescribeFlow x100, against a canned AppFlow on a real HTTP port (fixed bodies, so the
 * numbers are the client's, not an emulator's).
 *
 * - `sdk`: the SDK's own decoding (the gateway's client with the model-response middleware
 *   removed);
 * - `gateway`: the gateway's client as it runs (today the SDK knows every output member, so
 *   the middleware only looks the operation up);
 * - `model`: the same responses decoded by the schema built from the model (modelCommand): what
 *   an operation pays once the model has an output member the SDK lacks.
 * Each variant: a warm-up, then `ROUNDS` rounds, interleaved; the median of the rounds.
 * Then the decoding alone (the SDK's protocol on a buffered body, no HTTP): SDK schema vs
 * model schema, and a bare JSON.parse of the same body for scale (what any approach that
 * buffers the body and walks it again would add at least).
 */
import * as sdk from '@aws-sdk/client-appflow';
import { operation } from '@smithy/core/schema';
import { HttpResponse } from '@smithy/core/transport';
import { createAppflowClient } from '../src/appflow/client.js';
import { modelCommand } from '../src/appflow/model-command.js';
import { operationSchema, type StaticSchema } from '../src/appflow/model-schema.js';
import { startCannedAppflow } from '../test/helpers/canned-appflow.js';

const ROUNDS = Number(process.env.ROUNDS ?? 15);
const FLOWS = 100;

const epoch = 1_765_000_000;
const flowSummary = (i: number) => ({
  flowArn: `arn:aws:appflow:us-east-1:123456789012:flow/flow-${i}`,
  description: `Flow number ${i}`,
  flowName: `flow-${i}`,
  flowStatus: 'Active',
  sourceConnectorType: 'Salesforce',
  sourceConnectorLabel: 'Salesforce',
  destinationConnectorType: 'S3',
  destinationConnectorLabel: 'S3',
  triggerType: 'Scheduled',
  createdAt: epoch + i,
  lastUpdatedAt: epoch + i,
  createdBy: 'arn:aws:iam::123456789012:user/a',
  lastUpdatedBy: 'arn:aws:iam::123456789012:user/a',
  tags: { team: 'data', env: 'prod' },
  lastRunExecutionDetails: {
    mostRecentExecutionMessage: 'ok',
    mostRecentExecutionTime: epoch + i,
    mostRecentExecutionStatus: 'Successful',
  },
});
const describeFlow = (i: number) => ({
  ...flowSummary(i),
  kmsArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
  sourceFlowConfig: {
    connectorType: 'Salesforce',
    connectorProfileName: 'sf',
    sourceConnectorProperties: {
      Salesforce: { object: 'Account', enableDynamicFieldUpdate: false },
    },
    incrementalPullConfig: { datetimeTypeFieldName: 'LastModifiedDate' },
  },
  destinationFlowConfigList: [
    {
      connectorType: 'S3',
      destinationConnectorProperties: {
        S3: {
          bucketName: 'landing',
          bucketPrefix: 'accounts',
          s3OutputFormatConfig: {
            fileType: 'PARQUET',
            aggregationConfig: { aggregationType: 'None' },
          },
        },
      },
    },
  ],
  triggerConfig: {
    triggerType: 'Scheduled',
    triggerProperties: {
      Scheduled: {
        scheduleExpression: 'rate(1hours)',
        dataPullMode: 'Incremental',
        scheduleStartTime: epoch,
      },
    },
  },
  tasks: Array.from({ length: 12 }, (_, t) => ({
    taskType: 'Map',
    sourceFields: [`Field${t}`],
    destinationField: `Field${t}`,
    connectorOperator: { Salesforce: 'NO_OP' },
    taskProperties: { DESTINATION_DATA_TYPE: 'string', SOURCE_DATA_TYPE: 'string' },
  })),
  schemaVersion: 1,
});

const canned = await startCannedAppflow();
const client = (withModelResponses: boolean) => {
  const h = createAppflowClient({
    region: 'us-east-1',
    appflowEndpoint: canned.url,
    maxConcurrentAppflowCalls: 64,
    appflowMaxAttempts: 1,
  });
  if (!withModelResponses) h.client.middlewareStack.remove('appflowGatewayModelResponses');
  return h;
};
const handles = { sdk: client(false), gateway: client(true), model: client(true) };
const listBody = { flows: Array.from({ length: FLOWS }, (_, i) => flowSummary(i)) };
const describeBodies = Array.from({ length: 100 }, (_, i) => describeFlow(i));

type Variant = keyof typeof handles;
const listCommand = (v: Variant) =>
  v === 'model' ? new (modelCommand('ListFlows'))({}) : new sdk.ListFlowsCommand({});
const describeCommand = (v: Variant, i: number) =>
  v === 'model'
    ? new (modelCommand('DescribeFlow'))({ flowName: `flow-${i}` })
    : new sdk.DescribeFlowCommand({ flowName: `flow-${i}` });

async function listOnce(v: Variant): Promise<number> {
  canned.answer({ body: listBody });
  const t = performance.now();
  await handles[v].client.send(listCommand(v) as never);
  return performance.now() - t;
}
async function describe100(v: Variant): Promise<number> {
  for (const body of describeBodies) canned.answer({ body });
  const t = performance.now();
  await Promise.all(
    describeBodies.map((_, i) => handles[v].client.send(describeCommand(v, i) as never)),
  );
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const variants: Variant[] = ['sdk', 'gateway', 'model'];
const results: Record<string, Record<Variant, number[]>> = {
  'ListFlows (100 flows), one call': { sdk: [], gateway: [], model: [] },
  'DescribeFlow x100 (concurrent)': { sdk: [], gateway: [], model: [] },
};
for (let round = -3; round < ROUNDS; round++) {
  for (const v of variants) {
    const l = await listOnce(v);
    const d = await describe100(v);
    if (round >= 0) {
      results['ListFlows (100 flows), one call']![v].push(l);
      results['DescribeFlow x100 (concurrent)']![v].push(d);
    }
  }
}
console.log(`median of ${ROUNDS} rounds (ms), canned AppFlow over HTTP on 127.0.0.1`);
console.log('| call | sdk | gateway | model-decoded | gateway/sdk | model/sdk |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [name, r] of Object.entries(results)) {
  const [s, g, m] = variants.map((v) => median(r[v]));
  console.log(
    `| ${name} | ${s!.toFixed(2)} | ${g!.toFixed(2)} | ${m!.toFixed(2)} | ${(g! / s!).toFixed(2)} | ${(m! / s!).toFixed(2)} |`,
  );
}

// Decoding alone.
const protocol = handles.sdk.client.config.protocol as unknown as {
  deserializeResponse(op: unknown, ctx: unknown, response: HttpResponse): Promise<unknown>;
};
const context = handles.sdk.client.config;
const encoder = new TextEncoder();
async function decodeMs(schema: StaticSchema, bytes: Uint8Array, n: number): Promise<number> {
  const [, ns, name, traits, input, output] = schema;
  const op = operation(ns, name, traits, input, output);
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    await protocol.deserializeResponse(
      op,
      context,
      new HttpResponse({
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: bytes,
      }),
    );
  }
  return (performance.now() - t) / n;
}
const decodeCases = [
  [
    'ListFlows (100 flows)',
    new sdk.ListFlowsCommand({}).schema,
    operationSchema('ListFlows'),
    listBody,
  ],
  [
    'DescribeFlow',
    new sdk.DescribeFlowCommand({ flowName: 'f' }).schema,
    operationSchema('DescribeFlow'),
    describeBodies[0],
  ],
] as const;
console.log('\ndecoding one response (ms per response, median of rounds of 200)');
console.log('| response | bytes | SDK schema | model schema | JSON.parse alone |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, sdkSchema, modelSchema, body] of decodeCases) {
  const text = JSON.stringify(body);
  const bytes = encoder.encode(text);
  const bySdk: number[] = [];
  const byModel: number[] = [];
  const parse: number[] = [];
  for (let round = -2; round < ROUNDS; round++) {
    const a = await decodeMs(sdkSchema, bytes, 200);
    const b = await decodeMs(modelSchema, bytes, 200);
    const t = performance.now();
    for (let i = 0; i < 200; i++) JSON.parse(text);
    const c = (performance.now() - t) / 200;
    if (round >= 0) {
      bySdk.push(a);
      byModel.push(b);
      parse.push(c);
    }
  }
  console.log(
    `| ${name} | ${bytes.length} | ${median(bySdk).toFixed(3)} | ${median(byModel).toFixed(3)} | ${median(parse).toFixed(3)} |`,
  );
}
for (const h of Object.values(handles)) h.destroy();
await canned.close();

/**
 * Round trips from the model, not from hand lists (issue #22 item 4, the emulator's half): for
 * every connector type of the model, CreateConnectorProfile, UpdateConnectorProfile, CreateFlow
 * and UpdateFlow are sent with every member the model has filled in (values generated from the
 * model: model-values.ts), and every leaf that AppFlow returns comes back from
 * DescribeConnectorProfiles, DescribeFlow and ListFlows through the real SDK.
 *
 * Which members AppFlow returns is derived from the model too: an input member comes back where
 * the output shape has a member of the same name and shape, at its top level or nested in the
 * input (connectorProfileConfig.connectorProfileProperties comes back as
 * connectorProfileProperties). Members holding sensitive shapes (credentials) are not sent:
 * the model returns none of them. The flow's trigger and tasks are chosen to pass AppFlow's
 * rules (an on-demand trigger, a Map_all task) and are checked like the rest.
 */
import {
  type AppflowClient,
  CreateConnectorProfileCommand,
  CreateFlowCommand,
  DescribeConnectorCommand,
  DescribeConnectorProfilesCommand,
  DescribeFlowCommand,
  ListFlowsCommand,
  UpdateConnectorProfileCommand,
  UpdateFlowCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILELESS_TYPES } from '../../src/model/connector-facts.js';
import { CONNECTOR_TYPES, connectorMemberFor } from '../../src/model/connectors.js';
import { operation, shape } from '../../src/model/model.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { at, holdsSensitive, leaves, valueFor } from './model-values.js';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
/** A custom connector AWS provides: usable by label without RegisterConnector. */
const CUSTOM_LABEL = 'GoogleAds';
let t: TestEmulator;
let client: AppflowClient;

beforeAll(async () => {
  t = await startTestEmulator({ now: () => T0 });
  client = t.client;
});
afterAll(() => t.close());

type Json = Record<string, unknown>;

/**
 * Where each member of input shape `input` comes back in output shape `output`: a map from the
 * input path to the output member, for members of the same name and shape.
 */
function returned(input: string, output: string, prefix: string[] = []): [string[], string][] {
  const outMembers = shape(output).members ?? {};
  const pairs: [string[], string][] = [];
  for (const [name, ref] of Object.entries(shape(input).members ?? {})) {
    if (ref.location || ref.idempotencyToken || holdsSensitive(ref.shape)) {
      // Not sent, or credentials: a structure holding them is still searched for members the
      // output returns (connectorProfileConfig holds connectorProfileProperties).
      if (holdsSensitive(ref.shape) && shape(ref.shape).type === 'structure') {
        pairs.push(...returned(ref.shape, output, [...prefix, name]));
      }
      continue;
    }
    if (outMembers[name]?.shape === ref.shape) pairs.push([[...prefix, name], name]);
    else if (shape(ref.shape).type === 'structure') {
      pairs.push(...returned(ref.shape, output, [...prefix, name]));
    }
  }
  return pairs;
}

/** Every leaf of `sent` that should come back and did not (or came back different). */
function missing(sent: Json, answer: Json, input: string, output: string): string[] {
  const out: string[] = [];
  for (const [inPath, outMember] of returned(input, output)) {
    const value = at(sent, inPath);
    if (value === undefined) continue;
    for (const [leafPath, leaf] of leaves(value)) {
      const got = at(answer, [outMember, ...leafPath]);
      if (JSON.stringify(got) !== JSON.stringify(leaf)) {
        out.push(
          `${[...inPath, ...leafPath].join('.')}: sent ${JSON.stringify(leaf)}, got ${JSON.stringify(got)}`,
        );
      }
    }
  }
  return out;
}

const inputShape = (op: string) => operation(op).input!.shape;
const outputShape = (op: string) => operation(op).output!.shape;
const itemShape = (op: string, member: string) =>
  shape(shape(outputShape(op)).members![member].shape).member!.shape;

const nowSeconds = T0 / 1000;
const nameOf = (kind: string, type: string) => `rt-${kind}-${type.toLowerCase()}`;

async function configuration(type: string): Promise<Json> {
  const answer = await client.send(
    new DescribeConnectorCommand({
      connectorType: type as never,
      connectorLabel: type === 'CustomConnector' ? CUSTOM_LABEL : undefined,
    }),
  );
  return answer.connectorConfiguration as Json;
}

/** CreateConnectorProfile, UpdateConnectorProfile and DescribeConnectorProfiles of `type`. */
async function profileRoundTrip(type: string): Promise<string[]> {
  const name = nameOf('profile', type);
  const create = valueFor(inputShape('CreateConnectorProfile'), {
    connectorType: type,
    nowSeconds,
  }) as Json;
  Object.assign(create, { connectorProfileName: name, connectorType: type });
  if (type === 'CustomConnector') create.connectorLabel = CUSTOM_LABEL;
  await client.send(new CreateConnectorProfileCommand(create as never));
  const describe = async () =>
    (await client.send(new DescribeConnectorProfilesCommand({ connectorProfileNames: [name] })))
      .connectorProfileDetails![0] as Json;
  const item = itemShape('DescribeConnectorProfiles', 'connectorProfileDetails');
  const problems = missing(create, await describe(), inputShape('CreateConnectorProfile'), item);
  const update = valueFor(inputShape('UpdateConnectorProfile'), {
    connectorType: type,
    nowSeconds,
    variant: 1,
  }) as Json;
  update.connectorProfileName = name;
  await client.send(new UpdateConnectorProfileCommand(update as never));
  problems.push(
    ...missing(update, await describe(), inputShape('UpdateConnectorProfile'), item).map(
      (p) => `after update: ${p}`,
    ),
  );
  return problems;
}

/** An endpoint of a flow: connector type, its profile, and its generated properties. */
function endpoint(type: string, union: string, variant: number): Json {
  const member = connectorMemberFor(union, type)!;
  const props = valueFor(union, { connectorType: type, nowSeconds, variant }) as Json;
  return {
    connectorType: type,
    connectorProfileName: PROFILELESS_TYPES.has(type) ? undefined : nameOf('profile', type),
    [union === 'SourceConnectorProperties'
      ? 'sourceConnectorProperties'
      : 'destinationConnectorProperties']: { [member]: props[member] },
  };
}

/** CreateFlow, UpdateFlow, DescribeFlow and ListFlows of a flow from `source` to `destination`. */
async function flowRoundTrip(kind: string, source: string, destination: string, writes: string[]) {
  const name = nameOf(kind, kind === 'source' ? source : destination);
  const flow = (variant: number, op: string) => {
    const value = valueFor(inputShape(op), { connectorType: source, nowSeconds, variant }) as Json;
    const dest = endpoint(destination, 'DestinationConnectorProperties', variant);
    const props = Object.values(dest.destinationConnectorProperties as Json)[0] as Json;
    // The destination's write operation must be one it supports (DescribeConnector).
    if (props && 'writeOperationType' in props) props.writeOperationType = writes[0];
    return Object.assign(value, {
      flowName: name,
      triggerConfig: { triggerType: 'OnDemand', triggerProperties: {} },
      sourceFlowConfig: {
        ...(value.sourceFlowConfig as Json),
        ...endpoint(source, 'SourceConnectorProperties', variant),
      },
      destinationFlowConfigList: [{ ...(value.destinationFlowConfigList as Json[])[0], ...dest }],
      tasks: [{ taskType: 'Map_all', sourceFields: [], taskProperties: {} }],
    });
  };
  const create = flow(0, 'CreateFlow');
  await client.send(new CreateFlowCommand(create as never));
  const describe = async () =>
    (await client.send(new DescribeFlowCommand({ flowName: name }))) as unknown as Json;
  const listed = async () =>
    ((await client.send(new ListFlowsCommand({ maxResults: 100 }))).flows ?? []).find(
      (f) => f.flowName === name,
    ) as Json;
  const problems = [
    ...missing(create, await describe(), inputShape('CreateFlow'), outputShape('DescribeFlow')),
    ...missing(
      create,
      await listed(),
      inputShape('CreateFlow'),
      itemShape('ListFlows', 'flows'),
    ).map((p) => `ListFlows: ${p}`),
  ];
  const update = flow(1, 'UpdateFlow');
  await client.send(new UpdateFlowCommand(update as never));
  problems.push(
    ...missing(update, await describe(), inputShape('UpdateFlow'), outputShape('DescribeFlow')).map(
      (p) => `after update: ${p}`,
    ),
  );
  return problems;
}

describe('every member AppFlow returns comes back, for every connector type of the model', () => {
  it.each(CONNECTOR_TYPES.map((type) => [type]))('%s', async (type) => {
    const problems: string[] = [];
    const checked: string[] = [];
    if (!PROFILELESS_TYPES.has(type)) {
      problems.push(...(await profileRoundTrip(type)));
      checked.push('profile');
    }
    const config = await configuration(type);
    const s3 = await configuration('S3');
    if (config.canUseAsSource && connectorMemberFor('SourceConnectorProperties', type)) {
      const destinations = config.supportedDestinationConnectors as string[];
      const destination = destinations.includes('S3') ? 'S3' : destinations[0];
      const writes = (await configuration(destination)).supportedWriteOperations as string[];
      problems.push(...(await flowRoundTrip('source', type, destination, writes ?? [])));
      checked.push(`flow ${type} -> ${destination}`);
    }
    if (
      config.canUseAsDestination &&
      connectorMemberFor('DestinationConnectorProperties', type) &&
      (s3.supportedDestinationConnectors as string[]).includes(type) &&
      type !== 'S3'
    ) {
      const writes = (config.supportedWriteOperations as string[]) ?? [];
      problems.push(...(await flowRoundTrip('destination', 'S3', type, writes)));
      checked.push(`flow S3 -> ${type}`);
    }
    expect(checked.length, `${type}: nothing to check`).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

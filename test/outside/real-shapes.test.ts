/**
 * Real-world request shapes (test/fixtures/real-shapes, each naming its public source) through
 * the real @aws-sdk/client-appflow against the emulator, accepted or refused as AppFlow answers
 * them; then every accepted one through the gateway's mutations, read back through its queries.
 */
import * as appflow from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { operation } from '../../src/model/model.js';
import { fromInput } from '../../src/schema/model-inputs.js';
import { prerequisites, REAL_SHAPES, type RealShape } from '../fixtures/real-shapes/index.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { toGraphQLInput } from '../helpers/graphql-input.js';
import { CREATE_FLOW, CREATE_PROFILE, START_FLOW, UPDATE_FLOW } from '../mutations/fixtures.js';

type Any = any;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());
beforeEach(async () => {
  await gw.emulator.control.reset();
});

const requestShape = (s: RealShape) => operation(s.operation).input!.shape;
const label = (s: RealShape) =>
  `${s.id}: ${s.operation} ${s.expect === 'accepted' ? 'accepted' : `refused (${s.expect.error})`}`;

/** Send a fixture with the AWS SDK: its output, or the error it was refused with. */
async function sdkSend(s: RealShape): Promise<{ output?: Any; error?: Error }> {
  const Command = (appflow as Any)[`${s.operation}Command`];
  try {
    return { output: await gw.emulator.client.send(new Command(s.input)) };
  } catch (error) {
    return { error: error as Error };
  }
}

async function sdkPrerequisites(s: RealShape) {
  for (const p of prerequisites(s)) {
    const { error } = await sdkSend(p);
    if (error) throw new Error(`prerequisite ${p.id} was refused: ${error.name}: ${error.message}`);
  }
}

const triggerOf = (s: RealShape) => (s.input.triggerConfig as { triggerType: string }).triggerType;
/** The trigger of the flow a StartFlow fixture starts. */
const startedTrigger = (s: RealShape) =>
  triggerOf(prerequisites(s).find((p) => p.operation === 'CreateFlow')!);

describe('the fixtures', () => {
  test('at least 20 shapes, ids unique, each naming its source, refusals included', () => {
    expect(REAL_SHAPES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(REAL_SHAPES.map((s) => s.id)).size).toBe(REAL_SHAPES.length);
    for (const s of REAL_SHAPES) expect(s.source.length, s.id).toBeGreaterThan(20);
    expect(REAL_SHAPES.filter((s) => s.expect !== 'accepted').length).toBeGreaterThanOrEqual(3);
  });

  test('credentials are obviously fake', () => {
    const secrets = JSON.stringify(
      REAL_SHAPES.map(
        (s) => (s.input.connectorProfileConfig as Any)?.connectorProfileCredentials ?? {},
      ),
    );
    // No AWS key ids, no private keys, no long random-looking tokens.
    expect(secrets).not.toMatch(/AKIA[0-9A-Z]{16}|BEGIN [A-Z ]*PRIVATE KEY|[A-Za-z0-9+/]{40,}/);
  });

  test.each(REAL_SHAPES.map((s) => [s.id, s] as const))(
    '%s converts to the GraphQL input and back (toGraphQLInput is fromInput inverted)',
    (_id, s) => {
      const back = fromInput(requestShape(s), toGraphQLInput(requestShape(s), s.input));
      // DateTime travels as an ISO string; compare the AWS-shaped values as JSON.
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(s.input)));
    },
  );
});

describe('through @aws-sdk/client-appflow against the emulator', () => {
  test.each(REAL_SHAPES.map((s) => [label(s), s] as const))('%s', async (_label, s) => {
    await sdkPrerequisites(s);
    const { output, error } = await sdkSend(s);
    if (s.expect === 'accepted') {
      expect(error, `${error?.name}: ${error?.message}`).toBeUndefined();
      if (s.operation === 'StartFlow') {
        // On-demand flows run at once; scheduled and event flows are only activated.
        if (startedTrigger(s) === 'OnDemand') expect(output.executionId).toBeTruthy();
        else expect(output.executionId).toBeUndefined();
        expect(output.flowStatus).toBe('Active');
      }
      return;
    }
    expect(error?.name, 'AppFlow refuses this request').toBe(s.expect.error);
    if (s.expect.messageIncludes) expect(error?.message).toContain(s.expect.messageIncludes);
  });
});

const MUTATIONS: Record<RealShape['operation'], string> = {
  CreateConnectorProfile: CREATE_PROFILE,
  CreateFlow: CREATE_FLOW,
  UpdateFlow: UPDATE_FLOW,
  StartFlow: START_FLOW,
};

/** Run a fixture as the gateway mutation; fails unless the result is the success type. */
async function mutate(s: RealShape): Promise<Any> {
  const response = await gw.query(MUTATIONS[s.operation], {
    input: toGraphQLInput(requestShape(s), s.input) as Record<string, unknown>,
  });
  expect(response.errors, `${s.id}: ${JSON.stringify(response.errors)}`).toBeUndefined();
  const result = Object.values(response.data as object)[0];
  expect(result.__typename, `${s.id}: ${JSON.stringify(result)}`).toBe(`${s.operation}Success`);
  return result;
}

const FLOW_READ = `query Flow($name: String!) {
  flow(name: $name) {
    flowName flowStatus triggerType sourceConnectorType destinationConnectorType description
    tasks { taskType sourceFields }
  }
}`;
const PROFILE_READ = `query Profile($name: String!) {
  connectorProfile(name: $name) { connectorProfileName connectorType connectionMode credentialsArn }
}`;

async function readBack(s: RealShape, result: Any) {
  const input = s.input as Any;
  if (s.operation === 'CreateConnectorProfile') {
    const r = await gw.query<Any>(PROFILE_READ, { name: input.connectorProfileName });
    expect(r.data.connectorProfile).toMatchObject({
      connectorProfileName: input.connectorProfileName,
      connectorType: input.connectorType,
      connectionMode: input.connectionMode,
    });
    // Credentials went in (a secret ARN exists) and never come back out.
    expect(r.data.connectorProfile.credentialsArn).toMatch(/^arn:aws:secretsmanager:/);
    return;
  }
  const r = await gw.query<Any>(FLOW_READ, { name: input.flowName });
  const flow = r.data.flow;
  expect(flow, `${s.id}: flow ${input.flowName} reads back`).toBeTruthy();
  if (s.operation === 'StartFlow') {
    expect(flow.flowStatus).toBe('Active');
    if (startedTrigger(s) === 'OnDemand') expect(result.execution?.executionId).toBeTruthy();
    else expect(result.execution).toBeNull();
    return;
  }
  expect(flow).toMatchObject({
    flowName: input.flowName,
    triggerType: input.triggerConfig.triggerType,
    sourceConnectorType: input.sourceFlowConfig.connectorType,
    destinationConnectorType: input.destinationFlowConfigList[0].connectorType,
    description: input.description ?? null,
  });
  expect(flow.tasks.map((t: Any) => t.taskType)).toEqual(input.tasks.map((t: Any) => t.taskType));
  expect(flow.tasks.map((t: Any) => t.sourceFields)).toEqual(
    input.tasks.map((t: Any) => t.sourceFields),
  );
}

describe("through the gateway's mutations", () => {
  const accepted = REAL_SHAPES.filter((s) => s.expect === 'accepted');
  test.each(accepted.map((s) => [label(s), s] as const))('%s', async (_label, s) => {
    for (const p of prerequisites(s)) await mutate(p);
    const result = await mutate(s);
    await readBack(s, result);
  });
});

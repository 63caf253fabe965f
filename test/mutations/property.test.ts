/**
 * Property test: thousands of random inputs at createFlow and createConnectorProfile never
 * cause an internal error, and an input the gateway rejects (GraphQL validation or
 * ValidationError) never reaches AppFlow with a write (createFlow's catalog checks read the
 * connector profiles and connectors; a model violation makes no call at all).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { CREATE_FLOW, CREATE_PROFILE, s3Flow, salesforceProfile } from './fixtures.js';

let gw: TestGateway;
/** AppFlow calls the gateway made (the emulator's own count is checked against it at the end). */
let upstreamCalls = 0;
/** Of which writes (anything but the Describe and List reads). */
let upstreamWrites = 0;
type Any = any;

beforeAll(async () => {
  gw = await startTestGateway({ env: { LOG_LEVEL: 'warn' } });
  gw.gateway.appflow.onCall((operation) => {
    upstreamCalls++;
    if (!/^(Describe|List)/.test(operation)) upstreamWrites++;
  });
});
afterAll(() => gw?.close());

const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/),
  fc.constantFrom('', ' ', 'aws:x', 'x'.repeat(300), 'bad name!', 'ok-name'),
);
/** Mostly valid values, now and then one GraphQL itself rejects. */
const mostly = <T>(valid: T[], invalid: T) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 30 },
    { arbitrary: fc.constant(invalid), weight: 1 },
  );
const connector = mostly(['S3', 'Salesforce', 'Marketo', 'Zendesk', 'Upsolver'], 'Nope');
/** Source properties of each source connector, as the model names them. */
const sourceProperties = (member: string, bucketName: string) =>
  member === 'S3' ? { bucketName } : { object: bucketName };
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const flowInput = fc.record(
  {
    flowName: text,
    description: maybe(text),
    triggerType: mostly(['OnDemand', 'Scheduled', 'Event'], 'Later'),
    schedule: maybe(fc.constantFrom('rate(1hours)', '', 'cron(0 * * * ? *)')),
    sourceType: connector,
    sourceMember: mostly(['S3', 'Salesforce', 'Marketo', 'Zendesk'], 'Upsolver'),
    bucketName: text,
    destinationCount: fc.integer({ min: 0, max: 2 }),
    tasks: fc.array(
      fc.record({
        sourceFields: fc.array(text, { maxLength: 3 }),
        taskType: mostly(['Map', 'Filter', 'Map_all', 'Validate'], 'Bogus'),
        operator: maybe(mostly(['NO_OP', 'PROJECTION'], 'NOPE')),
        operatorMember: connector,
      }),
      { maxLength: 3 },
    ),
    tags: maybe(fc.array(fc.record({ key: text, value: text }), { maxLength: 3 })),
    idempotencyKey: maybe(text),
    extraMember: fc.integer({ min: 0, max: 30 }).map((n) => n === 0),
  },
  { requiredKeys: [] },
);

function buildFlow(v: Any) {
  const base = s3Flow('x') as Any;
  return {
    flowName: v.flowName ?? 'flow',
    description: v.description,
    triggerConfig: {
      triggerType: v.triggerType ?? 'OnDemand',
      ...(v.schedule !== undefined
        ? { triggerProperties: { Scheduled: { scheduleExpression: v.schedule } } }
        : {}),
    },
    sourceFlowConfig: {
      connectorType: v.sourceType ?? 'S3',
      sourceConnectorProperties: {
        [v.sourceMember ?? 'S3']: sourceProperties(
          v.sourceMember ?? 'S3',
          v.bucketName ?? 'source-bucket',
        ),
        ...(v.extraMember ? { Salesforce: { object: 'Account' } } : {}),
      },
    },
    destinationFlowConfigList: base.destinationFlowConfigList.slice(0, v.destinationCount ?? 1),
    tasks: (v.tasks ?? []).map((t: Any) => ({
      sourceFields: t.sourceFields ?? [],
      taskType: t.taskType ?? 'Map',
      ...(t.operator ? { connectorOperator: { [t.operatorMember ?? 'S3']: t.operator } } : {}),
    })),
    tags: v.tags,
    idempotencyKey: v.idempotencyKey,
  };
}

const profileInput = fc.record(
  {
    name: text,
    type: connector,
    propertiesMember: mostly(['Salesforce', 'Salesforce', 'Marketo'], 'Zendesk'),
    credentialsMember: maybe(connector),
    instanceUrl: text,
    mode: mostly(['Public', 'Private'], 'Elsewhere'),
    accessToken: text,
    kmsArn: maybe(text),
  },
  { requiredKeys: [] },
);

function buildProfile(v: Any) {
  const base = salesforceProfile(v.name ?? 'profile', v.accessToken ?? 'token');
  return {
    ...base,
    connectorType: v.type ?? 'Salesforce',
    connectionMode: v.mode ?? 'Public',
    kmsArn: v.kmsArn,
    connectorProfileConfig: {
      connectorProfileProperties: {
        [v.propertiesMember ?? 'Salesforce']: {
          instanceUrl: v.instanceUrl ?? 'https://x.example.com',
        },
      },
      ...(v.credentialsMember
        ? {
            connectorProfileCredentials: {
              [v.credentialsMember]: { accessToken: v.accessToken ?? 'token' },
            },
          }
        : {}),
    },
  };
}

const INTERNAL = new Set(['INTERNAL_SERVER_ERROR', 'UPSTREAM_UNAVAILABLE', 'UNEXPECTED']);

async function check(doc: string, input: unknown, outcomes: Map<string, number>) {
  const before = upstreamWrites;
  const r = await gw.query<Any>(doc, { input: input as Record<string, unknown> });
  for (const e of r.errors ?? []) {
    const code = String(e.extensions?.code);
    if (INTERNAL.has(code) || !e.extensions?.code) {
      throw new Error(`internal error: ${JSON.stringify(e)}`);
    }
  }
  const result = r.errors ? undefined : (Object.values(r.data ?? {})[0] as Any);
  const gatewayRejected =
    r.errors !== undefined ||
    (result?.__typename === 'ValidationError' && result.message.startsWith('The input is invalid'));
  const outcome = r.errors
    ? 'graphql-error'
    : gatewayRejected
      ? 'gateway ValidationError'
      : result?.__typename;
  if (!outcome) throw new Error(`no result: ${JSON.stringify(r)}`);
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  if (gatewayRejected && upstreamWrites !== before) {
    throw new Error(`a rejected input reached AppFlow: ${JSON.stringify(input)}`);
  }
}

test('createFlow and createConnectorProfile survive random inputs', {
  timeout: 60_000,
}, async () => {
  await gw.emulator.control.reset();
  upstreamCalls = 0;
  const outcomes = new Map<string, number>();
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(flowInput, async (v) => check(CREATE_FLOW, buildFlow(v), outcomes)),
    { numRuns: 1000, seed: 42 },
  );
  await fc.assert(
    fc.asyncProperty(profileInput, async (v) => check(CREATE_PROFILE, buildProfile(v), outcomes)),
    { numRuns: 1000, seed: 43 },
  );
  const ms = performance.now() - started;
  console.info(`2000 random mutations in ${Math.round(ms)} ms`, Object.fromEntries(outcomes));
  // What the gateway counted is what reached the emulator.
  expect((await gw.emulator.control.requests()).total).toBe(upstreamCalls);
  // Random inputs cover the outcomes, not only one of them.
  expect(outcomes.get('graphql-error')).toBeGreaterThan(0);
  expect(outcomes.get('gateway ValidationError')).toBeGreaterThan(100);
  expect(
    (outcomes.get('CreateFlowSuccess') ?? 0) + (outcomes.get('CreateConnectorProfileSuccess') ?? 0),
  ).toBeGreaterThan(0);
});

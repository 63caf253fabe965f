/**
 * Debian's boto3 (/usr/bin/python3, python3-boto3) against the standalone emulator program. The
 * scenarios in test/outside/py/ drive every operation of the model, catch the modelled exception
 * classes, walk the paginators and check the documented behaviours; they print what they saw as
 * JSON and the assertions live here. botocore loads the vendored model through AWS_DATA_PATH.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { readManifest } from '../../src/model/manifest.js';
import { realShape } from '../fixtures/real-shapes/index.js';
import {
  type ClientTestContext,
  clientEnv,
  DEBIAN_PYTHON,
  hasBoto3,
  MODEL_OPERATIONS,
  useEmulatorProcess,
  warnMissing,
} from './support.js';

if (!hasBoto3) warnMissing(`boto3 (${DEBIAN_PYTHON} with python3-boto3)`);

type Any = any;

let ctx: ClientTestContext;
const run = promisify(execFile);

/** The real-shapes fixtures the scenarios build on, as JSON (timestamps as ISO strings). */
const SHAPES = {
  salesforceProfile: realShape('cdk-appflow/salesforce-profile').input,
  snowflakeProfile: realShape('cdk-appflow/snowflake-profile').input,
  onDemandFlow: realShape('terraform/flow-multiple-tasks').input,
  scheduledFlow: realShape('terraform/flow-basic').input,
  // Terraform's updated flow: rate(6hours), no start time.
  scheduledWithoutStart: realShape('terraform/flow-update').input,
  eventFlow: realShape('cdk-appflow/salesforce-to-eventbridge').input,
};

/** Run test/outside/py/<name>.py; its observations, by name. */
async function scenario(name: string): Promise<Record<string, Any>> {
  const child = run(DEBIAN_PYTHON, [`test/outside/py/${name}.py`], {
    env: clientEnv(ctx.dataPath),
    timeout: 60_000,
  });
  child.child.stdin!.end(JSON.stringify({ url: ctx.emulator.url, shapes: SHAPES }));
  const { stdout } = await child.catch((e: { stderr?: string; message: string }) => {
    throw new Error(`${name}.py failed: ${e.stderr ?? e.message}`);
  });
  const out = JSON.parse(stdout) as { observations: Record<string, Any>; answered: string[] };
  for (const op of out.answered) ctx.tally.answered.add(op);
  return out.observations;
}

/** An observation that must not have raised (the scenario records exceptions). */
function seen(observations: Record<string, Any>, key: string): Any {
  const o = observations[key];
  expect(o, `observation ${key}`).toBeDefined();
  expect(o.raised, `${key} raised:\n${o.traceback}`).toBeUndefined();
  return o;
}

const awareDatetime = { datetime: true, aware: true };

describe.skipIf(!hasBoto3)(
  'boto3 (Debian) against the emulator program',
  { timeout: 60_000 },
  () => {
    ctx = useEmulatorProcess(['--run-seconds', '300']);

    /** Run a scenario once for the tests of a describe block; its observations. */
    function scenarioOnce(name: string): () => Record<string, Any> {
      let observations: Record<string, Any> | undefined;
      beforeAll(async () => {
        await ctx.emulator.control.reset();
        observations = await scenario(name);
        await ctx.tally.collect(ctx.emulator.control);
      });
      return () => observations!;
    }

    test('lifecycle: connectors, profiles, flows, tags, entities, runs, deletes', async () => {
      const o = await scenario('lifecycle');
      expect(seen(o, 'connectors')).toMatchObject({
        listed: ['acme_inventory'],
        describedLabel: 'acme_inventory',
        registeredAt: awareDatetime,
        catalog: ['S3', 'Salesforce'],
        afterUnregister: [],
      });
      const profiles = seen(o, 'profiles');
      expect(profiles).toMatchObject({
        connectionMode: 'Private',
        credentialsEchoed: false,
        createdAt: awareDatetime,
      });
      expect(profiles.credentialsArn).toMatch(/^arn:aws:secretsmanager:/);
      expect(seen(o, 'flows')).toMatchObject({
        status: 'Active',
        description: 'updated through boto3',
        tasks: 3,
        createdAt: awareDatetime,
        lastUpdatedAt: awareDatetime,
        tags: { team: 'data' },
        listed: [SHAPES.onDemandFlow.flowName],
      });
      const entities = seen(o, 'entities');
      expect(entities.names).toContain('Account');
      expect(entities.fields).toBeGreaterThan(0);
      const runs = seen(o, 'runs');
      expect(runs.executionId).toBeTruthy();
      expect(runs.invalidExecutions).toEqual([]);
      expect(runs.records).toMatchObject([
        { executionId: runs.executionId, status: 'Canceled', startedAt: awareDatetime },
      ]);
      expect(runs.activated).toEqual({ status: 'Active', executionId: null });
      expect(runs.stopped).toBe('Suspended');
      expect(seen(o, 'deletes')).toEqual({ flows: [], profiles: [] });
    });

    describe('errors (one scenario run, shared)', () => {
      const observed = scenarioOnce('errors');
      let o: Record<string, Any>;
      beforeAll(() => {
        o = observed();
      });

      test('the modelled exception classes on client.exceptions, with status and message', () => {
        expect(seen(o, 'notFound')).toEqual({
          caughtAs: 'ResourceNotFoundException',
          message: 'Flow no-such-flow does not exist',
        });
        const expected: [string, string, number][] = [
          ['notFoundCaught', 'ResourceNotFoundException', 404],
          ['validation', 'ValidationException', 400],
          ['conflict', 'ConflictException', 409],
          ['unsupported', 'UnsupportedOperationException', 400],
          ['throttling', 'ThrottlingException', 429],
          ['internal', 'InternalServerException', 500],
          ['connectorAuthentication', 'ConnectorAuthenticationException', 401],
          ['accessDenied', 'AccessDeniedException', 403],
        ];
        for (const [key, error, status] of expected) {
          expect(seen(o, key), key).toMatchObject({
            error,
            class: error,
            modelledClass: true,
            status,
          });
        }
        expect(o.validation.message).toMatch(/flowName/);
      });

      test('a profile for an unregistered custom connector label is a ValidationException', () => {
        expect(seen(o, 'unregisteredLabel')).toMatchObject({ error: 'ValidationException' });
      });
    });

    test('pagination: every paginator in paginators.json walks every page; MaxItems and StartingToken', async () => {
      const o = await scenario('pagination');
      expect(seen(o, 'canPaginate')).toEqual({
        list_flows: true,
        describe_connector_profiles: true,
        describe_flow_execution_records: true,
        describe_connectors: true,
        list_connectors: true,
      });
      const walks: [string, number][] = [
        ['listFlows', 10],
        ['describeConnectorProfiles', 5],
        ['describeFlowExecutionRecords', 3],
        ['describeConnectors', 5],
        ['listConnectors', 3],
      ];
      for (const [key, pageSize] of walks) {
        const walk = seen(o, key);
        expect(walk.total, key).toBe(walk.expected);
        expect(new Set(walk.items).size, `${key}: no item twice`).toBe(walk.total);
        expect(walk.pageSizes.length, `${key}: more than one page`).toBeGreaterThan(1);
        expect(Math.max(...walk.pageSizes), key).toBeLessThanOrEqual(pageSize);
      }
      expect(o.listFlows.total).toBe(25);
      expect(seen(o, 'maxItemsThenResume')).toEqual({ first: 10, rest: 15, unique: 25 });
    });

    test('documented behaviours: StartFlow, StopFlow, CancelFlowExecutions, the reset rule, client tokens, timestamps', async () => {
      const o = await scenario('behaviours');
      // StartFlow runs an on-demand flow at once; scheduled and event flows are only activated.
      expect(seen(o, 'startFlow')).toEqual({
        onDemand: { executionId: expect.any(String), status: 'Active' },
        onDemandRun: ['InProgress'],
        scheduled: { executionId: null, status: 'Active' },
        event: { executionId: null, status: 'Active' },
        scheduledRuns: 0,
      });
      // StopFlow deactivates a scheduled flow; on an on-demand flow it is unsupported.
      expect(seen(o, 'stopFlow')).toMatchObject({
        scheduled: 'Suspended',
        described: 'Suspended',
        onDemand: { error: 'UnsupportedOperationException' },
      });
      // Without executionIds every active run is cancelled: CancelStarted, then Canceled.
      expect(seen(o, 'cancel')).toEqual({
        invalidWhenAllActive: [],
        rightAfter: ['CancelStarted', 'CancelStarted'],
        later: ['Canceled', 'Canceled'],
        finishedCannotBeCancelled: true,
      });
      // connectorType for S3 and EventBridge; a profile for the others.
      expect(seen(o, 'resetRule')).toMatchObject({
        s3ByType: { error: null },
        eventBridgeByType: { error: null },
        salesforceByType: { error: 'ValidationException' },
        salesforceByProfile: { error: null },
        neither: { error: 'ValidationException' },
      });
      expect(seen(o, 'idempotency')).toMatchObject({
        sameArn: true,
        flowsNamedSo: 1,
        changedInput: { error: 'ConflictException' },
        sameExecution: true,
        otherOnDemandFlow: { error: null },
        otherScheduledFlow: { error: 'ConflictException' },
      });
      expect(seen(o, 'timestamps')).toMatchObject({
        createdAt: awareDatetime,
        createdAtNearNow: true,
        scheduleStartTime: awareDatetime,
        scheduleStartTimeRoundTrips: true,
        startedAt: awareDatetime,
        lastUpdatedAt: awareDatetime,
        mostRecentExecutionTime: awareDatetime,
      });
    });

    describe('rules and model members (one scenario run, shared)', () => {
      const observed = scenarioOnce('rules');
      let o: Record<string, Any>;
      beforeAll(() => {
        o = observed();
      });

      test('with the vendored model botocore knows all its operations, Snowflake key pairs and PKCE', () => {
        expect(seen(o, 'botocoreModel')).toEqual({
          operations: readManifest().operations.length,
          snowflakeMembers: ['password', 'privateKey', 'username'],
          oauthMembers: ['authCode', 'codeVerifier', 'redirectUri'],
        });
      });

      test('a Snowflake profile with a private key and no password is accepted; the key is never returned', () => {
        expect(seen(o, 'snowflakeKeyPair')).toEqual({ created: true, keyEchoed: false });
      });

      test('an OAuth request with a PKCE code verifier is accepted', () => {
        expect(seen(o, 'pkceCodeVerifier')).toEqual({ created: true });
      });

      test('a Snowflake profile with neither a password nor a private key is refused', () => {
        expect(seen(o, 'snowflakeWithoutSecret')).toMatchObject({ error: 'ValidationException' });
      });

      test('a rate() schedule runs once when the flow is activated', () => {
        expect(seen(o, 'rateRunsAtActivation')).toEqual({ runs: 1 });
      });

      test("an incremental schedule's first run pulls the past 30 days", () => {
        expect(seen(o, 'firstPullDefault').pullDays).toBeCloseTo(30, 1);
      });

      test("an incremental schedule's first run pulls from firstExecutionFrom", () => {
        const pull = seen(o, 'firstPullFrom');
        expect(Date.parse(pull.pullStart)).toBe(Date.parse(pull.expectedStart));
      });

      test('an unknown time zone is refused at CreateFlow', () => {
        expect(seen(o, 'invalidTimezone')).toMatchObject({ error: 'ValidationException' });
      });

      test('ResetConnectorMetadataCache without connectorEntityName keeps cached entity details', () => {
        const r = seen(o, 'resetKeepsEntityDetails');
        expect(r.accountDetailsKept).toBe(true);
        expect(r.after).toBeLessThan(r.before);
      });
    });

    // Apache Airflow's AppFlow operators (apache/airflow providers/amazon/.../hooks/appflow.py
    // and operators/appflow.py), as test/outside/py/airflow.py restates their boto3 calls:
    // update_flow_filter deletes DescribeFlow's triggerConfig.triggerProperties unguarded (a
    // KeyError when missing) and the short-circuit operator skips on recordsProcessed 0.
    // Each source entity holds 720 hourly records (src/emulator/models/source-data.ts).
    test("Airflow's operators: DescribeFlow's trigger back into UpdateFlow, filters and record counts", async () => {
      await ctx.emulator.control.reset();
      const o = await scenario('airflow');
      const onDemand = { triggerType: 'OnDemand', triggerProperties: {} };
      expect(seen(o, 'triggerProperties')).toEqual(onDemand);
      expect(seen(o, 'full')).toEqual({ status: 'Successful', records: 720 });
      expect(seen(o, 'triggerPropertiesAfterUpdate')).toEqual(onDemand);
      expect(seen(o, 'afterTomorrow')).toEqual({ status: 'Successful', records: 0 });
      expect(seen(o, 'beforeTomorrow').records).toBe(720);
      expect(seen(o, 'beforeLastMonth').records).toBe(0);
      expect(seen(o, 'daily').records).toBe(24);
      expect(seen(o, 'fullAgain').records).toBe(720);
    });

    test('every operation of the model was driven through boto3 and answered by the emulator', () => {
      expect(ctx.tally.missing()).toEqual([]);
      expect(MODEL_OPERATIONS).toEqual(readManifest().operations);
    });
  },
);

/**
 * Debian's AWS CLI v2 (/usr/bin/aws) against the standalone emulator program: JSON and shorthand
 * input, errors as the CLI reports them (stderr, exit code 254 for service errors, 255 without an
 * answer), auto-pagination with --page-size/--max-items/--starting-token, timestamps, and the
 * documented run behaviours. The CLI loads the vendored model through AWS_DATA_PATH (see
 * support.ts). Each call starts a Python process (most of a second of CPU), so this file drives
 * the operations below and leaves the rest to boto3.test.ts, which drives them all.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { realShape } from '../fixtures/real-shapes/index.js';
import {
  type ClientTestContext,
  clientEnv,
  DEBIAN_AWS_CLI,
  hasAwsCli,
  MODEL_OPERATIONS,
  useEmulatorProcess,
  warnMissing,
} from './support.js';

if (!hasAwsCli) warnMissing(`AWS CLI (${DEBIAN_AWS_CLI})`);

/** The operations this file drives through the CLI (checked at the end). */
const CLI_OPERATIONS = [
  'CancelFlowExecutions',
  'CreateConnectorProfile',
  'CreateFlow',
  'DeleteConnectorProfile',
  'DeleteFlow',
  'DescribeConnectorProfiles',
  'DescribeFlow',
  'DescribeFlowExecutionRecords',
  'ListConnectorEntities',
  'ListFlows',
  'ListTagsForResource',
  'ResetConnectorMetadataCache',
  'StartFlow',
  'StopFlow',
  'TagResource',
  'UpdateFlow',
];

type Any = any;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: Any;
}

let ctx: ClientTestContext;
const run = promisify(execFile);

/** `aws appflow <command> ...` against the emulator; records the operation when it succeeds. */
async function aws(
  command: string,
  args: string[] = [],
  options: { bundledModel?: boolean; endpoint?: string } = {},
): Promise<CliResult> {
  const argv = [
    'appflow',
    command,
    ...args,
    '--endpoint-url',
    options.endpoint ?? ctx.emulator.url,
  ];
  argv.push('--output', 'json');
  const env = clientEnv(options.bundledModel ? undefined : ctx.dataPath);
  let result: CliResult;
  try {
    const { stdout, stderr } = await run(DEBIAN_AWS_CLI, argv, { env, timeout: 30_000 });
    result = { code: 0, stdout, stderr, json: stdout.trim() ? JSON.parse(stdout) : {} };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    result = {
      code: err.code,
      stdout: err.stdout ?? '',
      stderr: err.stderr ?? '',
      json: undefined,
    };
  }
  if (result.code === 0) {
    ctx.tally.answered.add(
      command.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    );
  }
  return result;
}

/** Succeeds, or fails the test with the CLI's own words. */
async function ok(command: string, args: string[] = []): Promise<Any> {
  const r = await aws(command, args);
  expect(r.code, `aws appflow ${command}: ${r.stderr}`).toBe(0);
  return r.json;
}

/** A real-shapes fixture as the CLI's --cli-input-json. */
const inputJson = (id: string, extra: Record<string, unknown> = {}) => [
  '--cli-input-json',
  JSON.stringify({ ...realShape(id).input, ...extra }),
];

const SALESFORCE = realShape('cdk-appflow/salesforce-profile').input.connectorProfileName as string;
const ON_DEMAND = realShape('terraform/flow-multiple-tasks').input.flowName as string;
const SCHEDULED = realShape('terraform/flow-basic').input.flowName as string;

// Calls that do not depend on each other run side by side. A loaded machine needs the time.
describe.skipIf(!hasAwsCli)(
  'AWS CLI v2 (Debian) against the emulator program',
  { timeout: 90_000 },
  () => {
    // Long runs, so a run is still in progress when the test cancels it.
    ctx = useEmulatorProcess(['--run-seconds', '300']);

    test("with only its own bundled model, the CLI still drives the emulator's older operations", async () => {
      await ctx.emulator.control.seed();
      const r = await aws('list-flows', [], { bundledModel: true });
      expect(r.code, r.stderr).toBe(0);
      expect(r.json.flows.length).toBeGreaterThan(0);
    });

    test('profiles and flows from JSON input: create, describe, update, tag (shorthand), delete', async () => {
      const [created, flow] = await Promise.all([
        ok('create-connector-profile', inputJson('cdk-appflow/salesforce-profile')),
        ok('create-flow', inputJson('terraform/flow-multiple-tasks')),
      ]);
      expect(created.connectorProfileArn).toMatch(
        /^arn:aws:appflow:us-east-1:\d{12}:connectorprofile\//,
      );
      expect(flow).toMatchObject({ flowStatus: 'Active' });

      const [profiles, described] = await Promise.all([
        ok('describe-connector-profiles', ['--connector-profile-names', SALESFORCE]),
        ok('describe-flow', ['--flow-name', ON_DEMAND]),
        ok('tag-resource', ['--resource-arn', flow.flowArn, '--tags', 'team=data,env=test']),
      ]);
      expect(profiles.connectorProfileDetails).toHaveLength(1);
      const [profile] = profiles.connectorProfileDetails;
      expect(profile).toMatchObject({ connectorType: 'Salesforce', connectionMode: 'Public' });
      // Credentials are write-only: the answer carries a secret ARN, never the tokens.
      expect(profile.credentialsArn).toMatch(/^arn:aws:secretsmanager:/);
      expect(JSON.stringify(profiles)).not.toContain('dummyAccessToken');
      // Timestamps print as ISO 8601 with a zone.
      expect(profile.createdAt).toMatch(/T.*(Z|[+-]\d\d:\d\d)$/);
      expect(Math.abs(Date.parse(profile.createdAt) - Date.now())).toBeLessThan(600_000);
      expect(described.tasks).toHaveLength(3);
      expect(described.triggerConfig.triggerType).toBe('OnDemand');

      await ok(
        'update-flow',
        inputJson('terraform/flow-multiple-tasks', { description: 'updated by the CLI' }),
      );
      const [tags, listed] = await Promise.all([
        ok('list-tags-for-resource', ['--resource-arn', flow.flowArn]),
        ok('list-flows'),
      ]);
      expect(tags.tags).toEqual({ team: 'data', env: 'test' });
      expect(listed.flows).toMatchObject([
        { flowName: ON_DEMAND, description: 'updated by the CLI' },
      ]);

      await Promise.all([
        ok('delete-flow', ['--flow-name', ON_DEMAND]),
        ok('delete-connector-profile', ['--connector-profile-name', SALESFORCE]),
      ]);
    });

    test('ResetConnectorMetadataCache: connectorType for S3; Salesforce needs a profile', async () => {
      const [entities, reset, salesforce] = await Promise.all([
        ok('list-connector-entities', ['--connector-type', 'S3']),
        ok('reset-connector-metadata-cache', ['--connector-type', 'S3']),
        aws('reset-connector-metadata-cache', ['--connector-type', 'Salesforce']),
      ]);
      expect(Object.keys(entities.connectorEntityMap).length).toBeGreaterThan(0);
      expect(reset).toEqual({});
      expect(salesforce.code).toBe(254);
      expect(salesforce.stderr).toMatch(
        /\(ValidationException\) when calling the ResetConnectorMetadataCache operation/,
      );
    });

    test('StartFlow runs an on-demand flow, CancelFlowExecutions cancels it; StopFlow is refused', async () => {
      await ok('create-flow', inputJson('terraform/flow-multiple-tasks'));
      const started = await ok('start-flow', ['--flow-name', ON_DEMAND]);
      expect(started.executionId).toBeTruthy();
      expect(
        (await ok('cancel-flow-executions', ['--flow-name', ON_DEMAND])).invalidExecutions ?? [],
      ).toEqual([]);
      // CancelStarted -> Canceled takes an emulated second.
      await ctx.emulator.control.advance(5);
      const [records, stop] = await Promise.all([
        ok('describe-flow-execution-records', ['--flow-name', ON_DEMAND]),
        aws('stop-flow', ['--flow-name', ON_DEMAND]),
      ]);
      expect(records.flowExecutions).toMatchObject([
        { executionId: started.executionId, executionStatus: 'Canceled' },
      ]);
      expect(Number.isNaN(Date.parse(records.flowExecutions[0].startedAt))).toBe(false);
      expect(stop.code).toBe(254);
      expect(stop.stderr).toMatch(
        /\(UnsupportedOperationException\) when calling the StopFlow operation/,
      );
    });

    test('a scheduled flow: StartFlow activates it (no executionId), StopFlow suspends it', async () => {
      expect(await ok('create-flow', inputJson('terraform/flow-basic'))).toMatchObject({
        flowStatus: 'Draft',
      });
      const started = await ok('start-flow', ['--flow-name', SCHEDULED]);
      expect(started).toMatchObject({ flowStatus: 'Active' });
      expect(started.executionId).toBeUndefined();
      expect(await ok('stop-flow', ['--flow-name', SCHEDULED])).toMatchObject({
        flowStatus: 'Suspended',
      });
    });

    test('service errors: exit code 254, the error type and message on stderr; 255 only without an answer', async () => {
      await ctx.emulator.control.faults({ operation: 'ListFlows', type: 'throttle', count: 1 });
      const [missing, invalid, throttled, unreachable] = await Promise.all([
        aws('describe-flow', ['--flow-name', 'no-such-flow']),
        // Passes the CLI's own checks (it does not check patterns); the emulator refuses it.
        aws('describe-flow', ['--flow-name', 'has spaces']),
        aws('list-flows'),
        // 255 is the CLI's code for "no service answer": here nothing listens on the port.
        aws('list-flows', [], { endpoint: 'http://127.0.0.1:9' }),
      ]);
      expect(missing).toMatchObject({ code: 254, stdout: '' });
      // "(reached max retries: 0)" appears because the tests allow one attempt.
      expect(missing.stderr.trim()).toMatch(
        /^An error occurred \(ResourceNotFoundException\) when calling the DescribeFlow operation( \(reached max retries: 0\))?: Flow no-such-flow does not exist$/,
      );
      expect(invalid.code).toBe(254);
      expect(invalid.stderr).toMatch(
        /\(ValidationException\) when calling the DescribeFlow operation.*flowName/,
      );
      expect(throttled.code).toBe(254);
      expect(throttled.stderr).toMatch(
        /\(ThrottlingException\) when calling the ListFlows operation/,
      );
      expect(unreachable.code).toBe(255);
      expect(unreachable.stderr).toMatch(/Could not connect to the endpoint URL/);
    });

    test('pagination: every page with --page-size; --max-items, then --starting-token', async () => {
      await ctx.emulator.control.seed({
        generate: { flows: 25, profiles: 1, executionsPerFlow: 0 },
      });
      await ctx.emulator.control.clearRequests();
      const all = await ok('list-flows', ['--page-size', '10']);
      expect(all.flows).toHaveLength(25);
      expect(all.NextToken).toBeUndefined();
      expect((await ctx.emulator.control.requests()).byOperation.ListFlows).toBe(3);

      const first = await ok('list-flows', ['--max-items', '10']);
      expect(first.flows).toHaveLength(10);
      expect(first.NextToken).toBeTruthy();
      const rest = await ok('list-flows', ['--starting-token', first.NextToken]);
      expect(rest.NextToken).toBeUndefined();
      const names = [...first.flows, ...rest.flows].map((f: Any) => f.flowName);
      expect(names.sort()).toEqual(all.flows.map((f: Any) => f.flowName).sort());
    });

    test('the operations listed above were driven through the CLI and answered by the emulator', () => {
      expect(CLI_OPERATIONS.every((op) => MODEL_OPERATIONS.includes(op))).toBe(true);
      expect(ctx.tally.missing(CLI_OPERATIONS)).toEqual([]);
    });
  },
);

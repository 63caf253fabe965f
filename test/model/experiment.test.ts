/**
 * Issue #22's experiment, repeatable: the three model changes AWS makes (a new connector type
 * with a new sensitive credential member; a new optional member on CreateFlow's input and
 * DescribeFlow's output; a new read-only operation) applied to a COPY of the model
 * (test/helpers/scratch-model.ts), with no edit anywhere else. The gateway and the emulator
 * both load the copy (APPFLOW_MODEL_DIR), `npm run model:update` writes its manifest, and:
 * - the manifest the tests compare against matches the changed model;
 * - the schema regenerates itself (new types, the credential write-only);
 * - the new members and the new connector's properties read back non-null through GraphQL;
 * - the new operation is callable through the client layer (modelCommand, the gateway's
 *   client with its guards and listeners) and answered by the emulator: with a modelled answer,
 *   or a clear modelled error for that request (the emulator's generic handling of an
 *   operation without a handler: issue #22 item 3).
 * It prints the size of each change (the issue asks for the diff sizes).
 *
 * Needs the emulator side of #22 (branch `emulator`, item 3): an emulator that starts with an
 * operation it has no handler for, and DescribeFlow answers built from what CreateFlow stored.
 * On the gateway side alone the emulator refuses to start ("No single resource model answers
 * DescribeFlowHealth"), and, past that, `notificationConfig` reads back null (forgotten).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const scratch = await vi.hoisted(async () => {
  const { scratchModelDir } = await import('../helpers/scratch-model.js');
  const { fromRoot } = await import('../../src/paths.js');
  const dir = scratchModelDir(fromRoot('model', 'appflow'), ['connector', 'member', 'operation']);
  process.env.APPFLOW_MODEL_DIR = dir;
  return dir;
});

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GraphQLSchema, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { type AppflowHandle, createAppflowClient } from '../../src/appflow/client.js';
import { modelCommand } from '../../src/appflow/model-command.js';
import { factsOf } from '../../src/model/connector-facts.js';
import { buildManifest, readManifest } from '../../src/model/manifest.js';
import { MODEL_DIR, model, paginators } from '../../src/model/model.js';
import { fromRoot } from '../../src/paths.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

type Any = any;
const TOKEN = 'acme-token-never-returned';

/** Lines of `diff -u a b` that add (+) or remove (-) a line. */
function diffSize(a: string, b: string): { added: number; removed: number } {
  const out = spawnSync('diff', ['-u', a, b], { encoding: 'utf8' }).stdout;
  const lines = out.split('\n').filter((l) => !l.startsWith('+++') && !l.startsWith('---'));
  return {
    added: lines.filter((l) => l.startsWith('+')).length,
    removed: lines.filter((l) => l.startsWith('-')).length,
  };
}

const report: string[] = [];

describe('three model changes, zero hand edits', () => {
  afterAll(() => {
    console.log(`\nissue #22 experiment (${scratch}):\n  ${report.join('\n  ')}\n`);
    delete process.env.APPFLOW_MODEL_DIR;
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the gateway and the emulator read the copy', () => {
    expect(MODEL_DIR).toBe(scratch);
    const original = JSON.parse(
      readFileSync(fromRoot('model', 'appflow', 'service-2.json'), 'utf8'),
    );
    const added = Object.keys(model.shapes).filter((s) => !original.shapes[s]);
    const changed = Object.keys(original.shapes).filter(
      (s) => JSON.stringify(original.shapes[s]) !== JSON.stringify(model.shapes[s]),
    );
    const newOps = Object.keys(model.operations).filter((o) => !original.operations[o]);
    const json = (names: string[]) =>
      names.reduce((n, s) => n + JSON.stringify(model.shapes[s], null, 2).split('\n').length, 0);
    report.push(
      `model (the only hand edit): +${added.length} shapes (${json(added)} lines), ` +
        `${changed.length} shapes changed (${changed.join(', ')}), +${newOps.length} operation (${newOps})`,
    );
    expect(newOps).toEqual(['DescribeFlowHealth']);
  });

  it('npm run model:update writes the manifest the tests compare against', () => {
    const run = spawnSync(
      'npx',
      ['tsx', 'scripts/model-update.ts', join(scratch, 'service-2.json'), '--no-regenerate'],
      { cwd: fromRoot(), env: { ...process.env, APPFLOW_MODEL_DIR: scratch }, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const manifest = readManifest();
    expect(buildManifest(model, paginators)).toEqual(manifest);
    expect(manifest.operations).toContain('DescribeFlowHealth');
    expect(manifest.readOperations).toContain('DescribeFlowHealth');
    expect(manifest.connectorTypes).toContain('Acme');
    expect(manifest.sensitiveMembers).toContain('AcmeConnectorProfileCredentials.apiToken');
    const before = readManifest(fromRoot('model', 'appflow', 'manifest.json'));
    report.push(
      `manifest: operations ${before.operations.length} -> ${manifest.operations.length}, ` +
        `shapes ${before.shapes} -> ${manifest.shapes}, sensitive members ` +
        `${before.sensitiveMembers.length} -> ${manifest.sensitiveMembers.length}, connector ` +
        `types ${before.connectorTypes.length} -> ${manifest.connectorTypes.length}`,
    );
  });

  it('the per-connector facts have a row for the new connector, from the model', () => {
    const acme = factsOf('Acme');
    expect(acme).toMatchObject({
      canUseAsSource: true,
      canUseAsDestination: false,
      credentialMembers: ['apiToken'],
      sourceObjectMember: 'object',
      operators: ['PROJECTION', 'EQUAL_TO', 'NO_OP'],
    });
    expect(acme.inputMembers.SourceConnectorProperties).toBe('Acme');
  });

  describe('through the gateway and the emulator', () => {
    let gw: TestGateway;
    let appflow: AppflowHandle;
    const calls: string[] = [];
    beforeAll(async () => {
      gw = await startTestGateway();
      appflow = createAppflowClient({
        region: 'us-east-1',
        appflowEndpoint: gw.emulator.url,
        maxConcurrentAppflowCalls: 4,
        appflowMaxAttempts: 1,
      });
      appflow.onCall((op, outcome) => calls.push(`${op}:${outcome}`));
    });
    afterAll(async () => {
      appflow?.destroy();
      await gw?.close();
    });

    it('the schema regenerated itself; the new credential is write-only', () => {
      const schema = gw.gateway.yoga.getEnveloped().schema as GraphQLSchema;
      const file = join(scratch, 'schema.graphql');
      writeFileSync(file, `${printSchema(lexicographicSortSchema(schema))}\n`);
      const d = diffSize(fromRoot('schema.graphql'), file);
      report.push(`schema.graphql (regenerated): +${d.added} -${d.removed} lines`);
      for (const type of [
        'AcmeSourceProperties',
        'NotificationConfig',
        'AcmeConnectorProfileProperties',
      ]) {
        expect(schema.getType(type), type).toBeDefined();
      }
      expect(schema.getType('AcmeConnectorProfileCredentialsInput')).toBeDefined();
      const outputs = Object.values(schema.getTypeMap()).filter(isObjectType);
      expect(outputs.filter((t) => 'apiToken' in t.getFields()).map((t) => t.name)).toEqual([]);
    });

    it('a profile and a flow of the new connector, with the new member, read back non-null', async () => {
      const mutate = (field: string, type: string, input: unknown) =>
        gw.query<Any>(
          `mutation($input: ${type}!) { ${field}(input: $input) {
            __typename ... on ValidationError { fieldErrors { path message } } } }`,
          { input },
        );
      const profile = await mutate('createConnectorProfile', 'CreateConnectorProfileInput', {
        connectorProfileName: 'acme-prod',
        connectorType: 'Acme',
        connectionMode: 'Public',
        connectorProfileConfig: {
          connectorProfileProperties: {
            Acme: { instanceUrl: 'https://acme.example', region: 'EU' },
          },
          connectorProfileCredentials: { Acme: { apiToken: TOKEN } },
        },
      });
      expect(profile.data.createConnectorProfile.__typename).toBe('CreateConnectorProfileSuccess');
      const flow = await mutate('createFlow', 'CreateFlowInput', {
        flowName: 'acme-widgets',
        triggerConfig: { triggerType: 'OnDemand' },
        sourceFlowConfig: {
          connectorType: 'Acme',
          connectorProfileName: 'acme-prod',
          sourceConnectorProperties: { Acme: { object: 'records', includeArchived: true } },
        },
        destinationFlowConfigList: [
          {
            connectorType: 'S3',
            destinationConnectorProperties: { S3: { bucketName: 'landing-zone' } },
          },
        ],
        tasks: [
          { taskType: 'Filter', sourceFields: ['id'], connectorOperator: { Acme: 'PROJECTION' } },
        ],
        notificationConfig: {
          topicArn: 'arn:aws:sns:us-east-1:123456789012:runs',
          notifyOn: ['Error'],
          mutedUntil: '2030-01-01T00:00:00.000Z',
        },
      });
      expect(flow.data.createFlow.__typename).toBe('CreateFlowSuccess');

      const read = await gw.query<Any>(`{
        connectorProfile(name: "acme-prod") {
          connectorProfileProperties { ... on AcmeConnectorProfileProperties { instanceUrl region } }
        }
        flow(name: "acme-widgets") {
          sourceFlowConfig { sourceConnectorProperties { ... on AcmeSourceProperties { object includeArchived } } }
          notificationConfig { topicArn notifyOn mutedUntil }
        }
      }`);
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({
        connectorProfile: {
          connectorProfileProperties: { instanceUrl: 'https://acme.example', region: 'EU' },
        },
        flow: {
          sourceFlowConfig: {
            sourceConnectorProperties: { object: 'records', includeArchived: true },
          },
          notificationConfig: {
            topicArn: 'arn:aws:sns:us-east-1:123456789012:runs',
            notifyOn: ['Error'],
            mutedUntil: '2030-01-01T00:00:00.000Z',
          },
        },
      });
      expect(JSON.stringify(read)).not.toContain(TOKEN);
    });

    it('the new operation is callable through the client layer and answered by the emulator', async () => {
      const DescribeFlowHealth = modelCommand('DescribeFlowHealth');
      const answer: Any = await appflow.client
        .send(new DescribeFlowHealth({ flowName: 'acme-widgets' }))
        .catch((e: unknown) => e);
      // Answered over HTTP by the emulator (a status), not a network or client-side failure.
      expect(answer.$metadata?.httpStatusCode).toBeGreaterThan(0);
      if (answer instanceof Error) {
        // A clear modelled error: an exception shape of the model, naming the operation.
        expect(model.shapes[answer.name]?.exception, answer.name).toBe(true);
        expect(answer.message).toContain('DescribeFlowHealth');
        report.push(`DescribeFlowHealth: answered ${answer.name} (${answer.message})`);
      } else {
        // A modelled answer: only members of the output shape.
        const members = Object.keys(model.shapes.DescribeFlowHealthResponse!.members!);
        const { $metadata: _, ...output } = answer;
        expect(Object.keys(output).every((m) => members.includes(m))).toBe(true);
        report.push(`DescribeFlowHealth: answered ${JSON.stringify(output)}`);
      }
      expect(calls.at(-1)).toMatch(/^DescribeFlowHealth:/);
      // The rest of the emulator still answers.
      expect((await gw.query<Any>('{ flow(name: "acme-widgets") { flowName } }')).data).toEqual({
        flow: { flowName: 'acme-widgets' },
      });
    });
  });
});

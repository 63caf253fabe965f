/**
 * The emulator follows a model update with no edit of its own (issue #22 item 3). The three
 * changes the issue made by hand are applied here to the loaded model before the emulator is
 * imported (this file imports no emulator module statically; vitest gives each test file its
 * own module graph):
 *
 * 1. a new optional member on CreateFlow's and UpdateFlow's input and on DescribeFlow's output
 *    and ListFlows' items: it comes back, and UpdateFlow replaces it;
 * 2. a new connector type with its profile properties and a new sensitive credential member:
 *    the properties come back, the credential never does;
 * 3. new operations without a handler: the emulator still starts; a read whose output requires
 *    only lists is answered generically (empty), a write gets a modelled error for that request
 *    only, saying the emulator does not implement it.
 *
 * Requests are raw signed-looking HTTP: the pinned SDK would drop members it does not know.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { model } from '../../src/model/model.js';

type Json = Record<string, any>;

function applyModelChanges() {
  const shapes = model.shapes as Json;
  // 1. A new member of flows.
  shapes.FlowNotes = { type: 'string', max: 512, pattern: '[\\s\\w/!@#+=.-]*' };
  for (const s of [
    'CreateFlowRequest',
    'UpdateFlowRequest',
    'DescribeFlowResponse',
    'FlowDefinition',
  ]) {
    shapes[s].members.flowNotes = { shape: 'FlowNotes' };
  }
  // 2. A new connector type.
  shapes.ConnectorType.enum.push('Acmecrm');
  shapes.AcmecrmConnectorProfileProperties = {
    type: 'structure',
    required: ['instanceUrl'],
    members: { instanceUrl: { shape: 'InstanceUrl' }, region: { shape: 'Region' } },
  };
  shapes.AcmecrmApiToken = { type: 'string', max: 512, pattern: '\\S+', sensitive: true };
  shapes.AcmecrmConnectorProfileCredentials = {
    type: 'structure',
    required: ['apiToken'],
    members: { apiToken: { shape: 'AcmecrmApiToken' } },
  };
  shapes.ConnectorProfileProperties.members.Acmecrm = {
    shape: 'AcmecrmConnectorProfileProperties',
  };
  shapes.ConnectorProfileCredentials.members.Acmecrm = {
    shape: 'AcmecrmConnectorProfileCredentials',
  };
  // 3. New operations: a read with a list-only output, and a write.
  shapes.FlowTemplateList = { type: 'list', member: { shape: 'FlowName' } };
  shapes.ListFlowTemplatesRequest = { type: 'structure', members: {} };
  shapes.ListFlowTemplatesResponse = {
    type: 'structure',
    required: ['flowTemplates'],
    members: { flowTemplates: { shape: 'FlowTemplateList' } },
  };
  shapes.CreateFlowTemplateRequest = {
    type: 'structure',
    required: ['flowName'],
    members: { flowName: { shape: 'FlowName' } },
  };
  shapes.CreateFlowTemplateResponse = { type: 'structure', members: {} };
  const errors = [
    { shape: 'ValidationException' },
    { shape: 'InternalServerException' },
    { shape: 'UnsupportedOperationException' },
  ];
  (model.operations as Json).ListFlowTemplates = {
    name: 'ListFlowTemplates',
    http: { method: 'GET', requestUri: '/list-flow-templates' },
    input: { shape: 'ListFlowTemplatesRequest' },
    output: { shape: 'ListFlowTemplatesResponse' },
    errors,
  };
  (model.operations as Json).CreateFlowTemplate = {
    name: 'CreateFlowTemplate',
    http: { method: 'POST', requestUri: '/create-flow-template' },
    input: { shape: 'CreateFlowTemplateRequest' },
    output: { shape: 'CreateFlowTemplateResponse' },
    errors,
  };
}

let emulator: { url: string; close(): Promise<void> };

beforeAll(async () => {
  applyModelChanges();
  const { startEmulator } = await import('../../src/emulator/index.js');
  emulator = await startEmulator({ port: 0, quiet: true });
});
afterAll(() => emulator?.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emulator.url}${path}`, {
    method,
    headers: {
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/appflow/aws4_request',
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    type: res.headers.get('x-amzn-errortype'),
    body: (await res.json()) as Json,
  };
}

const flow = (notes: string) => ({
  flowName: 'notes-flow',
  flowNotes: notes,
  triggerConfig: { triggerType: 'OnDemand' },
  sourceFlowConfig: {
    connectorType: 'S3',
    sourceConnectorProperties: { S3: { bucketName: 'in-bucket', bucketPrefix: 'in' } },
  },
  destinationFlowConfigList: [
    {
      connectorType: 'S3',
      destinationConnectorProperties: { S3: { bucketName: 'out-bucket' } },
    },
  ],
  tasks: [{ taskType: 'Map_all', sourceFields: [], taskProperties: {} }],
});

describe('a model update needs no emulator edit', () => {
  it('a new member of CreateFlow/UpdateFlow comes back from DescribeFlow and ListFlows', async () => {
    expect((await call('POST', '/create-flow', flow('first notes'))).status).toBe(200);
    const described = await call('POST', '/describe-flow', { flowName: 'notes-flow' });
    expect(described.body.flowNotes).toBe('first notes');
    const listed = await call('POST', '/list-flows', {});
    expect(listed.body.flows[0].flowNotes).toBe('first notes');
    expect((await call('POST', '/update-flow', flow('second notes'))).status).toBe(200);
    expect((await call('POST', '/describe-flow', { flowName: 'notes-flow' })).body.flowNotes).toBe(
      'second notes',
    );
    // The model validates the new member like any other.
    const bad = await call('POST', '/update-flow', flow('x'.repeat(600)));
    expect(bad.type).toBe('ValidationException');
    expect(bad.body.message).toContain('flowNotes');
  });

  it('a new connector type: its properties come back, its sensitive credential never does', async () => {
    const created = await call('POST', '/create-connector-profile', {
      connectorProfileName: 'acme',
      connectorType: 'Acmecrm',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: {
          Acmecrm: { instanceUrl: 'https://acme.example.com', region: 'eu-west-1' },
        },
        connectorProfileCredentials: { Acmecrm: { apiToken: 'acme-secret-token' } },
      },
    });
    expect(created.status).toBe(200);
    const described = await call('POST', '/describe-connector-profiles', {
      connectorProfileNames: ['acme'],
    });
    const [profile] = described.body.connectorProfileDetails;
    expect(profile.connectorType).toBe('Acmecrm');
    expect(profile.connectorProfileProperties).toEqual({
      Acmecrm: { instanceUrl: 'https://acme.example.com', region: 'eu-west-1' },
    });
    expect(profile.credentialsArn).toMatch(/^arn:aws:secretsmanager:/);
    expect(JSON.stringify(described.body)).not.toContain('acme-secret-token');
  });

  it('operations without a handler: a list-only read answers empty, a write a modelled error', async () => {
    const list = await call('GET', '/list-flow-templates');
    expect(list).toMatchObject({ status: 200, body: { flowTemplates: [] } });
    const write = await call('POST', '/create-flow-template', { flowName: 'template-1' });
    expect(write.status).toBe(400);
    expect(write.type).toBe('UnsupportedOperationException');
    expect(write.body.message).toMatch(/does not implement CreateFlowTemplate/);
    // Validated first, like any request.
    const invalid = await call('POST', '/create-flow-template', {});
    expect(invalid.type).toBe('ValidationException');
    // Only that request: the rest goes on.
    expect((await call('POST', '/list-flows', {})).status).toBe(200);
  });
});

/**
 * A scratch copy of the model folder with the three changes of issue #22's experiment, made
 * the way AWS makes them (new shapes and members in service-2.json, nothing else):
 * - `connector`: a new connector type `Acme` with profile properties, credentials holding a
 *   new sensitive member (`apiToken`), source properties and a connector operator;
 * - `member`: a new optional structure member `notificationConfig` on CreateFlow's input and
 *   DescribeFlow's output (a list of enums and a timestamp inside);
 * - `operation`: a new read-only operation `DescribeFlowHealth` (POST /describe-flow-health);
 * - `bindings` (with `operation`; not one of the issue's three): DescribeFlowHealth's request
 *   takes a header and a querystring member, its answer a header and the status code.
 * Point APPFLOW_MODEL_DIR at the folder before anything imports src/model (vi.hoisted).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ModelChange = 'connector' | 'member' | 'operation' | 'bindings';

type Json = any;

const doc = (text: string) => `<p>${text}</p>`;

function addConnector(m: Json) {
  const s = m.shapes;
  s.ConnectorType.enum.push('Acme');
  s.AcmeApiToken = { type: 'string', max: 512, pattern: '\\S+', sensitive: true };
  s.AcmeRegionCode = { type: 'string', enum: ['EU', 'US'] };
  s.AcmeConnectorProfileProperties = {
    type: 'structure',
    required: ['instanceUrl'],
    members: {
      instanceUrl: { shape: 'InstanceUrl', documentation: doc('The Acme instance.') },
      region: { shape: 'AcmeRegionCode', documentation: doc('Where the Acme data lives.') },
    },
    documentation: doc('Acme connector profile properties.'),
  };
  s.AcmeConnectorProfileCredentials = {
    type: 'structure',
    required: ['apiToken'],
    members: { apiToken: { shape: 'AcmeApiToken', documentation: doc('The API token.') } },
    documentation: doc('Acme credentials.'),
  };
  s.AcmeSourceProperties = {
    type: 'structure',
    required: ['object'],
    members: {
      object: { shape: 'Object', documentation: doc('The Acme object.') },
      includeArchived: { shape: 'Boolean', documentation: doc('Read archived records too.') },
    },
    documentation: doc('Acme source properties.'),
  };
  s.AcmeConnectorOperator = { type: 'string', enum: ['PROJECTION', 'EQUAL_TO', 'NO_OP'] };
  const add = (union: string, shape: string) => {
    s[union].members.Acme = { shape, documentation: doc('Acme.') };
  };
  add('ConnectorProfileProperties', 'AcmeConnectorProfileProperties');
  add('ConnectorProfileCredentials', 'AcmeConnectorProfileCredentials');
  add('SourceConnectorProperties', 'AcmeSourceProperties');
  add('ConnectorOperator', 'AcmeConnectorOperator');
}

function addMember(m: Json) {
  const s = m.shapes;
  s.NotificationStatusList = { type: 'list', member: { shape: 'ExecutionStatus' }, max: 5 };
  s.NotificationConfig = {
    type: 'structure',
    required: ['topicArn'],
    members: {
      topicArn: { shape: 'ARN', documentation: doc('The SNS topic to notify.') },
      notifyOn: { shape: 'NotificationStatusList', documentation: doc('Run statuses.') },
      mutedUntil: { shape: 'Date', documentation: doc('No notifications before this.') },
    },
    documentation: doc('Where AppFlow sends notifications about runs.'),
  };
  const member = { shape: 'NotificationConfig', documentation: doc('Run notifications.') };
  s.CreateFlowRequest.members.notificationConfig = member;
  s.DescribeFlowResponse.members.notificationConfig = member;
}

function addOperation(m: Json) {
  const s = m.shapes;
  s.FlowHealthStatus = { type: 'string', enum: ['HEALTHY', 'DEGRADED'] };
  s.DescribeFlowHealthRequest = {
    type: 'structure',
    required: ['flowName'],
    members: { flowName: { shape: 'FlowName', documentation: doc('The flow.') } },
  };
  s.DescribeFlowHealthResponse = {
    type: 'structure',
    members: {
      flowName: { shape: 'FlowName', documentation: doc('The flow.') },
      healthStatus: { shape: 'FlowHealthStatus', documentation: doc('Its health.') },
      checkedAt: { shape: 'Date', documentation: doc('When it was checked.') },
    },
  };
  m.operations.DescribeFlowHealth = {
    name: 'DescribeFlowHealth',
    http: { method: 'POST', requestUri: '/describe-flow-health', responseCode: 200 },
    input: { shape: 'DescribeFlowHealthRequest' },
    output: { shape: 'DescribeFlowHealthResponse' },
    errors: [
      { shape: 'ValidationException' },
      { shape: 'ResourceNotFoundException' },
      { shape: 'InternalServerException' },
    ],
    documentation: doc('Describes the health of a flow.'),
  };
}

function addBindings(m: Json) {
  const s = m.shapes;
  Object.assign(s.DescribeFlowHealthRequest.members, {
    probe: { shape: 'FlowName', location: 'header', locationName: 'x-acme-probe' },
    depth: { shape: 'Long', location: 'querystring', locationName: 'depth' },
  });
  Object.assign(s.DescribeFlowHealthResponse.members, {
    checkedBy: { shape: 'FlowName', location: 'header', locationName: 'x-acme-checked-by' },
    httpStatus: { shape: 'Long', location: 'statusCode' },
    healthNote: { shape: 'FlowName', locationName: 'note' },
  });
}

const CHANGES: Record<ModelChange, (m: Json) => void> = {
  connector: addConnector,
  member: addMember,
  operation: addOperation,
  bindings: addBindings,
};

/** Apply changes to a parsed service-2.json (in place). */
export function applyModelChanges(model: Json, changes: readonly ModelChange[]): Json {
  for (const c of changes) CHANGES[c](model);
  return model;
}

/** A copy of `from` (model/appflow) in a temporary folder with `changes` applied. */
export function scratchModelDir(from: string, changes: readonly ModelChange[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'appflow-scratch-model-'));
  cpSync(from, dir, { recursive: true });
  const path = join(dir, 'service-2.json');
  const model = applyModelChanges(JSON.parse(readFileSync(path, 'utf8')), changes);
  writeFileSync(path, `${JSON.stringify(model, null, 2)}\n`);
  return dir;
}

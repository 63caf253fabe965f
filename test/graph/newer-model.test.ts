/**
 * A model newer than the pinned SDK, through the whole gateway: a scratch copy of the model
 * with a new connector type (`Acme`: profile properties, source properties, a sensitive
 * credential) is loaded by the gateway and the emulator (APPFLOW_MODEL_DIR); a profile and a
 * flow of that connector are created through GraphQL and read back. The SDK does not know
 * `Acme` and drops it from its answers; the gateway decodes responses by the model
 * (src/appflow/model-response.ts), so the new connector's properties come back non-null.
 * Seen failing before model-response.ts: both reads gave `null` for the union.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const scratch = await vi.hoisted(async () => {
  const { scratchModelDir } = await import('../helpers/scratch-model.js');
  const { fromRoot } = await import('../../src/paths.js');
  const dir = scratchModelDir(fromRoot('model', 'appflow'), ['connector']);
  process.env.APPFLOW_MODEL_DIR = dir;
  return dir;
});

import { rmSync } from 'node:fs';
import { type GraphQLSchema, isObjectType } from 'graphql';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const TOKEN = 'acme-token-never-returned';

describe('a connector type the SDK does not know, end to end', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw?.close();
    delete process.env.APPFLOW_MODEL_DIR;
    rmSync(scratch, { recursive: true, force: true });
  });

  it('creates a profile and a flow of it through GraphQL and reads their properties back', async () => {
    const profile = await gw.query(
      `mutation($input: CreateConnectorProfileInput!) {
        createConnectorProfile(input: $input) { __typename ... on MutationError { message } }
      }`,
      {
        input: {
          connectorProfileName: 'acme-prod',
          connectorType: 'Acme',
          connectionMode: 'Public',
          connectorProfileConfig: {
            connectorProfileProperties: {
              Acme: { instanceUrl: 'https://acme.example', region: 'EU' },
            },
            connectorProfileCredentials: { Acme: { apiToken: TOKEN } },
          },
        },
      },
    );
    expect(profile).toEqual({
      data: { createConnectorProfile: { __typename: 'CreateConnectorProfileSuccess' } },
    });
    const flow = await gw.query(
      `mutation($input: CreateFlowInput!) {
        createFlow(input: $input) { __typename ... on MutationError { message } ... on ValidationError { fieldErrors { path message } } }
      }`,
      {
        input: {
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
            {
              taskType: 'Filter',
              sourceFields: ['id', 'name'],
              connectorOperator: { Acme: 'PROJECTION' },
            },
          ],
        },
      },
    );
    expect(flow).toEqual({ data: { createFlow: { __typename: 'CreateFlowSuccess' } } });

    const read = await gw.query(`{
      connectorProfile(name: "acme-prod") {
        connectorType
        connectorProfileProperties {
          __typename
          ... on AcmeConnectorProfileProperties { connectorType instanceUrl region }
        }
      }
      flow(name: "acme-widgets") {
        sourceFlowConfig {
          connectorType
          sourceConnectorProperties {
            __typename
            ... on AcmeSourceProperties { object includeArchived }
          }
        }
        tasks { connectorOperator { __typename ... on ConnectorOperatorAcme { value } } }
      }
    }`);
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      connectorProfile: {
        connectorType: 'Acme',
        connectorProfileProperties: {
          __typename: 'AcmeConnectorProfileProperties',
          connectorType: 'Acme',
          instanceUrl: 'https://acme.example',
          region: 'EU',
        },
      },
      flow: {
        sourceFlowConfig: {
          connectorType: 'Acme',
          sourceConnectorProperties: {
            __typename: 'AcmeSourceProperties',
            object: 'records',
            includeArchived: true,
          },
        },
        tasks: [
          { connectorOperator: { __typename: 'ConnectorOperatorAcme', value: 'PROJECTION' } },
        ],
      },
    });
    expect(JSON.stringify(read)).not.toContain(TOKEN);
  });

  it('the new credentials are write-only: an input type, never an output type', () => {
    const schema = gw.gateway.yoga.getEnveloped().schema as GraphQLSchema;
    expect(schema.getType('AcmeConnectorProfileCredentialsInput')).toBeDefined();
    const outputs = Object.values(schema.getTypeMap()).filter(isObjectType);
    const withToken = outputs.filter((t) => 'apiToken' in t.getFields()).map((t) => t.name);
    expect(withToken).toEqual([]);
  });
});

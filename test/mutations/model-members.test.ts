/**
 * Members of the vendored model that the locked SDK does not know (botocore 1.43.107's Snowflake
 * `privateKey`, OAuth's `codeVerifier`) are accepted by the schema and reach AppFlow: the
 * gateway never accepts a member and then silently drops it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { CREATE_PROFILE } from './fixtures.js';

let gw: TestGateway;
const sent: string[] = [];

beforeAll(async () => {
  gw = await startTestGateway();
  // Record what goes on the wire (after signing), without changing it.
  gw.gateway.appflow.client.middlewareStack.add(
    (next) => async (args) => {
      const body = (args.request as { body?: unknown }).body;
      if (body instanceof Uint8Array || typeof body === 'string') {
        sent.push(typeof body === 'string' ? body : new TextDecoder().decode(body));
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'recordWireBody', priority: 'low' },
  );
});
afterAll(() => gw?.close());

test('a Snowflake profile with key-pair credentials only is created, and the key is sent', async () => {
  const r = await gw.query(CREATE_PROFILE, {
    input: {
      connectorProfileName: 'snow-keypair',
      connectorType: 'Snowflake',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: {
          Snowflake: { warehouse: 'COMPUTE_WH', stage: '@APPFLOW', bucketName: 'stage-bucket' },
        },
        connectorProfileCredentials: {
          Snowflake: { username: 'APPFLOW_USER', privateKey: 'FAKE-KEY-FOR-TESTS' },
        },
      },
    },
  });
  expect(r.errors).toBeUndefined();
  expect(
    (r.data as { createConnectorProfile: { __typename: string } }).createConnectorProfile,
  ).toMatchObject({ __typename: 'CreateConnectorProfileSuccess' });
  const create = sent.find(
    (b) => b.includes('"snow-keypair"') && b.includes('connectorProfileConfig'),
  );
  expect(create).toBeDefined();
  expect(JSON.parse(create!).connectorProfileConfig.connectorProfileCredentials.Snowflake).toEqual({
    username: 'APPFLOW_USER',
    privateKey: 'FAKE-KEY-FOR-TESTS',
  });
  // And it is never read back.
  const read = await gw.query(
    '{ connectorProfile(name: "snow-keypair") { connectorProfileName } }',
  );
  expect(JSON.stringify(read)).not.toContain('FAKE-KEY-FOR-TESTS');
});

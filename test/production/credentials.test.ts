/**
 * Credentials are write-only, by where they sit in the input (defects 10a, 10c, 10d) and no
 * field suggestions in production, variable coercion included (defect 11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProdGateway, startProdGateway, WRITE_KEY } from './helpers.js';

let g: ProdGateway;
beforeAll(async () => {
  g = await startProdGateway({ NODE_ENV: 'production', LOG_LEVEL: 'debug' });
});
afterAll(() => g.close());

const auth = { 'x-api-key': WRITE_KEY };
const TOKEN = 'sf-access-TOKEN-9d8c7b6a';
const REFRESH = 'sf-refresh-TOKEN-1a2b3c4d';

const CREATE = `mutation Create($tok: String!, $other: String!, $name: String!) {
  createConnectorProfile(input: {
    connectorProfileName: $name, connectorType: Salesforce, connectionMode: Public,
    connectorProfileConfig: {
      connectorProfileProperties: { Salesforce: { instanceUrl: "https://example.my.salesforce.com" } }
      connectorProfileCredentials: { Salesforce: { accessToken: $tok, refreshToken: $other } }
    }
  }) { __typename ... on MutationError { message } }
}`;

describe('credentials by input position', () => {
  it('a secret in a variable of any name is not logged at debug level (10a)', async () => {
    const r = await g.post(
      { query: CREATE, variables: { tok: TOKEN, other: REFRESH, name: 'p-logged' } },
      auth,
    );
    expect(r.status).toBe(200);
    expect(g.logs.text).toContain('graphql operation');
    expect(g.logs.text).not.toContain(TOKEN);
    expect(g.logs.text).not.toContain(REFRESH);
    // Not a secret's position: logged as is.
    expect(g.logs.text).toContain('p-logged');
  });

  it('AppFlow quoting a credential back does not carry it to the client (10d)', async () => {
    await g.emulator.control.faults({
      operation: 'CreateConnectorProfile',
      type: 'error',
      errorType: 'ValidationException',
      message: `Invalid refresh token ${REFRESH} for access token ${TOKEN}`,
      count: 1,
    });
    const r = await g.post(
      { query: CREATE, variables: { tok: TOKEN, other: REFRESH, name: 'p-quoted' } },
      auth,
    );
    const text = JSON.stringify(r.body);
    expect(text).toContain('Invalid refresh token');
    expect(text).not.toContain(REFRESH);
    expect(text).not.toContain(TOKEN);
  });

  it('credentialsMap keys sent as an object do not come back in the error (10c)', async () => {
    const secretKey = 'keyNamedLikeASecret77';
    const r = await g.post(
      {
        query: `mutation { createConnectorProfile(input: {
          connectorProfileName: "c1", connectorType: CustomConnector, connectionMode: Public, connectorLabel: "x",
          connectorProfileConfig: { connectorProfileProperties: { CustomConnector: {} },
            connectorProfileCredentials: { CustomConnector: { authenticationType: CUSTOM, custom: { customAuthenticationType: "k", credentialsMap: { ${secretKey}: "v" } } } } }
        }) { __typename } }`,
      },
      auth,
    );
    expect(r.body.errors?.[0]?.extensions?.code).toBeTruthy();
    expect(JSON.stringify(r.body)).not.toContain(secretKey);
  });
});

describe('no suggestions in production', () => {
  it('variable coercion errors do not suggest field names (11)', async () => {
    const r = await g.post(
      {
        query: 'mutation($input: StartFlowInput!) { startFlow(input: $input) { __typename } }',
        variables: { input: { flowNam: 'x' } },
      },
      auth,
    );
    expect(r.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.body)).not.toMatch(/Did you mean/);
  });
});

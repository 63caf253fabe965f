/**
 * AppFlow's expected failures as members of each payload's union (the emulator injects the
 * modelled exception), and the scopes mutation fields need.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import {
  CREATE_FLOW,
  CREATE_PROFILE,
  DELETE_FLOW,
  REGISTER,
  s3Flow,
  salesforceProfile,
} from './fixtures.js';

let gw: TestGateway;
type Any = any;

beforeAll(async () => {
  // Throttles reach the caller at once (waiting them out: test/production/adaptive-concurrency).
  gw = await startTestGateway({ env: { APPFLOW_THROTTLE_WAIT_MS: '0' } });
});
afterAll(() => gw?.close());
beforeEach(async () => {
  await gw.emulator.control.reset();
});

async function inject(operation: string, errorType: string, message: string) {
  await gw.emulator.control.faults({ operation, type: 'error', errorType, message, count: 1 });
}

describe('AppFlow exceptions -> typed errors', () => {
  test.each([
    ['ServiceQuotaExceededException', 'QuotaExceededError'],
    ['ConnectorServerException', 'ConnectorServerError'],
    ['ConflictException', 'ConflictError'],
    ['ResourceNotFoundException', 'NotFoundError'],
  ])('%s on CreateFlow is a %s', async (exception, typename) => {
    await inject('CreateFlow', exception, `upstream says ${exception}`);
    const r = await gw.query<Any>(CREATE_FLOW, { input: s3Flow('flow-a') });
    expect(r.errors).toBeUndefined();
    expect(r.data.createFlow).toMatchObject({
      __typename: typename,
      message: `upstream says ${exception}`,
    });
  });

  test('ValidationException from AppFlow is a ValidationError on the input', async () => {
    await inject('CreateFlow', 'ValidationException', 'AppFlow did not like it');
    const r = await gw.query<Any>(CREATE_FLOW, { input: s3Flow('flow-a') });
    expect(r.data.createFlow).toEqual({
      __typename: 'ValidationError',
      message: 'AppFlow did not like it',
      fieldErrors: [{ path: ['input'], message: 'AppFlow did not like it' }],
    });
  });

  test('ConnectorAuthenticationError names the credentials member to check, never values', async () => {
    await inject('CreateConnectorProfile', 'ConnectorAuthenticationException', 'bad token');
    const r = await gw.query<Any>(CREATE_PROFILE, { input: salesforceProfile('sf', 'SECRET-x') });
    expect(r.data.createConnectorProfile).toEqual({
      __typename: 'ConnectorAuthenticationError',
      message: 'bad token',
      hint: 'The connector rejected the credentials: check connectorProfileCredentials.Salesforce (accessToken, refreshToken).',
      credentialsPath: [
        'input',
        'connectorProfileConfig',
        'connectorProfileCredentials',
        'Salesforce',
      ],
    });
    expect(JSON.stringify(r)).not.toContain('SECRET-x');
  });

  test('an AppFlow message that echoes a secret is scrubbed', async () => {
    await inject('CreateConnectorProfile', 'ValidationException', 'token SECRET-y is malformed');
    const r = await gw.query<Any>(CREATE_PROFILE, { input: salesforceProfile('sf', 'SECRET-y') });
    expect(r.data.createConnectorProfile.message).toBe('token [redacted] is malformed');
  });

  test('throttling stays a coded GraphQL error', async () => {
    // The SDK retries throttling: throttle every attempt.
    await gw.emulator.control.faults({ operation: 'CreateFlow', type: 'throttle' });
    const r = await gw.query<Any>(CREATE_FLOW, { input: s3Flow('flow-a') });
    expect(r.errors?.[0]?.extensions?.code).toBe('THROTTLED');
  });
});

describe('scopes', () => {
  const key = (secret: string) =>
    import('node:crypto').then((c) => c.createHash('sha256').update(secret).digest('hex'));

  test('write for lifecycle mutations, admin for deletes and registrations', async () => {
    const env = {
      ALLOW_ANONYMOUS: 'false',
      API_KEYS: `${await key('reader-key')}:read,${await key('writer-key')}:read+write,${await key('admin-key')}:read+write+admin`,
    };
    const scoped = await startTestGateway({ env });
    try {
      const as = (k: string) => ({ 'x-api-key': k });
      const denied = await scoped.query<Any>(
        CREATE_FLOW,
        { input: s3Flow('flow-a') },
        as('reader-key'),
      );
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const created = await scoped.query<Any>(
        CREATE_FLOW,
        { input: s3Flow('flow-a') },
        as('writer-key'),
      );
      expect(created.data.createFlow.__typename).toBe('CreateFlowSuccess');
      const noAdmin = await scoped.query<Any>(
        DELETE_FLOW,
        { input: { flowName: 'flow-a' } },
        as('writer-key'),
      );
      expect(noAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const register = await scoped.query<Any>(
        REGISTER,
        { input: { connectorLabel: 'x' } },
        as('writer-key'),
      );
      expect(register.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const deleted = await scoped.query<Any>(
        DELETE_FLOW,
        { input: { flowName: 'flow-a' } },
        as('admin-key'),
      );
      expect(deleted.data.deleteFlow.__typename).toBe('DeleteFlowSuccess');
      expect((await scoped.emulator.control.requests()).byOperation.DeleteFlow).toBe(1);
    } finally {
      await scoped.close();
    }
  });
});

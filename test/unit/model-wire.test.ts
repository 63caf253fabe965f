/**
 * The gateway never accepts a member and then does not send it: every body member of every
 * operation's request in the vendored model reaches the wire, including members the locked
 * SDK does not know (Snowflake `privateKey`, OAuth `codeVerifier` in botocore 1.43.107).
 */
import * as sdk from '@aws-sdk/client-appflow';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppflowClient } from '../../src/appflow/client.js';
import { MODEL_VALIDATION } from '../../src/appflow/validate-input.js';
import { model, shape } from '../../src/model/model.js';

/** A value for every member, recursively (the model has no recursive request shapes deeper than this). */
function synthetic(shapeName: string, depth = 0): unknown {
  const s = shape(shapeName);
  switch (s.type) {
    case 'structure':
      if (depth > 12) return {};
      return Object.fromEntries(
        Object.entries(s.members ?? {}).map(([m, ref]) => [m, synthetic(ref.shape, depth + 1)]),
      );
    case 'list':
      return [synthetic(s.member!.shape, depth + 1)];
    case 'map':
      return { k1: synthetic(s.value!.shape, depth + 1) };
    case 'string':
      return s.enum?.[0] ?? `v-${shapeName}`;
    case 'integer':
    case 'long':
      return 7;
    case 'double':
    case 'float':
      return 1.5;
    case 'boolean':
      return true;
    case 'timestamp':
      return new Date(1_700_000_000_000);
    default:
      return 'x';
  }
}

/** Dotted paths of every leaf value in a JSON-ish value. */
function leaves(value: unknown, prefix = ''): string[] {
  if (value instanceof Date || typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : String(k)));
}

const handle = createAppflowClient({
  region: 'us-east-1',
  appflowEndpoint: 'http://127.0.0.1:9',
  maxConcurrentAppflowCalls: 4,
  appflowMaxAttempts: 1,
});
class Captured extends Error {
  constructor(readonly body: string) {
    super('captured');
  }
}
// Observe the signed request instead of sending it: this tests serialization only.
handle.client.middlewareStack.add(
  () => async (args) => {
    const body = (args.request as { body?: unknown }).body;
    throw new Captured(
      body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body ?? ''),
    );
  },
  { step: 'finalizeRequest', name: 'captureForTest', priority: 'low' },
);
// The synthetic values break the model's patterns on purpose: this is about serialization, so
// the model check in front of every call (test/production/model-inputs.test.ts) is taken out.
handle.client.middlewareStack.remove(MODEL_VALIDATION);
afterAll(() => handle.destroy());

async function wireBody(operation: string, input: unknown): Promise<Record<string, unknown>> {
  const Command = (sdk as unknown as Record<string, new (i: unknown) => never>)[
    `${operation}Command`
  ]!;
  try {
    await handle.client.send(new Command(input));
  } catch (error) {
    if (error instanceof Captured) return error.body ? JSON.parse(error.body) : {};
    throw error;
  }
  throw new Error('not captured');
}

describe('request members on the wire', () => {
  const operations = Object.keys(model.operations).filter(
    (op) => model.operations[op]!.input !== undefined,
  );
  it.each(operations)('%s: every body member of a full input is sent', async (operation) => {
    const inputShape = model.operations[operation]!.input!.shape;
    const input = synthetic(inputShape) as Record<string, unknown>;
    // uri, querystring and header members travel outside the body.
    const bodyInput = Object.fromEntries(
      Object.entries(input).filter(([m]) => !shape(inputShape).members![m]!.location),
    );
    const body = await wireBody(operation, input);
    const missing = leaves(bodyInput).filter((path) => {
      let v: unknown = body;
      for (const step of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[step];
      return v === undefined;
    });
    expect(missing).toEqual([]);
  });

  it('sends Snowflake key-pair credentials and the PKCE code verifier (unknown to the SDK)', async () => {
    const body = await wireBody('CreateConnectorProfile', {
      connectorProfileName: 'snow',
      connectorType: 'Snowflake',
      connectionMode: 'Public',
      connectorProfileConfig: {
        connectorProfileProperties: {
          Snowflake: { warehouse: 'w', stage: '@s', bucketName: 'b' },
        },
        connectorProfileCredentials: {
          Snowflake: { username: 'u', privateKey: 'FAKE-PRIVATE-KEY' },
          Salesforce: { oAuthRequest: { authCode: 'c', redirectUri: 'r', codeVerifier: 'cv-1' } },
        },
      },
    });
    const creds = (body.connectorProfileConfig as Record<string, Record<string, unknown>>)
      .connectorProfileCredentials as Record<string, Record<string, unknown>>;
    expect(creds.Snowflake).toEqual({ username: 'u', privateKey: 'FAKE-PRIVATE-KEY' });
    expect(creds.Salesforce!.oAuthRequest).toEqual({
      authCode: 'c',
      redirectUri: 'r',
      codeVerifier: 'cv-1',
    });
    // What the SDK did write is untouched (its own idempotency token, for one).
    expect(typeof body.clientToken).toBe('string');
  });
});

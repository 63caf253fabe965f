/**
 * Credentials are write-only: a canary secret sent through every sensitive member of every
 * connector's credentials (walking ConnectorProfileCredentials in the model) appears in no
 * response, valid or invalid input alike, and in no log line.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { connectorMemberFor } from '../../src/model/connectors.js';
import { shape } from '../../src/model/model.js';
import { createGateway, type Gateway } from '../../src/yoga.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { CREATE_PROFILE, UPDATE_PROFILE } from './fixtures.js';

const CANARY = 'canary-5ecret-7c1f';
type Any = any;

/** A GraphQL input value for a shape: secrets = CANARY, required members filled, maps as entries. */
function sample(shapeName: string, withSecrets: boolean, depth = 0): unknown {
  const s = shape(shapeName);
  if (s.sensitive && s.type === 'string') return CANARY;
  switch (s.type) {
    case 'string':
      return s.enum ? s.enum[0] : 'placeholder';
    case 'integer':
    case 'long':
      return s.min ?? 1;
    case 'double':
    case 'float':
      return 1;
    case 'boolean':
      return true;
    case 'timestamp':
      return '2024-01-01T00:00:00Z';
    case 'list':
      return [sample(s.member!.shape, withSecrets, depth + 1)];
    case 'map':
      return [
        {
          key: sample(s.key!.shape, withSecrets, depth + 1),
          value: sample(s.value!.shape, withSecrets, depth + 1),
        },
      ];
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [member, ref] of Object.entries(s.members ?? {})) {
        const required = s.required?.includes(member);
        if (required || (withSecrets && depth < 4 && reachesSecret(ref.shape))) {
          out[member] = sample(ref.shape, withSecrets, depth + 1);
        }
      }
      return out;
    }
    default:
      return 'x';
  }
}

function reachesSecret(name: string, seen = new Set<string>()): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const s = shape(name);
  if (s.sensitive) return true;
  const refs = [
    ...Object.values(s.members ?? {}),
    ...(s.member ? [s.member] : []),
    ...(s.key ? [s.key] : []),
    ...(s.value ? [s.value] : []),
  ];
  return refs.some((r) => reachesSecret(r.shape, seen));
}

const credentialMembers = Object.entries(shape('ConnectorProfileCredentials').members!).filter(
  ([, ref]) => reachesSecret(ref.shape),
);

let emulator: TestEmulator;
let gateway: Gateway;
const logs: string[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator();
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  gateway = await createGateway(
    loadConfig(
      { ALLOW_ANONYMOUS: 'true' },
      { appflowEndpoint: emulator.url, embeddedEmulator: false },
    ),
    // Debug: the most the gateway ever logs (request variables included).
    { logger: createLogger({ level: 'debug' }, sink) },
  );
});
afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

async function send(query: string, variables: Record<string, unknown>): Promise<string> {
  const res = await gateway.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.text();
}

test('there is a sensitive member under every connector with credentials', () => {
  expect(credentialMembers.length).toBeGreaterThan(15);
  for (const [member] of credentialMembers) {
    expect(
      JSON.stringify(sample(shape('ConnectorProfileCredentials').members![member]!.shape, true)),
    ).toContain(CANARY);
  }
});

test('the canary appears in no response and no log line', async () => {
  const captured: string[] = [];
  const capture = (...args: unknown[]) => {
    captured.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation(capture),
  );
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    captured.push(String(chunk));
    return write(chunk as string, ...(rest as []));
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    captured.push(String(chunk));
    return writeErr(chunk as string, ...(rest as []));
  }) as typeof process.stderr.write;

  const responses: string[] = [];
  const kinds = new Set<string>();
  try {
    for (const [member, ref] of credentialMembers) {
      const type = Object.values(shape('ConnectorType').enum!).find(
        (t) => connectorMemberFor('ConnectorProfileCredentials', t) === member,
      )!;
      const credentials = { [member]: sample(ref.shape, true) };
      const propertiesMember = connectorMemberFor('ConnectorProfileProperties', type);
      const properties = propertiesMember
        ? {
            [propertiesMember]: sample(
              shape('ConnectorProfileProperties').members![propertiesMember]!.shape,
              false,
            ),
          }
        : {};
      const name = `canary-${member}`.slice(0, 256);
      const base = {
        connectorProfileName: name,
        connectorType: type,
        connectionMode: 'Public',
        ...(type === 'CustomConnector' ? { connectorLabel: 'not_registered' } : {}),
      };
      const attempts: [string, Record<string, unknown>][] = [
        // As valid as the model allows (the emulator may still refuse it).
        [
          CREATE_PROFILE,
          {
            ...base,
            connectorProfileConfig: {
              connectorProfileProperties: properties,
              connectorProfileCredentials: credentials,
            },
          },
        ],
        // Model-invalid: another connector's properties, and a too-long name.
        [
          CREATE_PROFILE,
          {
            ...base,
            connectorProfileName: 'x'.repeat(300),
            connectorType: type === 'Salesforce' ? 'Slack' : 'Salesforce',
            connectorProfileConfig: {
              connectorProfileProperties: properties,
              connectorProfileCredentials: credentials,
            },
          },
        ],
        // GraphQL-invalid: two credentials members (@oneOf), through a variable.
        [
          CREATE_PROFILE,
          {
            ...base,
            connectorProfileConfig: {
              connectorProfileProperties: properties,
              connectorProfileCredentials: {
                ...credentials,
                [member === 'Amplitude' ? 'Datadog' : 'Amplitude']: sample(
                  member === 'Amplitude'
                    ? 'DatadogConnectorProfileCredentials'
                    : 'AmplitudeConnectorProfileCredentials',
                  true,
                ),
              },
            },
          },
        ],
        // GraphQL-invalid: an unknown member next to the secrets.
        [
          CREATE_PROFILE,
          {
            ...base,
            connectorProfileConfig: {
              connectorProfileProperties: properties,
              connectorProfileCredentials: {
                [member]: { unknownMember: 'not-a-secret', ...(credentials[member] as object) },
              },
            },
          },
        ],
        // Update of the profile (it may or may not exist).
        [
          UPDATE_PROFILE,
          {
            connectorProfileName: name,
            connectionMode: 'Public',
            connectorProfileConfig: {
              connectorProfileProperties: properties,
              connectorProfileCredentials: credentials,
            },
          },
        ],
      ];
      for (const [doc, input] of attempts) {
        const body = await send(doc, { input });
        responses.push(body);
        const parsed = JSON.parse(body);
        kinds.add(
          parsed.errors
            ? 'graphql-error'
            : Object.values(parsed.data)[0] && (Object.values(parsed.data)[0] as Any).__typename,
        );
      }
    }
    const listed = await send(
      '{ connectorProfiles(first: 100) { edges { node { connectorProfileName connectorType credentialsArn connectorProfileProperties { __typename } } } } }',
      {},
    );
    responses.push(listed);
    expect(JSON.parse(listed).data.connectorProfiles.edges.length).toBeGreaterThan(0);
  } finally {
    for (const s of spies) s.mockRestore();
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
  // Every kind of outcome was exercised.
  expect([...kinds]).toEqual(
    expect.arrayContaining(['graphql-error', 'ValidationError', 'CreateConnectorProfileSuccess']),
  );
  expect(logs.length).toBeGreaterThan(0);
  for (const body of responses) expect(body).not.toContain(CANARY);
  for (const line of [...logs, ...captured]) expect(line).not.toContain(CANARY);
});

/**
 * The vendored AppFlow model as the AWS SDK's own schemas.
 *
 * `@aws-sdk/client-appflow` serializes and decodes through static schemas (`@smithy/core/schema`:
 * nested arrays generated from AWS's Smithy model) with one codec for every shape. This file
 * builds those schemas from model/appflow/service-2.json instead, so the SDK's codec reads and
 * writes the members the pinned SDK does not know: its protocol (AwsRestJsonProtocol) turns
 * epoch-seconds into Dates, base64 into bytes, `locationName` into `jsonName`, uri/querystring/
 * header members into the HTTP request and the error type header into the exception `name`,
 * exactly as for the SDK's own operations. Used for responses whose output the SDK does not
 * fully know (model-response.ts) and for operations the SDK lacks (model-command.ts).
 */
import { NormalizedSchema } from '@smithy/core/schema';
import { model, type Operation, type ShapeRef, shape } from '../model/model.js';

const NAMESPACE = 'com.amazonaws.appflow';

/** A static schema: a number (simple types), a thunk, or a nested array. */
// biome-ignore lint/suspicious/noExplicitAny: the SDK's static schema format is untyped arrays.
export type StaticSchema = any;

/** @smithy/core/schema's type codes (its `SCHEMA` sentinels). */
const STRING = 0;
const NUMERIC = 1;
const BOOLEAN = 2;
const TIMESTAMP_DEFAULT = 4;
const TIMESTAMP_DATE_TIME = 5;
const TIMESTAMP_HTTP_DATE = 6;
const TIMESTAMP_EPOCH_SECONDS = 7;
const BLOB = 21;
/** Trait bits (translateTraits): httpLabel 1, idempotencyToken 4, sensitive 8, httpResponseCode 32. */
const SENSITIVE = 8;

const TIMESTAMP_FORMATS: Record<string, number> = {
  iso8601: TIMESTAMP_DATE_TIME,
  rfc822: TIMESTAMP_HTTP_DATE,
  unixTimestamp: TIMESTAMP_EPOCH_SECONDS,
};

const built = new Map<string, StaticSchema>();

/** The schema of a named shape of the model (built once; structures refer to each other by thunks). */
export function shapeSchema(name: string): StaticSchema {
  const cached = built.get(name);
  if (cached !== undefined) return cached;
  const s = shape(name);
  let schema: StaticSchema;
  switch (s.type) {
    case 'structure': {
      // Filled in below, after it is cached: recursive shapes meet the same array. Smithy's
      // kinds: 3 structure, -3 error, 4 union (botocore's `"union": true`; none in AppFlow yet).
      const kind = s.exception ? -3 : (s as { union?: boolean }).union ? 4 : 3;
      schema = [kind, NAMESPACE, name, errorTraits(name), [], []];
      built.set(name, schema);
      for (const [member, ref] of Object.entries(s.members ?? {})) {
        schema[4].push(member);
        schema[5].push(memberSchema(ref));
      }
      return schema;
    }
    case 'list':
      schema = [1, NAMESPACE, name, 0, memberSchema(s.member!)];
      break;
    case 'map':
      schema = [2, NAMESPACE, name, 0, memberSchema(s.key!), memberSchema(s.value!)];
      break;
    default: {
      const code = simpleCode(name);
      schema = s.sensitive ? [0, NAMESPACE, name, SENSITIVE, code] : code;
    }
  }
  built.set(name, schema);
  return schema;
}

function simpleCode(name: string): number {
  const s = shape(name) as { type: string; timestampFormat?: string };
  switch (s.type) {
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return NUMERIC;
    case 'boolean':
      return BOOLEAN;
    case 'timestamp':
      return TIMESTAMP_FORMATS[s.timestampFormat ?? ''] ?? TIMESTAMP_DEFAULT;
    case 'blob':
      return BLOB;
    default:
      return STRING;
  }
}

function errorTraits(name: string): StaticSchema {
  const s = shape(name);
  if (!s.exception) return 0;
  const status = s.error?.httpStatusCode ?? 400;
  return { error: status >= 500 ? 'server' : 'client', httpError: status };
}

/** A member: its target's schema, with the member's HTTP binding and naming as traits. */
function memberSchema(ref: ShapeRef): StaticSchema {
  const target = () => shapeSchema(ref.shape);
  const traits: Record<string, unknown> = {};
  switch (ref.location) {
    case 'uri':
      traits.httpLabel = 1;
      break;
    case 'querystring':
      traits.httpQuery = ref.locationName;
      break;
    case 'header':
      traits.httpHeader = ref.locationName;
      break;
    case 'headers':
      traits.httpPrefixHeaders = ref.locationName ?? '';
      break;
    case 'statusCode':
      traits.httpResponseCode = 1;
      break;
    default:
      if (ref.locationName) traits.jsonName = ref.locationName;
  }
  if (ref.idempotencyToken) traits.idempotencyToken = 1;
  return Object.keys(traits).length ? [target, traits] : target;
}

/** The operation schema (`[9, namespace, name, {http}, input, output]`) of a model operation. */
export function operationSchema(
  name: string,
  op: Operation = model.operations[name]!,
): StaticSchema {
  const { method, requestUri, responseCode } = op.http;
  return [
    9,
    NAMESPACE,
    name,
    { http: [method, requestUri, responseCode ?? 200] },
    () => (op.input ? shapeSchema(op.input.shape) : 'unit'),
    () => (op.output ? shapeSchema(op.output.shape) : 'unit'),
  ];
}

/**
 * Dotted paths of the members of the model's shape `name` that the SDK schema `sdk` lacks
 * (`flows[].newMember`, `connectorProfileProperties.NewConnector`), walking both together.
 */
export function membersTheSdkLacks(
  name: string,
  sdk: StaticSchema,
  path = '',
  seen = new Set<string>(),
): string[] {
  const s = shape(name);
  if (seen.has(name)) return [];
  const ns = NormalizedSchema.of(sdk);
  const missing: string[] = [];
  if (s.type === 'structure') {
    if (!ns.isStructSchema()) return [path || name];
    const known = new Map<string, NormalizedSchema>(ns.structIterator() as Iterable<never>);
    const inner = new Set(seen).add(name);
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      const at = path ? `${path}.${member}` : member;
      const sdkMember = known.get(member);
      if (!sdkMember) missing.push(at);
      else missing.push(...membersTheSdkLacks(ref.shape, sdkMember, at, inner));
    }
  } else if (s.type === 'list') {
    if (!ns.isListSchema()) return [path];
    missing.push(...membersTheSdkLacks(s.member!.shape, ns.getValueSchema(), `${path}[]`, seen));
  } else if (s.type === 'map') {
    if (!ns.isMapSchema()) return [path];
    missing.push(...membersTheSdkLacks(s.value!.shape, ns.getValueSchema(), `${path}{}`, seen));
  }
  return missing;
}

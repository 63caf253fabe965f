/**
 * Members the locked SDK does not know still reach AppFlow.
 *
 * `@aws-sdk/client-appflow` serializes requests from its own copy of the API model and silently
 * drops members it does not know. The gateway's inputs are generated from the newer vendored
 * model (model/appflow/service-2.json), so without this a client could send, say, Snowflake's
 * `privateKey` or OAuth's `codeVerifier`, get a success, and AppFlow would never see them.
 *
 * This SDK middleware runs after the SDK serialized the request (build step, before signing):
 * it walks the command input along the vendored model and writes every body member the SDK
 * left out, in the rest-json wire format the model prescribes (timestamps as epoch seconds,
 * blobs as base64). Members the SDK did write are left exactly as they are.
 */
import type { AppflowClient } from '@aws-sdk/client-appflow';
import { model, shape } from '../model/model.js';

type JsonObject = Record<string, unknown>;

const utf8 = new TextDecoder();

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A value of `shapeName` in rest-json body form. */
function toWire(shapeName: string, value: unknown): unknown {
  const s = shape(shapeName);
  switch (s.type) {
    case 'structure': {
      if (!isObject(value)) return value;
      const out: JsonObject = {};
      for (const [member, ref] of Object.entries(s.members ?? {})) {
        const v = value[member];
        if (v !== undefined && v !== null) out[ref.locationName ?? member] = toWire(ref.shape, v);
      }
      return out;
    }
    case 'list':
      return Array.isArray(value) ? value.map((v) => toWire(s.member!.shape, v)) : value;
    case 'map':
      return isObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, toWire(s.value!.shape, v)] as const),
          )
        : value;
    case 'timestamp':
      return value instanceof Date ? value.getTime() / 1000 : value;
    case 'blob':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
    default:
      return value;
  }
}

/**
 * Add to `body` (the SDK's serialization of `value`) what it lacks. Returns true when it
 * changed anything.
 */
export function completeBody(
  shapeName: string,
  value: unknown,
  body: JsonObject,
  topLevel = false,
): boolean {
  const s = shape(shapeName);
  if (s.type !== 'structure' || !isObject(value)) return false;
  let changed = false;
  for (const [member, ref] of Object.entries(s.members ?? {})) {
    // uri, querystring and header members are not part of the body.
    if (topLevel && ref.location) continue;
    const v = value[member];
    if (v === undefined || v === null) continue;
    const key = ref.locationName ?? member;
    if (!(key in body)) {
      body[key] = toWire(ref.shape, v);
      changed = true;
      continue;
    }
    changed = completeNested(ref.shape, v, body[key]) || changed;
  }
  return changed;
}

function completeNested(shapeName: string, value: unknown, wire: unknown): boolean {
  const s = shape(shapeName);
  if (s.type === 'structure' && isObject(wire)) return completeBody(shapeName, value, wire);
  if (s.type === 'list' && Array.isArray(value) && Array.isArray(wire)) {
    let changed = false;
    value.forEach((v, i) => {
      changed = completeNested(s.member!.shape, v, wire[i]) || changed;
    });
    return changed;
  }
  if (s.type === 'map' && isObject(value) && isObject(wire)) {
    let changed = false;
    for (const [k, v] of Object.entries(value)) {
      if (!(k in wire)) {
        wire[k] = toWire(s.value!.shape, v);
        changed = true;
      } else changed = completeNested(s.value!.shape, v, wire[k]) || changed;
    }
    return changed;
  }
  return false;
}

interface BuildArgs {
  input: unknown;
  request: { body?: unknown; headers: Record<string, string> };
}

/** Install the middleware on a client (once). */
export function sendMembersTheSdkDoesNotKnow(client: AppflowClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const { input, request } = args as unknown as BuildArgs;
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      const inputShape = model.operations[operation]?.input?.shape;
      const raw = request.body;
      if (inputShape && raw !== undefined) {
        // Decoded, not Buffer.from(raw): the SDK's body (a JsonBytesStringAdapter) warns when it
        // is converted through its string methods.
        const text =
          typeof raw === 'string' ? raw : raw instanceof Uint8Array ? utf8.decode(raw) : undefined;
        let body: unknown;
        try {
          body = text === undefined ? undefined : JSON.parse(text || '{}');
        } catch {
          body = undefined;
        }
        if (isObject(body) && completeBody(inputShape, input, body, true)) {
          const json = JSON.stringify(body);
          request.body = json;
          request.headers['content-length'] = String(Buffer.byteLength(json));
        }
      }
      return next(args);
    },
    { step: 'build', name: 'appflowGatewayModelMembers', priority: 'low' },
  );
}

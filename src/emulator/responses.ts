/**
 * HTTP <-> operation arguments (moto's "responses"): binds input members from the uri, the
 * querystring and the JSON body per their `location` in the model, validates them, and writes
 * results and AWS errors in rest-json form.
 */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { operation, shape } from '../model/model.js';
import { validateShape } from '../model/validate.js';
import { AwsError } from './exceptions.js';

/** Errors listed in the message of a ValidationException, AWS style. */
const MAX_LISTED_VIOLATIONS = 10;

function fromQuery(shapeName: string, values: string[]): unknown {
  const s = shape(shapeName);
  if (s.type === 'list') return values.map((v) => fromQuery(s.member!.shape, [v]));
  const v = values[values.length - 1];
  switch (s.type) {
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return Number(v);
    case 'boolean':
      return v === 'true' ? true : v === 'false' ? false : v;
    default:
      return v;
  }
}

/** Build the operation's input from the request parts. */
export function bindInput(
  operationName: string,
  labels: Record<string, string>,
  query: URLSearchParams,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const op = operation(operationName);
  if (!op.input) return {};
  const input: Record<string, unknown> = {};
  const members = shape(op.input.shape).members ?? {};
  const bodyMembers = new Set<string>();
  for (const [name, ref] of Object.entries(members)) {
    const where = ref.locationName ?? name;
    if (ref.location === 'uri') {
      if (labels[where] !== undefined) input[name] = labels[where];
    } else if (ref.location === 'querystring') {
      const values = query.getAll(where);
      if (values.length) input[name] = fromQuery(ref.shape, values);
    } else if (!ref.location) {
      bodyMembers.add(name);
    }
  }
  for (const [k, v] of Object.entries(body)) {
    // Unknown body members are ignored, as AWS does; uri/querystring members only come from there.
    if (bodyMembers.has(k)) input[k] = v;
  }
  return input;
}

export function validateInput(operationName: string, input: Record<string, unknown>) {
  const op = operation(operationName);
  if (!op.input) return;
  const violations = validateShape(op.input.shape, input).filter((v) => v.kind !== 'unknownMember');
  if (!violations.length) return;
  const n = violations.length;
  const listed = violations
    .slice(0, MAX_LISTED_VIOLATIONS)
    .map((v) => v.message)
    .join('; ');
  throw new AwsError(
    'ValidationException',
    `${n} validation error${n === 1 ? '' : 's'} detected: ${listed}`,
  );
}

export async function readBody(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AwsError('SerializationException', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseBody(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', 'Request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AwsError('SerializationException', 'Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: AwsError) {
  sendJson(res, err.status, { message: err.message }, { 'x-amzn-errortype': err.type });
}

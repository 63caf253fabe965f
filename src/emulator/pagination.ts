/**
 * Opaque pagination tokens: base64url of {operation, hash of the filter, offset}. A token from
 * another operation or another filter is rejected with ValidationException, as AWS does.
 */
import { createHash } from 'node:crypto';
import { validationError } from './exceptions.js';

/** JSON with sorted keys, so equal inputs hash equally whatever their key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const hashOf = (value: unknown) =>
  createHash('sha256').update(stableStringify(value)).digest('base64url').slice(0, 16);

interface TokenBody {
  op: string;
  f: string;
  o: number;
}

export function encodeToken(op: string, filter: unknown, offset: number): string {
  const body: TokenBody = { op, f: hashOf(filter), o: offset };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeToken(op: string, filter: unknown, token: string): number {
  let body: Partial<TokenBody> | undefined;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    body = undefined;
  }
  if (
    !body ||
    body.op !== op ||
    body.f !== hashOf(filter) ||
    typeof body.o !== 'number' ||
    !Number.isInteger(body.o) ||
    body.o < 0
  ) {
    throw validationError('Invalid nextToken: it does not belong to this request');
  }
  return body.o;
}

export const DEFAULT_MAX_RESULTS = 20;

export function paginate<T>(
  op: string,
  filter: unknown,
  items: T[],
  maxResults: number | undefined,
  nextToken: string | undefined,
): { page: T[]; nextToken?: string } {
  const offset = nextToken ? decodeToken(op, filter, nextToken) : 0;
  const size = maxResults ?? DEFAULT_MAX_RESULTS;
  const page = items.slice(offset, offset + size);
  const end = offset + page.length;
  return { page, nextToken: end < items.length ? encodeToken(op, filter, end) : undefined };
}

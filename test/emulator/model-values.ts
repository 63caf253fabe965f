/**
 * Valid values for any shape of the AppFlow model, generated from the model alone (issue #22
 * item 4): each string fits its enum, length and pattern (fast-check's stringMatching for the
 * patterns, checked with the model's own validator), numbers their range, lists and maps one
 * entry. Connector unions get the member of one connector type only; members that hold a
 * sensitive shape (credentials) are left out unless required: AppFlow never returns them.
 */
import fc from 'fast-check';
import { connectorMemberFor, isConnectorUnion } from '../../src/model/connectors.js';
import { shape } from '../../src/model/model.js';
import { validateShape } from '../../src/model/validate.js';

/** Does a shape, or anything in it, carry a shape the model marks sensitive? */
export function holdsSensitive(name: string, seen = new Set<string>()): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const s = shape(name);
  if (s.sensitive) return true;
  return [...Object.values(s.members ?? {}), s.member, s.key, s.value].some(
    (r) => r !== undefined && holdsSensitive(r.shape, seen),
  );
}

const FIXED_CANDIDATES = [
  'value-1',
  'https://example.com/path',
  'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'arn:aws:iam::123456789012:role/example',
  'a',
];

const stringCache = new Map<string, string>();

/** A string valid for string shape `name`; `variant` gives another one where it can. */
export function stringFor(name: string, variant = 0): string {
  const key = `${name}:${variant}`;
  const cached = stringCache.get(key);
  if (cached !== undefined) return cached;
  const s = shape(name);
  const valid = (v: string) => validateShape(name, v).length === 0;
  let out: string | undefined;
  if (s.enum) out = s.enum[variant % s.enum.length];
  else if (!s.pattern) {
    const min = s.min ?? 1;
    const base = `value-${variant + 1}-`;
    out = base.padEnd(Math.max(min, base.length), 'x').slice(0, s.max ?? 256);
    if (!valid(out)) out = undefined;
  } else {
    out = FIXED_CANDIDATES.map((c) => (variant ? `${c}${variant}` : c)).find(valid);
    // fast-check generates from a JavaScript RegExp (the gateway matches with RE2: patterns.ts).
    const re = jsPattern(s.pattern);
    if (out === undefined && re) {
      try {
        const samples = fc.sample(
          fc.stringMatching(re, { size: 'small' }).filter((v) => v.length >= (s.min ?? 0)),
          { seed: 22 + variant, numRuns: 200 },
        );
        out = samples.find(valid);
      } catch {
        // a pattern fast-check cannot generate from: fall through
      }
    }
  }
  if (out === undefined) throw new Error(`No valid value generated for string shape ${name}`);
  stringCache.set(key, out);
  return out;
}

export interface ValueOptions {
  /** The connector type whose member each connector union gets. */
  connectorType: string;
  /** 0 for Create, 1 for Update: different values where the shape allows. */
  variant?: number;
  /** Timestamps, in seconds. */
  nowSeconds: number;
}

/** A valid value of shape `name` with every member filled in (but credentials). */
export function valueFor(name: string, opts: ValueOptions, depth = 0): unknown {
  const s = shape(name);
  const variant = opts.variant ?? 0;
  switch (s.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      if (isConnectorUnion(name)) {
        const member = connectorMemberFor(name, opts.connectorType);
        if (member) out[member] = valueFor(s.members![member].shape, opts, depth + 1);
        return out;
      }
      if (depth > 8) return out;
      for (const [member, ref] of Object.entries(s.members ?? {})) {
        if (ref.location || ref.idempotencyToken) continue;
        // Credentials are left out; a required structure that holds some (connectorProfileConfig)
        // is filled in without them.
        if (holdsSensitive(ref.shape) && !s.required?.includes(member)) continue;
        out[member] = valueFor(ref.shape, opts, depth + 1);
      }
      return out;
    }
    case 'list':
      return [valueFor(s.member!.shape, opts, depth + 1)];
    case 'map':
      return {
        [stringFor(s.key!.shape, variant)]: valueFor(s.value!.shape, opts, depth + 1),
      };
    case 'string':
      return stringFor(name, variant);
    case 'integer':
    case 'long': {
      const min = s.min ?? 0;
      return Math.min(min + 1 + variant, s.max ?? Number.MAX_SAFE_INTEGER);
    }
    case 'double':
    case 'float':
      return Math.min((s.min ?? 0) + 1.5 + variant, s.max ?? Number.MAX_VALUE);
    case 'boolean':
      return variant % 2 === 0;
    case 'timestamp':
      return new Date((opts.nowSeconds - 3600 * (1 + variant)) * 1000);
    default:
      throw new Error(`No value for ${name} (${s.type})`);
  }
}

/** Every leaf of `value` as [path, leaf] (arrays by index; empty objects are leaves). */
export function leaves(value: unknown, path: string[] = []): [string[], unknown][] {
  if (value instanceof Date) return [[path, value.getTime()]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, String(i)]));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return [[path, {}]];
    return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [[path, value]];
}

/** The value at `path` in `value`, Dates as epoch milliseconds. */
export function at(value: unknown, path: string[]): unknown {
  let v: unknown = value;
  for (const p of path)
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  if (v instanceof Date) return v.getTime();
  if (v && typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length) return {};
  return v;
}

function jsPattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return null;
  }
}

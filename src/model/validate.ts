/**
 * Generic validation of a value against a shape of the AppFlow model (required, type, enum,
 * min/max for string length, list size, map size and numeric range, pattern), recursively.
 * Shared by the emulator (ValidationException) and the gateway (pre-validation of inputs).
 *
 * Choices:
 * - All violations are returned, in document order, never only the first.
 * - Messages name the member path (`tasks.2.sourceFields`, list indexes 0-based) and never echo
 *   the value: values may be secrets (shapes marked `sensitive`), and the path is enough.
 * - botocore patterns are Java regexes matched against the whole value (Java `matches()`, which
 *   is what AWS's own validation does), run by a linear-time engine (./patterns.ts). Lengths are
 *   checked first: a value over its max length is refused without running its pattern.
 * - Timestamps are epoch seconds (numbers) as rest-json sends them; ISO strings are accepted too.
 */
import { shape as getShape, model, type Shape } from './model.js';
import { compilePattern, uncompilablePatterns } from './patterns.js';

export { compilePattern, type ModelPattern, uncompilablePatterns } from './patterns.js';

export type ViolationKind =
  | 'required'
  | 'type'
  | 'enum'
  | 'min'
  | 'max'
  | 'pattern'
  | 'unknownMember';

export interface Violation {
  path: (string | number)[];
  kind: ViolationKind;
  message: string;
}

/** Compile every pattern of the model up front; returns the ones that failed. */
export function compileAllPatterns(): string[] {
  for (const s of Object.values(model.shapes)) if (s.pattern) compilePattern(s.pattern);
  return [...uncompilablePatterns];
}

export function formatPath(path: (string | number)[]): string {
  return path.map(String).join('.');
}

function violation(path: (string | number)[], kind: ViolationKind, constraint: string): Violation {
  const where = path.length ? formatPath(path) : 'input';
  return {
    path,
    kind,
    message: `Value at '${where}' failed to satisfy constraint: ${constraint}`,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(s: Shape): string {
  switch (s.type) {
    case 'structure':
    case 'map':
      return 'an object';
    case 'list':
      return 'a list';
    case 'integer':
    case 'long':
      return 'an integer';
    case 'double':
    case 'float':
      return 'a number';
    case 'timestamp':
      return 'a timestamp (epoch seconds)';
    default:
      return `a ${s.type}`;
  }
}

/**
 * Validate `value` against the shape `shapeName`. `value` undefined is valid here: whether a
 * member must be present is the enclosing structure's `required` rule.
 */
export function validateShape(
  shapeName: string,
  value: unknown,
  path: (string | number)[] = [],
): Violation[] {
  const out: Violation[] = [];
  walk(shapeName, value, path, out);
  return out;
}

function walk(shapeName: string, value: unknown, path: (string | number)[], out: Violation[]) {
  if (value === undefined || value === null) return;
  const s = getShape(shapeName);
  switch (s.type) {
    case 'structure': {
      if (!isPlainObject(value)) {
        out.push(violation(path, 'type', `Member must be ${describeType(s)}`));
        return;
      }
      const members = s.members ?? {};
      for (const req of s.required ?? []) {
        if (value[req] === undefined || value[req] === null) {
          out.push(violation([...path, req], 'required', 'Member must not be null'));
        }
      }
      for (const [key, v] of Object.entries(value)) {
        const ref = members[key];
        if (!ref) {
          out.push(violation([...path, key], 'unknownMember', 'Member is not a known member'));
          continue;
        }
        walk(ref.shape, v, [...path, key], out);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        out.push(violation(path, 'type', `Member must be ${describeType(s)}`));
        return;
      }
      checkSize(s, value.length, path, out, 'length');
      value.forEach((item, i) => {
        if (item === null || item === undefined) {
          out.push(violation([...path, i], 'required', 'Member must not be null'));
        } else walk(s.member!.shape, item, [...path, i], out);
      });
      return;
    }
    case 'map': {
      if (!isPlainObject(value)) {
        out.push(violation(path, 'type', `Member must be ${describeType(s)}`));
        return;
      }
      const entries = Object.entries(value);
      checkSize(s, entries.length, path, out, 'size');
      for (const [k, v] of entries) {
        walk(s.key!.shape, k, [...path, k], out);
        if (v === null || v === undefined) {
          out.push(violation([...path, k], 'required', 'Member must not be null'));
        } else walk(s.value!.shape, v, [...path, k], out);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') {
        out.push(violation(path, 'type', 'Member must be a string'));
        return;
      }
      if (s.enum && !s.enum.includes(value)) {
        out.push(
          violation(path, 'enum', `Member must satisfy enum value set: [${s.enum.join(', ')}]`),
        );
      }
      // Lengths in code points, as Java's validators count characters of the decoded string
      // (a value more than twice its max in UTF-16 units is over it whatever it holds).
      const length =
        s.max !== undefined && value.length > 2 * s.max ? value.length : [...value].length;
      if (s.min !== undefined && length < s.min) {
        out.push(
          violation(path, 'min', `Member must have length greater than or equal to ${s.min}`),
        );
      }
      const tooLong = s.max !== undefined && length > s.max;
      if (tooLong) {
        out.push(violation(path, 'max', `Member must have length less than or equal to ${s.max}`));
      }
      if (s.pattern && !tooLong) {
        const re = compilePattern(s.pattern);
        if (re && !re.test(value)) {
          out.push(
            violation(
              path,
              'pattern',
              s.sensitive
                ? 'Member must satisfy the regular expression pattern of its (sensitive) shape'
                : `Member must satisfy regular expression pattern: ${s.pattern}`,
            ),
          );
        }
      }
      return;
    }
    case 'integer':
    case 'long':
    case 'double':
    case 'float': {
      const integral = s.type === 'integer' || s.type === 'long';
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        out.push(violation(path, 'type', `Member must be ${describeType(s)}`));
        return;
      }
      if (integral && !Number.isInteger(value)) {
        out.push(violation(path, 'type', `Member must be ${describeType(s)}`));
        return;
      }
      if (s.min !== undefined && value < s.min) {
        out.push(
          violation(path, 'min', `Member must have value greater than or equal to ${s.min}`),
        );
      }
      if (s.max !== undefined && value > s.max) {
        out.push(violation(path, 'max', `Member must have value less than or equal to ${s.max}`));
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') {
        out.push(violation(path, 'type', 'Member must be a boolean'));
      }
      return;
    case 'timestamp': {
      const ok =
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && !Number.isNaN(Date.parse(value))) ||
        value instanceof Date;
      if (!ok) out.push(violation(path, 'type', `Member must be ${describeType(s)}`));
      return;
    }
    case 'blob':
      if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
        out.push(violation(path, 'type', 'Member must be a blob (base64 string)'));
      }
      return;
  }
}

function checkSize(
  s: Shape,
  size: number,
  path: (string | number)[],
  out: Violation[],
  word: 'length' | 'size',
) {
  if (s.min !== undefined && size < s.min) {
    out.push(violation(path, 'min', `Member must have ${word} greater than or equal to ${s.min}`));
  }
  if (s.max !== undefined && size > s.max) {
    out.push(violation(path, 'max', `Member must have ${word} less than or equal to ${s.max}`));
  }
}

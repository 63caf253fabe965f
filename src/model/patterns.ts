/**
 * The model's patterns, run in linear time. botocore's patterns are Java regexes matched
 * against the whole value (Java `matches()`, what AWS's own validation does). JavaScript's
 * engine backtracks: `arn:aws:kms:.*:[0-9]+:.*` took ~7 s on a 118 KB value (issue 24), so
 * every pattern runs on RE2JS (RE2's automata: time linear in the input, no backtracking),
 * after a translation of the few places where Java and RE2 differ:
 * - `.` is any character but Java's line terminators (\n \r \u0085 \u2028 \u2029); RE2's
 *   `.` only excludes \n.
 * - `\s` is Java's [ \t\n\x0B\f\r] (RE2's lacks \x0B), `\S` its complement.
 * - `\u` followed by four hex digits is `\x{` those digits `}`; an escaped surrogate pair (`\uD800\uDC00`) is its code point.
 * - A leading negative lookahead of a literal (`^(?!aws:)`), which RE2 has not, becomes a
 *   prefix the value must not start with.
 * Matching is whole-value (`matches()`, like Java). A pattern that still cannot compile is
 * reported (`uncompilablePatterns`) and not enforced; a test keeps that set empty.
 */
import { RE2JS } from 're2js';

export interface ModelPattern {
  /** The model's own pattern text. */
  readonly source: string;
  /** Java `matches()`: the whole value matches. Linear in the value's length. */
  test(value: string): boolean;
  /** The engine: always RE2 (linear time), never a backtracking one. */
  readonly engine: 're2';
}

const JAVA_SPACE = '\\t\\n\\x0B\\f\\r ';
const JAVA_DOT = '[^\\n\\r\\x{85}\\x{2028}\\x{2029}]';

function hex4(pattern: string, at: number): number | undefined {
  if (pattern[at] !== '\\' || pattern[at + 1] !== 'u') return undefined;
  const digits = pattern.slice(at + 2, at + 6);
  return /^[0-9A-Fa-f]{4}$/.test(digits) ? Number.parseInt(digits, 16) : undefined;
}

/** The RE2 form of a Java pattern (see the header), and a literal prefix it refuses. */
export function javaToRe2(pattern: string): { source: string; refusedPrefix?: string } {
  let rest = pattern;
  let refusedPrefix: string | undefined;
  const lookahead = /^\^\(\?!([A-Za-z0-9:_-]+)\)/.exec(rest);
  if (lookahead) {
    refusedPrefix = lookahead[1];
    rest = `^${rest.slice(lookahead[0].length)}`;
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '\\') {
      const high = hex4(rest, i);
      if (high !== undefined) {
        const low = high >= 0xd800 && high <= 0xdbff ? hex4(rest, i + 6) : undefined;
        if (low !== undefined && low >= 0xdc00 && low <= 0xdfff) {
          const cp = (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          out += `\\x{${cp.toString(16)}}`;
          i += 11;
        } else {
          out += `\\x{${high.toString(16)}}`;
          i += 5;
        }
        continue;
      }
      const next = rest[i + 1];
      if (next === 's') out += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${JAVA_SPACE}]`;
      else out += c + (next ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A `]` or `^]` right after the opening bracket is a literal.
      if (rest[i + 1] === '^') out += rest[++i];
      if (rest[i + 1] === ']') out += rest[++i];
      continue;
    }
    out += c === '.' ? JAVA_DOT : c;
  }
  return { source: out, refusedPrefix };
}

const cache = new Map<string, ModelPattern | null>();

/** Patterns of the model that could not be compiled (checked by a test; not enforced). */
export const uncompilablePatterns = new Set<string>();

/** How many times a model pattern was run (tests: a value over its max length runs none). */
export const patternRuns = { count: 0 };

/** The compiled form of a model pattern, or null if it cannot be compiled. */
export function compilePattern(pattern: string): ModelPattern | null {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  let compiled: ModelPattern | null = null;
  try {
    const { source, refusedPrefix } = javaToRe2(pattern);
    const re = RE2JS.compile(source);
    compiled = {
      source: pattern,
      engine: 're2',
      test(value) {
        patternRuns.count++;
        if (refusedPrefix !== undefined && value.startsWith(refusedPrefix)) return false;
        return re.matches(value);
      },
    };
  } catch {
    uncompilablePatterns.add(pattern);
  }
  cache.set(pattern, compiled);
  return compiled;
}

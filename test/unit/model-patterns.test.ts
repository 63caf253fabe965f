/**
 * ReDoS through the model's patterns (issue 24 item 5): generated from the model, every
 * pattern is run by the linear engine on its worst inputs, and a value over its shape's max
 * length is refused without running the pattern at all. Before: JavaScript's backtracking
 * RegExp, run even on over-long values (`arn:aws:kms:` + ':0' x 60000 + '\n' took ~7 s).
 */
import { describe, expect, it } from 'vitest';
import { model, type Shape } from '../../src/model/model.js';
import { javaToRe2, patternRuns } from '../../src/model/patterns.js';
import { compilePattern, validateShape } from '../../src/model/validate.js';

const shapesByPattern = new Map<string, [string, Shape][]>();
for (const [name, s] of Object.entries(model.shapes)) {
  if (!s.pattern) continue;
  shapesByPattern.set(s.pattern, [...(shapesByPattern.get(s.pattern) ?? []), [name, s]]);
}
const PATTERNS = [...shapesByPattern.keys()];

/** The literal text a pattern starts with (`arn:aws:kms:`), so inputs get past it. */
function literalPrefix(pattern: string): string {
  const body = pattern.replace(/^\^/, '').replace(/^\(\?![^)]*\)/, '');
  return /^[A-Za-z0-9:_ -]*/.exec(body)![0];
}

/**
 * The classic worst cases of a backtracking engine for this pattern: its prefix, then a long
 * run of a unit that keeps several branches alive (`:0` for `.*:[0-9]+:.*`), then a character
 * that makes the whole match fail at the very end.
 */
function adversarial(pattern: string, size: number): string[] {
  const prefix = literalPrefix(pattern);
  const units = [':0', 'a', ' ', 'a.', '/=', '0'];
  const ends = ['\n', '\u0000'];
  return units.flatMap((unit) =>
    ends.map((end) => prefix + unit.repeat(Math.ceil(size / unit.length)) + end),
  );
}

describe('every model pattern runs in linear time (RE2)', () => {
  it('the model has patterns, and each one compiles on the linear engine', () => {
    expect(PATTERNS.length).toBeGreaterThan(20);
    for (const p of PATTERNS) expect(compilePattern(p)?.engine, p).toBe('re2');
  });

  it.each(PATTERNS)('%s: its worst inputs (100 KB) run through the linear engine', (p) => {
    const re = compilePattern(p)!;
    const before = patternRuns.count;
    const inputs = adversarial(p, 100_000);
    for (const input of inputs) expect(typeof re.test(input)).toBe('boolean');
    // Each input is run once, by the engine the previous test showed is RE2.
    expect(patternRuns.count - before).toBe(inputs.length);
  });

  it.each(PATTERNS)('%s: a value over its max length is refused without running it', (p) => {
    for (const [name, s] of shapesByPattern.get(p)!) {
      if (s.max === undefined || s.enum) continue;
      for (const input of adversarial(p, s.max + 1)) {
        const before = patternRuns.count;
        const kinds = validateShape(name, input).map((v) => v.kind);
        expect(kinds, name).toContain('max');
        expect(patternRuns.count - before, name).toBe(0);
      }
    }
  });
});

describe('Java semantics kept on RE2', () => {
  const matches = (p: string, v: string) => compilePattern(p)!.test(v);
  it('matches the whole value, like Java matches()', () => {
    expect(matches('[\\w]+', 'abc')).toBe(true);
    expect(matches('[\\w]+', 'abc!')).toBe(false);
    expect(matches('^\\d{3}$', '123\n')).toBe(false);
  });
  it('`.` excludes Java line terminators; `\\s` includes \\x0B', () => {
    for (const t of ['\n', '\r', '\u0085', '\u2028', '\u2029']) {
      expect(matches('.*', `a${t}b`), JSON.stringify(t)).toBe(false);
    }
    expect(matches('[\\s\\w]+', 'a\u000bb')).toBe(true);
    expect(matches('\\S+', 'a\u000bb')).toBe(false);
    // JavaScript's \s takes Unicode spaces; Java's does not.
    expect(matches('[\\s\\w]+', 'a\u00a0b')).toBe(false);
  });
  it('a leading negative lookahead refuses its prefix', () => {
    const p = '^(?!aws:)[a-zA-Z+-=._:/]+$';
    expect(javaToRe2(p).refusedPrefix).toBe('aws:');
    expect(matches(p, 'aws:x')).toBe(false);
    expect(matches(p, 'awsx:y')).toBe(true);
  });
});

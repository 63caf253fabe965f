/**
 * One credentials rule (src/model/credentials.ts) for the schema, the mutations' message
 * scrubbing, the GraphQL redaction and the logs: the rule itself, and that no other source
 * file keeps a copy of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdsCredentials, isSecretShape } from '../../src/model/credentials.js';
import { model } from '../../src/model/model.js';
import { SRC } from '../helpers/source-graph.js';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('the credentials rule', () => {
  it('holds for every ...Credentials structure and every map with sensitive keys or values', () => {
    for (const [name, s] of Object.entries(model.shapes)) {
      const sensitiveMap =
        s.type === 'map' &&
        Boolean(model.shapes[s.key!.shape]!.sensitive || model.shapes[s.value!.shape]!.sensitive);
      const expected = (s.type === 'structure' && name.endsWith('Credentials')) || sensitiveMap;
      expect(holdsCredentials(name), name).toBe(expected);
      expect(isSecretShape(name), name).toBe(expected || s.sensitive === true);
    }
    expect(holdsCredentials('CredentialsMap')).toBe(true);
    expect(isSecretShape('CredentialsArn')).toBe(false);
    expect(isSecretShape('NoSuchShape')).toBe(false);
  });

  it('is written once: no other source file decides what a credentials shape is', () => {
    const copies = files(SRC)
      .filter((f) => !f.endsWith(join('model', 'credentials.ts')))
      .filter((f) => /endsWith\('Credentials'\)|Credentials\$\//.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(copies).toEqual([]);
  });
});

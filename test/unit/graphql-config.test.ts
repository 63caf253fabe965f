/**
 * graphql.config.ts, as editors load it (graphql-config): every project has documents, and
 * every document validates against its project's schema, with the fragments of the project's
 * other files in scope (as the language server sees them).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DocumentNode, Kind, parse, validate } from 'graphql';
import { loadConfig } from 'graphql-config';
import { describe, expect, it } from 'vitest';

const config = await loadConfig({ rootDir: process.cwd(), throwOnMissing: true });

/** Every .graphql file under a folder, relative to the repository root. */
function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.graphql'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('graphql.config.ts', () => {
  it('is found and names the server and dashboard projects', () => {
    expect(config!.filepath).toMatch(/graphql\.config\.ts$/);
    expect(Object.keys(config!.projects).sort()).toEqual(['dashboard', 'server']);
  });

  for (const [name, dir] of [
    ['server', 'src/operations'],
    ['dashboard', 'web/src/operations'],
  ] as const) {
    it(`${name}: every file of ${dir} validates against the project's schema`, async () => {
      const project = config!.getProject(name);
      const schema = await project.getSchema();
      const sources = await project.getDocuments();
      const files = sources.map((s) => s.location!.replace(`${process.cwd()}/`, '')).sort();
      expect(files).toEqual(graphqlFiles(dir));
      const documents = sources.map((s) => s.document ?? parse(s.rawSDL!));
      // The project as one document: names unique across files, every spread defined.
      const all: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: documents.flatMap((d) => d.definitions),
      };
      const problems = validate(schema, all).map((e) => e.message);
      expect(problems).toEqual([]);
      expect(all.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)).toBe(true);
      // The check can fail: an unknown field in the same project is reported.
      const broken = parse('query Broken { flows(first: 1) { edges { node { noSuchField } } } }');
      expect(validate(schema, broken).map((e) => e.message)).toEqual([
        'Cannot query field "noSuchField" on type "Flow".',
      ]);
    });
  }
});

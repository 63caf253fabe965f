/**
 * Fails when a committed codegen output (src/gql, web/src/gql) differs from what GraphQL Code
 * Generator makes now from schema.graphql and the operations (a changed schema or operation
 * without `npm run codegen`).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.js';

const problems: string[] = [];
let files = 0;
const outputs = Object.keys(config.generates);
/** A file that is its own output (src/gql/possible-types.ts) is not part of its folder's. */
const ownOutput = (path: string) => outputs.includes(path);
for (const [committed, output] of Object.entries(config.generates)) {
  const temp = mkdtempSync(join(tmpdir(), 'codegen-check-'));
  try {
    // A folder output (the client preset) or a single file (the fragment matcher).
    const isDir = committed.endsWith('/');
    const target = isDir ? `${temp}/` : join(temp, 'out.ts');
    await generate({ ...config, silent: true, generates: { [target]: output } }, true);
    const pairs: [string, string, string][] = isDir
      ? [...new Set([...readdirSync(temp), ...readdirSync(committed)])]
          .filter((name) => !ownOutput(`${committed}${name}`))
          .map((name) => [`${committed}${name}`, join(temp, name), join(committed, name)])
      : [[committed, target, committed]];
    for (const [label, fresh, current] of pairs) {
      files += 1;
      if (!existsSync(fresh)) problems.push(`${label} is no longer generated`);
      else if (!existsSync(current)) problems.push(`${label} is missing`);
      else if (readFileSync(fresh, 'utf8') !== readFileSync(current, 'utf8')) {
        problems.push(`${label} differs from a fresh run`);
      }
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
if (problems.length) {
  console.error(
    `codegen drift:\n  ${problems.join('\n  ')}\nRun \`npm run codegen\` and commit the output.`,
  );
  process.exitCode = 1;
} else {
  console.log(`codegen output is up to date (${files} files).`);
}

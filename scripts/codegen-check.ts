/**
 * Fails when a committed codegen output (src/gql, web/src/gql) differs from what GraphQL Code
 * Generator makes now from schema.graphql and the operations (a changed schema or operation
 * without `npm run codegen`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.js';

const problems: string[] = [];
let files = 0;
for (const [committed, output] of Object.entries(config.generates)) {
  const temp = mkdtempSync(join(tmpdir(), 'codegen-check-'));
  try {
    const target = `${temp}/`;
    await generate({ ...config, silent: true, generates: { [target]: output } }, true);
    const fresh = readdirSync(temp).sort();
    const current = readdirSync(committed).sort();
    files += fresh.length;
    for (const name of new Set([...fresh, ...current])) {
      if (!fresh.includes(name)) problems.push(`${committed}${name} is no longer generated`);
      else if (!current.includes(name)) problems.push(`${committed}${name} is missing`);
      else if (
        readFileSync(join(temp, name), 'utf8') !== readFileSync(join(committed, name), 'utf8')
      ) {
        problems.push(`${committed}${name} differs from a fresh run`);
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

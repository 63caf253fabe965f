/**
 * Fails when the committed src/gql differs from what GraphQL Code Generator makes now from
 * schema.graphql and src/operations (a changed schema or operation without `npm run codegen`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.js';

const committed = 'src/gql/';
const temp = mkdtempSync(join(tmpdir(), 'codegen-check-'));
try {
  const target = `${temp}/`;
  // Every output lives under src/gql/ (the client preset's folder, the fragment matcher's file).
  const generates = Object.fromEntries(
    Object.entries(config.generates).map(([path, output]) => [
      target + path.slice(committed.length),
      output,
    ]),
  );
  await generate({ ...config, silent: true, generates }, true);
  const fresh = readdirSync(temp).sort();
  const current = readdirSync(committed).sort();
  const problems: string[] = [];
  for (const name of new Set([...fresh, ...current])) {
    if (!fresh.includes(name)) problems.push(`${committed}${name} is no longer generated`);
    else if (!current.includes(name)) problems.push(`${committed}${name} is missing`);
    else if (
      readFileSync(join(temp, name), 'utf8') !== readFileSync(join(committed, name), 'utf8')
    ) {
      problems.push(`${committed}${name} differs from a fresh run`);
    }
  }
  if (problems.length) {
    console.error(
      `codegen drift:\n  ${problems.join('\n  ')}\nRun \`npm run codegen\` and commit src/gql.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`src/gql is up to date (${fresh.length} files).`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

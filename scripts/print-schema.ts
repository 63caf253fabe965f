/**
 * Prints schema.graphql from the code. `--check` fails (exit 1) when the committed file differs.
 * `--out FILE` writes elsewhere (a scratch model's schema: APPFLOW_MODEL_DIR=... --out ...).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

const out = process.argv.indexOf('--out');
const file = out > 0 ? process.argv[out + 1]! : new URL('../schema.graphql', import.meta.url);
const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {}
  if (committed !== printed) {
    console.error('schema.graphql is out of date: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date.');
} else {
  writeFileSync(file, printed);
  console.log(`wrote ${file}`);
}

/**
 * Prints schema.graphql (the plain schema) and schema.subgraph.graphql (the Federation v2
 * subgraph SDL served as `_service { sdl }` with FEDERATION=true) from the code. `--check` fails
 * (exit 1) when a committed file differs. `--out FILE` writes the plain schema alone elsewhere
 * (a scratch model's schema: APPFLOW_MODEL_DIR=... --out ...).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema, subgraphSchema } from '../src/schema/index.js';

const out = process.argv.indexOf('--out');
const plain = () => `${printSchema(lexicographicSortSchema(schema))}\n`;
const files: { name: string; file: string | URL; printed: () => string }[] =
  out > 0
    ? [{ name: process.argv[out + 1]!, file: process.argv[out + 1]!, printed: plain }]
    : [
        {
          name: 'schema.graphql',
          file: new URL('../schema.graphql', import.meta.url),
          printed: plain,
        },
        {
          name: 'schema.subgraph.graphql',
          file: new URL('../schema.subgraph.graphql', import.meta.url),
          printed: () => `${printSubgraphSchema(subgraphSchema())}\n`,
        },
      ];
let stale = false;
for (const { name, file, printed } of files) {
  const text = printed();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {}
    if (committed !== text) {
      console.error(`${name} is out of date: run \`npm run schema:print\` and commit it.`);
      stale = true;
    } else console.log(`${name} is up to date.`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${name}`);
  }
}
if (stale) process.exit(1);

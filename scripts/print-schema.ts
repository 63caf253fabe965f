/**
 * Prints schema.graphql (the plain schema) and schema.subgraph.graphql (the Federation v2
 * subgraph SDL served as `_service { sdl }` with FEDERATION=true) from the code. `--check` fails
 * (exit 1) when a committed file differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema, subgraphSchema } from '../src/schema/index.js';

const files = [
  {
    name: 'schema.graphql',
    printed: () => `${printSchema(lexicographicSortSchema(schema))}\n`,
  },
  { name: 'schema.subgraph.graphql', printed: () => `${printSubgraphSchema(subgraphSchema())}\n` },
];
let stale = false;
for (const { name, printed } of files) {
  const file = new URL(`../${name}`, import.meta.url);
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

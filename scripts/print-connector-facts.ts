/**
 * Prints web/src/connector-facts.json, what the dashboard's check form offers, from the one
 * table of per-connector facts (src/model/connector-facts.ts): web/ imports nothing from src/.
 * `--check` fails (exit 1) when the committed file differs. `npm run model:update` runs it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dashboardConnectors } from '../src/model/connector-facts.js';

const file = new URL('../web/src/connector-facts.json', import.meta.url);
const printed = `${JSON.stringify(dashboardConnectors(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {}
  if (committed !== printed) {
    console.error(
      'web/src/connector-facts.json is out of date: run `npm run connector-facts:print`.',
    );
    process.exit(1);
  }
  console.log('web/src/connector-facts.json is up to date.');
} else {
  writeFileSync(file, printed);
  console.log('wrote web/src/connector-facts.json');
}

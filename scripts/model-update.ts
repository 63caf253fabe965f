/**
 * `npm run model:update -- <service-2.json> [paginators-1.json] [--no-regenerate]`
 *
 * Takes botocore's AppFlow files (botocore/data/appflow/<apiVersion>/service-2.json and
 * paginators-1.json), copies them into the model folder (model/appflow, or APPFLOW_MODEL_DIR),
 * writes manifest.json (src/model/manifest.ts), and regenerates what derives from the model and
 * is committed: schema.graphql (`npm run schema:print`), the typed documents, persisted
 * documents and possible types (`npm run codegen`), and the dashboard's connector facts
 * (web/src/connector-facts.json, scripts/print-connector-facts.ts). Everything else (the
 * GraphQL types, inputs, validation, redaction, routes, wire completion) reads the model at
 * start-up. `--no-regenerate` stops after the manifest (a scratch copy of the model).
 * Without a paginators file the folder's paginators-1.json is kept.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MANIFEST_PATH, MODEL_DIR, MODEL_PATH, PAGINATORS_PATH } from '../src/model/files.js';
import { buildManifest } from '../src/model/manifest.js';
import type { ServiceModel } from '../src/model/model.js';

const args = process.argv.slice(2);
const regenerate = !args.includes('--no-regenerate');
const [servicePath, paginatorsPath] = args.filter((a) => !a.startsWith('--'));
if (!servicePath) {
  console.error('usage: npm run model:update -- <service-2.json> [paginators-1.json]');
  process.exit(2);
}

function readJson(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`${path}: not a JSON file (${(error as Error).message})`);
    process.exit(1);
  }
}

const service = readJson(servicePath) as unknown as ServiceModel;
const metadata = service.metadata ?? {};
if (metadata.protocol !== 'rest-json' || !service.operations || !service.shapes) {
  console.error(`${servicePath}: not a botocore rest-json service model (service-2.json)`);
  process.exit(1);
}
if (!service.shapes.ConnectorType?.enum) {
  console.error(`${servicePath}: has no ConnectorType enum; is it AppFlow's model?`);
  process.exit(1);
}
const pagesFile = paginatorsPath ?? PAGINATORS_PATH;
const pages = readJson(pagesFile).pagination as Record<string, never> | undefined;
if (!pages || typeof pages !== 'object') {
  console.error(`${pagesFile}: not botocore's paginators-1.json format ({"pagination": {...}})`);
  process.exit(1);
}
for (const op of Object.keys(pages)) {
  if (!service.operations[op]) {
    console.error(`${pagesFile}: paginator for ${op}, an operation the model does not have`);
    process.exit(1);
  }
}

mkdirSync(MODEL_DIR, { recursive: true });
if (resolve(servicePath) !== MODEL_PATH) copyFileSync(servicePath, MODEL_PATH);
if (paginatorsPath && resolve(paginatorsPath) !== PAGINATORS_PATH) {
  copyFileSync(paginatorsPath, PAGINATORS_PATH);
}
const manifest = buildManifest(service, pages);
writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `${MODEL_DIR}: ${manifest.operations.length} operations, ${manifest.shapes} shapes, ` +
    `${manifest.connectorTypes.length} connector types, ` +
    `${manifest.sensitiveMembers.length} sensitive members, ` +
    `${Object.keys(manifest.paginators).length} paginators (manifest.json written)`,
);

if (regenerate) {
  // Each step in its own process: they read the model at start-up, so they see the new files.
  for (const step of ['schema:print', 'connector-facts:print', 'codegen']) {
    const run = spawnSync('npm', ['run', '--silent', step], { stdio: 'inherit', env: process.env });
    if (run.status !== 0) {
      console.error(`npm run ${step} failed`);
      process.exit(run.status ?? 1);
    }
  }
}

/**
 * Where the model files are, without reading them (scripts/model-update.ts writes them here).
 * APPFLOW_MODEL_DIR (a botocore-style folder: service-2.json, paginators-1.json, plus our
 * manifest.json) when set, e.g. a scratch copy to try a model change, read by the gateway and
 * the emulator alike; else model/appflow from the package root (src/model/ under tsx, dist/ in
 * the bundle). Read here, not in src/config.ts: the emulator imports only src/model.
 */
import { join, resolve } from 'node:path';
import { fromRoot } from '../paths.js';

export const MODEL_DIR = process.env.APPFLOW_MODEL_DIR
  ? resolve(process.env.APPFLOW_MODEL_DIR)
  : fromRoot('model', 'appflow');
/** botocore's `service-2.json`. */
export const MODEL_PATH = join(MODEL_DIR, 'service-2.json');
/** botocore's `paginators-1.json` format: `{"pagination": {Operation: {...}}}`. */
export const PAGINATORS_PATH = join(MODEL_DIR, 'paginators-1.json');
/** Written by `npm run model:update` (src/model/manifest.ts). */
export const MANIFEST_PATH = join(MODEL_DIR, 'manifest.json');

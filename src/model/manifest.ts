/**
 * The model's manifest (model/appflow/manifest.json): what the vendored model holds, in numbers
 * and names (operations, shapes, sensitive members, paginators, connector types). It is written
 * by `npm run model:update` from the model files, and the tests compare against it instead of
 * pinning counts by hand: a model update changes the manifest, not the tests.
 */
import { readFileSync } from 'node:fs';
import { MANIFEST_PATH } from './files.js';
import type { Paginator, ServiceModel } from './model.js';

export interface ModelManifest {
  /** What the files are: botocore's AppFlow model and paginators. */
  source: string;
  apiVersion: string;
  protocol: string;
  /** Operation names, sorted. */
  operations: string[];
  /** Operations that read only (Describe*, List*): the graph and the emulator answer them. */
  readOperations: string[];
  shapes: number;
  /** `Shape.member` of every member whose target the model marks sensitive, sorted. */
  sensitiveMembers: string[];
  /** Paginated operations and the result keys they page through. */
  paginators: Record<string, string[]>;
  /** The values of the ConnectorType enum, in model order. */
  connectorTypes: string[];
}

/** Read operations by AppFlow's naming (every Describe and List operation). */
export const isReadOperation = (name: string) => /^(Describe|List)/.test(name);

/** The manifest of a model and its paginators (pure: scripts/model-update.ts builds it from new files). */
export function buildManifest(
  service: ServiceModel,
  pages: Record<string, Paginator>,
): ModelManifest {
  const operations = Object.keys(service.operations).sort();
  const sensitiveMembers: string[] = [];
  for (const [name, s] of Object.entries(service.shapes)) {
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      if (service.shapes[ref.shape]?.sensitive) sensitiveMembers.push(`${name}.${member}`);
    }
  }
  return {
    source: 'botocore data/appflow/<apiVersion>/service-2.json and paginators-1.json',
    apiVersion: String(service.metadata.apiVersion),
    protocol: String(service.metadata.protocol),
    operations,
    readOperations: operations.filter(isReadOperation),
    shapes: Object.keys(service.shapes).length,
    sensitiveMembers: sensitiveMembers.sort(),
    paginators: Object.fromEntries(
      Object.entries(pages)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([op, p]) => [op, [p.result_key].flat()]),
    ),
    connectorTypes: service.shapes.ConnectorType?.enum ?? [],
  };
}

/** The committed manifest (model/appflow/manifest.json, or APPFLOW_MODEL_DIR's). */
export function readManifest(path = MANIFEST_PATH): ModelManifest {
  return JSON.parse(readFileSync(path, 'utf8'));
}

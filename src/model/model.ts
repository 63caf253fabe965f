/**
 * The AppFlow API model (botocore's service-2.json), read once at run time.
 * It is the single source of truth for routes, validation, enums and descriptions.
 * A copy lives in model/appflow/ so a fresh clone works on its own; a test checks it
 * matches ../shared/reference/appflow/ when that folder is present.
 */
import { readFileSync } from 'node:fs';
import { MODEL_PATH, PAGINATORS_PATH } from './files.js';

export interface ShapeRef {
  shape: string;
  documentation?: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  idempotencyToken?: boolean;
  deprecated?: boolean;
  deprecatedMessage?: string;
}

export interface Shape {
  type:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'double'
    | 'float'
    | 'boolean'
    | 'timestamp'
    | 'blob';
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  sensitive?: boolean;
  documentation?: string;
  error?: { httpStatusCode: number; senderFault?: boolean };
  exception?: boolean;
  deprecated?: boolean;
}

export interface Operation {
  name: string;
  http: { method: 'GET' | 'POST' | 'DELETE' | 'PUT'; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  documentation?: string;
}

export interface ServiceModel {
  metadata: Record<string, unknown>;
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

export interface Paginator {
  input_token: string;
  output_token: string;
  limit_key: string;
  result_key: string | string[];
}

export { MANIFEST_PATH, MODEL_DIR, MODEL_PATH, PAGINATORS_PATH } from './files.js';

export const model: ServiceModel = JSON.parse(readFileSync(MODEL_PATH, 'utf8'));
export const paginators: Record<string, Paginator> = JSON.parse(
  readFileSync(PAGINATORS_PATH, 'utf8'),
).pagination;

export function shape(name: string): Shape {
  const s = model.shapes[name];
  if (!s) throw new Error(`Unknown shape ${name}`);
  return s;
}

export function operation(name: string): Operation {
  const op = model.operations[name];
  if (!op) throw new Error(`Unknown operation ${name}`);
  return op;
}

/** Enum values of a string shape, e.g. enumValues('ConnectorType'). */
export function enumValues(name: string): string[] {
  const values = shape(name).enum;
  if (!values) throw new Error(`Shape ${name} is not an enum`);
  return values;
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&nbsp;': ' ',
};

/** The model's HTML documentation as plain text for GraphQL descriptions. */
export function docText(html: string | undefined): string | undefined {
  if (!html) return undefined;
  const text = html
    .replace(/<\/p>\s*<p>/g, '\n\n')
    .replace(/<li>/g, '\n- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z#0-9]+;/gi, (e) => entities[e] ?? e)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
  return text || undefined;
}

/** Documentation of a member of a structure, or of its target shape. */
export function memberDoc(structure: string, member: string): string | undefined {
  const ref = shape(structure).members?.[member];
  if (!ref) throw new Error(`Shape ${structure} has no member ${member}`);
  return docText(ref.documentation) ?? docText(shape(ref.shape).documentation);
}

/**
 * Is this shape itself marked sensitive? Only the shape: a structure with sensitive members is
 * not sensitive itself (callers walk the members, e.g. src/services/mutations/secrets.ts).
 */
export function isSensitive(name: string): boolean {
  return shape(name).sensitive === true;
}

/** The `maxResults` upper bound AppFlow accepts for a paginated operation. */
export function maxPageSize(operationName: string): number {
  const input = operation(operationName).input?.shape;
  const ref = input ? shape(input).members?.maxResults : undefined;
  if (!ref) throw new Error(`${operationName} takes no maxResults`);
  return shape(ref.shape).max ?? 100;
}

/**
 * AWS-shaped request values -> the gateway's GraphQL input values, walking the AppFlow model:
 * the inverse of src/schema/model-inputs.ts `fromInput`. Maps become `[{ key, value }]` entry
 * lists, timestamps ISO strings (DateTime), the idempotency token (`clientToken`) becomes
 * `idempotencyKey`; "one member per connector" structures keep their member (they are
 * `@oneOf` inputs with the model's member names). A member the model does not know is an
 * error, so a typo in a fixture cannot pass silently.
 */
import { shape } from '../../src/model/model.js';

function timestampInput(value: unknown, path: string): string {
  if (value instanceof Date) return value.toISOString();
  // The AWS SDKs take epoch seconds as numbers.
  if (typeof value === 'number') return new Date(value * 1000).toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return new Date(value).toISOString();
  }
  throw new Error(`${path}: ${JSON.stringify(value)} is not a timestamp`);
}

export function toGraphQLInput(shapeName: string, value: unknown, path = shapeName): unknown {
  if (value === undefined || value === null) return undefined;
  const s = shape(shapeName);
  switch (s.type) {
    case 'list':
      return (value as unknown[]).map((v, i) => toGraphQLInput(s.member!.shape, v, `${path}.${i}`));
    case 'map':
      return Object.entries(value as Record<string, unknown>).map(([key, v]) => ({
        key,
        value: toGraphQLInput(s.value!.shape, v, `${path}.${key}`),
      }));
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [member, v] of Object.entries(value as Record<string, unknown>)) {
        const ref = s.members?.[member];
        if (!ref) throw new Error(`${path}: the model's ${shapeName} has no member ${member}`);
        const converted = toGraphQLInput(ref.shape, v, `${path}.${member}`);
        if (converted === undefined) continue;
        out[ref.idempotencyToken ? 'idempotencyKey' : member] = converted;
      }
      return out;
    }
    case 'timestamp':
      return timestampInput(value, path);
    default:
      return value;
  }
}

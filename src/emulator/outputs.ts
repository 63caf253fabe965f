/**
 * Answers by the model's output shapes (issue #22 item 3). A resource keeps the request that
 * made it as the model validated it (`stored`), and every Describe/List answer is built by
 * walking the operation's output shape: each member comes from what AppFlow computes (arns,
 * statuses, timestamps, counts, lastRunExecutionDetails: `computed`), else from the stored
 * request under the same name and shape, at its top level or nested (ConnectorProfile's
 * `connectorProfileProperties` was sent inside `connectorProfileConfig`). So a member the
 * model adds to CreateFlow's input and DescribeFlow's output comes back with no emulator edit,
 * and a member the output does not model (credentials, clientToken) never leaves.
 */
import { model, operation, shape } from '../model/model.js';
import type { JsonObject, JsonValue } from './json.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects `answer` built, with their shape: projecting them again changes nothing. */
const shaped = new WeakMap<object, string>();

/** `value` keeping only what `shapeName` models, recursively (unknown members dropped). */
export function project(shapeName: string, value: unknown): JsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && shaped.get(value) === shapeName) return value as JsonObject;
  const s = shape(shapeName);
  switch (s.type) {
    case 'structure': {
      if (!isObject(value)) return undefined;
      const out: JsonObject = {};
      const members = s.members ?? {};
      // By the value's keys: far fewer than a connector union's members.
      for (const name of Object.keys(value)) {
        const ref = Object.hasOwn(members, name) ? members[name] : undefined;
        if (!ref) continue;
        const v = project(ref.shape, value[name]);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'list':
      return Array.isArray(value)
        ? value.map((v) => project(s.member!.shape, v)).filter((v) => v !== undefined)
        : undefined;
    case 'map': {
      if (!isObject(value)) return undefined;
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) {
        const p = project(s.value!.shape, v);
        if (p !== undefined) out[k] = p;
      }
      return out;
    }
    default:
      return value as JsonValue;
  }
}

/** Where a member of `structure` named `name` with shape `target` sits in a value of
 * `structure`, depth first through nested structures (not lists): its path, or undefined. */
function findPath(
  structure: string,
  name: string,
  target: string,
  seen = new Set<string>(),
): string[] | undefined {
  const members = shape(structure).members ?? {};
  const direct = members[name];
  if (direct?.shape === target) return [name];
  if (seen.has(structure)) return undefined;
  seen.add(structure);
  for (const [member, ref] of Object.entries(members)) {
    if (shape(ref.shape).type !== 'structure') continue;
    const rest = findPath(ref.shape, name, target, seen);
    if (rest) return [member, ...rest];
  }
  return undefined;
}

/** One member of an answer: its name, shape, and where the stored request holds it. */
interface PlannedMember {
  name: string;
  shape: string;
  path: string[] | undefined;
}

/** The members of `outputShape` and where a request of `inputShape` holds each, found once. */
const plans = new Map<string, PlannedMember[]>();

function planOf(outputShape: string, inputShape: string | undefined): PlannedMember[] {
  const key = `${outputShape}\0${inputShape ?? ''}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = Object.entries(shape(outputShape).members ?? {}).map(([name, ref]) => ({
      name,
      shape: ref.shape,
      path: inputShape ? findPath(inputShape, name, ref.shape) : undefined,
    }));
    plans.set(key, plan);
  }
  return plan;
}

/**
 * One answer of structure `outputShape`: each member from `computed` when it has it, else from
 * the `stored` request (a value of `inputShape`), projected onto the member's shape.
 */
export function answer(
  outputShape: string,
  computed: Record<string, unknown>,
  stored?: { shape: string; value: Record<string, unknown> },
): JsonObject {
  const out: JsonObject = {};
  for (const member of planOf(outputShape, stored?.shape)) {
    let v = computed[member.name];
    if (v === undefined && member.path && stored) {
      v = stored.value;
      for (const p of member.path) v = isObject(v) ? v[p] : undefined;
    }
    const p = project(member.shape, v);
    if (p !== undefined) out[member.name] = p;
  }
  shaped.set(out, outputShape);
  return out;
}

/** The item shape of list member `member` of `op`'s output (ListFlows' flows: FlowDefinition). */
export function listItemShape(op: string, member: string): string {
  const out = shape(operation(op).output!.shape);
  const list = shape(out.members![member].shape);
  return list.member!.shape;
}

/** Does `shapeName`, or anything in it, carry a shape the model marks sensitive? */
export function holdsSensitive(shapeName: string, seen = new Set<string>()): boolean {
  if (seen.has(shapeName)) return false;
  seen.add(shapeName);
  const s = shape(shapeName);
  if (s.sensitive) return true;
  const refs = [...Object.values(s.members ?? {}), s.member, s.key, s.value];
  return refs.some((r) => r !== undefined && holdsSensitive(r.shape, seen));
}

/** Every shape some operation's output can hold. */
const returnable = (() => {
  const seen = new Set<string>();
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const s = shape(name);
    for (const r of [...Object.values(s.members ?? {}), s.member, s.key, s.value]) {
      if (r) walk(r.shape);
    }
  };
  for (const op of Object.values(model.operations)) if (op.output) walk(op.output.shape);
  return seen;
})();

/**
 * What a resource keeps of a request of `inputShape`: every member but the idempotency token
 * and the credentials, which stay in memory elsewhere and are never saved. A member that holds
 * a sensitive shape is walked into; there, only what an output can return survives (a
 * structure some output holds, such as connectorProfileProperties inside
 * connectorProfileConfig), so no credential, sensitive or not (a username), is kept.
 */
export function storable(
  inputShape: string,
  value: Record<string, unknown>,
  withinSecret = false,
): JsonObject {
  const out: JsonObject = {};
  for (const [name, ref] of Object.entries(shape(inputShape).members ?? {})) {
    const v = value[name];
    if (v === undefined || ref.idempotencyToken) continue;
    if (holdsSensitive(ref.shape)) {
      if (shape(ref.shape).type !== 'structure' || !isObject(v)) continue;
      const inner = storable(ref.shape, v, true);
      if (Object.keys(inner).length) out[name] = inner;
    } else if (
      !withinSecret ||
      (shape(ref.shape).type === 'structure' && returnable.has(ref.shape))
    ) {
      out[name] = v as JsonValue;
    }
  }
  return out;
}

/**
 * UpdateX replaces what its input shape models (a member it models and the request leaves out
 * is cleared); what it does not model (CreateFlow's kmsArn and tags) stays.
 */
export function updated(
  stored: JsonObject,
  updateShape: string,
  value: Record<string, unknown>,
): JsonObject {
  const next: JsonObject = { ...stored };
  const incoming = storable(updateShape, value);
  for (const [name, ref] of Object.entries(shape(updateShape).members ?? {})) {
    if (ref.idempotencyToken) continue;
    if (incoming[name] === undefined) delete next[name];
    else next[name] = incoming[name];
  }
  return next;
}

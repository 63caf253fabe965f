/**
 * Operation dispatch (moto's core/responses.py looks the handler up from the action name): the
 * AppFlow operation `CreateFlow` is answered by the method `createFlow` of whichever resource
 * model of the store has it. The table is built once from the model's operation names, so a new
 * operation of the model without a method shows up in `missingHandlers` (and its test), and is
 * answered by `unhandled` (below) instead of keeping the emulator from starting.
 */
import { model, operation, shape } from '../model/model.js';
import { AwsError } from './exceptions.js';
import type { ValidatedInput } from './json.js';
import { project } from './outputs.js';
import type { Store } from './store.js';

export type OperationHandler = (input: ValidatedInput) => unknown;

/** `CreateFlow` -> `createFlow`. */
export const handlerName = (operation: string) => operation[0].toLowerCase() + operation.slice(1);

/** The models of `store` that have a method for `operation`. */
export function ownersOf(store: Store, operation: string): object[] {
  const name = handlerName(operation);
  return store.operationModels.filter(
    (m) => typeof (m as Record<string, unknown>)[name] === 'function',
  );
}

export function missingHandlers(store: Store): string[] {
  return Object.keys(model.operations).filter((op) => ownersOf(store, op).length !== 1);
}

/** Error types, best first, for an operation the emulator does not implement: the first the
 * operation's model lists (UnsupportedOperationException says it best; every AppFlow operation
 * lists InternalServerException). */
const NOT_IMPLEMENTED_TYPES = [
  'UnsupportedOperationException',
  'ValidationException',
  'InternalServerException',
];

/**
 * The answer of an operation of the model that no resource model implements (a model update
 * brought it). A read (List*, Describe*, Get*) whose output requires nothing but lists and maps
 * is answered generically as "nothing found": those lists and maps empty (the emulator holds no
 * such resources). Anything else (writes, reads that must return a resource) is a modelled
 * error for that request alone, saying the emulator does not implement it; the request was
 * bound and validated against the model first, like any other.
 */
export function unhandled(op: string): OperationHandler {
  const out = operation(op).output?.shape;
  const required = out ? (shape(out).required ?? []) : [];
  const members = out ? (shape(out).members ?? {}) : {};
  const emptyKind = (name: string) => shape(members[name].shape).type;
  const read = /^(List|Describe|Get)[A-Z]/.test(op);
  if (read && required.every((m) => ['list', 'map'].includes(emptyKind(m)))) {
    return () => Object.fromEntries(required.map((m) => [m, emptyKind(m) === 'list' ? [] : {}]));
  }
  const modelled = new Set((operation(op).errors ?? []).map((e) => e.shape));
  const type = NOT_IMPLEMENTED_TYPES.find((t) => modelled.has(t)) ?? 'InternalServerException';
  return () => {
    throw new AwsError(
      type,
      `The AppFlow emulator does not implement ${op}: the operation is in its API model (the request was valid) but no resource model answers it`,
    );
  };
}

/** One handler per operation of the model; each answer keeps only what the operation's output
 * shape models (recursively), as AWS's answers do. */
export function operationHandlers(store: Store): Map<string, OperationHandler> {
  const handlers = new Map<string, OperationHandler>();
  for (const op of Object.keys(model.operations)) {
    const owners = ownersOf(store, op);
    if (owners.length > 1) throw new Error(`Several resource models answer ${op}`);
    const out = operation(op).output?.shape;
    const shaped = (v: unknown) => (out ? (project(out, v) ?? {}) : {});
    if (!owners.length) {
      const handler = unhandled(op);
      handlers.set(op, (input) => shaped(handler(input)));
      continue;
    }
    const owner = owners[0] as Record<string, unknown>;
    const method = owner[handlerName(op)] as (this: unknown, input: ValidatedInput) => unknown;
    // The input was validated against the operation's input shape in the model, so it has the
    // members that the method's input interface declares.
    handlers.set(op, (input) => shaped(method.call(owner, input)));
  }
  return handlers;
}

const cache = new WeakMap<Store, Map<string, OperationHandler>>();

/** Answer `operation` with model-validated `input`, as a request would (seed data uses it). */
export function callOperation(store: Store, operation: string, input: ValidatedInput): unknown {
  let handlers = cache.get(store);
  if (!handlers) {
    handlers = operationHandlers(store);
    cache.set(store, handlers);
  }
  const handler = handlers.get(operation);
  if (!handler) throw new Error(`Unknown operation ${operation}`);
  return handler(input);
}

/**
 * Operation dispatch (moto's core/responses.py looks the handler up from the action name): the
 * AppFlow operation `CreateFlow` is answered by the method `createFlow` of whichever resource
 * model of the store has it. The table is built once from the model's operation names, so a new
 * operation of the model without a method shows up in `missingHandlers` (and its test).
 */
import { model } from '../model/model.js';
import type { ValidatedInput } from './json.js';
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

/** One handler per operation of the model. */
export function operationHandlers(store: Store): Map<string, OperationHandler> {
  const missing = missingHandlers(store);
  if (missing.length) {
    throw new Error(`No single resource model answers ${missing.join(', ')}`);
  }
  const handlers = new Map<string, OperationHandler>();
  for (const op of Object.keys(model.operations)) {
    const owner = ownersOf(store, op)[0] as Record<string, unknown>;
    const method = owner[handlerName(op)] as (this: unknown, input: ValidatedInput) => unknown;
    // The input was validated against the operation's input shape in the model, so it has the
    // members that the method's input interface declares.
    handlers.set(op, (input) => method.call(owner, input));
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

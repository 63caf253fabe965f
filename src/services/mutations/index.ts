/**
 * The write side: every AppFlow lifecycle operation (operations.ts) through the one shared
 * step (mutate.ts). Expected failures are domain errors (errors.ts) the schema returns as data;
 * secrets in requests never leave this module (secrets.ts).
 */
import type { AppflowClient } from '@aws-sdk/client-appflow';
import type { Loaders } from '../loaders.js';
import type { AppflowReader } from '../reader/index.js';
import { type FlowOperation, type FlowValidation, validateFlow } from '../validation/index.js';
import type { Input } from './mutate.js';
import { type MutationName, type MutationPayload, OPERATIONS } from './operations.js';
import type { Request } from './prevalidate.js';

export * from './errors.js';
export { takesClientToken } from './idempotency.js';
export type { MutationName, MutationPayload } from './operations.js';
export type { FieldError } from './prevalidate.js';

/** Who runs a mutation, and the loaders of their request. */
export interface MutationCaller {
  viewer: { id: string };
  loaders: Loaders;
}

export type { FlowOperation, FlowValidation } from '../validation/index.js';

/** Operations after which a flow's runs or status change (live subscribers are told). */
const CHANGES_RUNS: ReadonlySet<string> = new Set([
  'StartFlow',
  'StopFlow',
  'CancelFlowExecutions',
]);

export class AppflowMutations {
  constructor(
    private readonly client: AppflowClient,
    private readonly reader: AppflowReader,
    /**
     * Called with the flow's name and the payload once an operation that changes its runs
     * succeeded; the mutation answers once it is done (the live state has the change).
     */
    private readonly onFlowChanged?: (flowName: string, payload: unknown) => void | Promise<void>,
  ) {}

  /** A dry run of createFlow/updateFlow: every problem, no write (validateFlow). */
  validateFlow(operation: FlowOperation, input: Input, request: Request): Promise<FlowValidation> {
    return validateFlow(this.reader, operation, request, input);
  }

  /**
   * Run one operation: `input` is the GraphQL input as sent, `request` the AWS request it
   * converts to. Resolves to the operation's payload; rejects with a domain error or a coded
   * GraphQL error.
   */
  run<O extends MutationName>(
    operation: O,
    caller: MutationCaller,
    input: Input,
    request: Request,
  ): Promise<MutationPayload<O>> {
    const { viewer, loaders } = caller;
    const deps = { client: this.client, reader: this.reader, viewer, loaders };
    const done = OPERATIONS[operation](deps, input, request) as Promise<MutationPayload<O>>;
    const flowName = request.flowName;
    if (!this.onFlowChanged || !CHANGES_RUNS.has(operation) || typeof flowName !== 'string') {
      return done;
    }
    return done.then(async (payload: MutationPayload<O>) => {
      await Promise.resolve(this.onFlowChanged?.(flowName, payload)).catch(() => {});
      return payload;
    });
  }
}

/**
 * One mutation per AppFlow lifecycle operation, all of the same form:
 *
 *   createFlow(input: CreateFlowInput!): CreateFlowResult!
 *   union CreateFlowResult = CreateFlowSuccess | ValidationError | ConflictError | ...
 *
 * Everything but the success type's fields and the descriptions comes from the operation: the
 * field name, the input type generated from its request shape (clientToken replaced by an
 * optional `idempotencyKey` where the request has one), the error union (the domain errors of
 * the AppFlow exceptions the model lists for it) and the run (src/services/mutations).
 */
import type { GatewayContext } from '../../context.js';
import { operation } from '../../model/model.js';
import {
  domainErrorsOf,
  type MutationErrorClass,
  type MutationName,
  type MutationPayload,
  takesClientToken,
} from '../../services/mutations/index.js';
import { builder } from '../builder.js';
import { fromInput, requestInputType } from '../model-inputs.js';

// biome-ignore lint/suspicious/noExplicitAny: generated input values are untyped.
type Input = Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: refs of every kind (objects, lists, scalars).
type AnyRef = any;

/** One member of a success payload, exposed as a field of the same name. */
export interface PayloadField<S> {
  /** An object ref, `[ref]`, or a scalar name (`'String'`, `['String']`). */
  type: AnyRef;
  description: string;
  /** Pothos nullability (nullable unless said otherwise). */
  nullable?: boolean | { list: boolean; items: boolean };
  /** When the member needs converting (e.g. a map to entries); exposed as is otherwise. */
  resolve?: (payload: S) => unknown;
  /** A member that reads what the caller did not write needs `read` (e.g. a resource's tags). */
  authScopes?: { read: true };
}

/** The fields of a success payload `S`: one per member, and fields computed with `resolve`. */
export type PayloadFields<S> = { [K in keyof S]-?: PayloadField<S> } & {
  [computed: string]: PayloadField<S>;
};

export interface MutationDefinition<O extends MutationName> {
  /** The AppFlow operation, e.g. `CreateFlow`: the field is `createFlow`. */
  operation: O;
  description: string;
  /** Members AppFlow needs but its model leaves optional. */
  required?: string[];
  /** Needs the admin scope (deletes, connector registrations); the others need write. */
  admin?: boolean;
  /** Domain errors AppFlow returns although the model does not list them for the operation. */
  unlistedErrors?: MutationErrorClass[];
  successDescription: string;
  success: PayloadFields<MutationPayload<O>>;
}

const IDEMPOTENCY_DESCRIPTION =
  'Makes retries safe: the same key with the same input sends AppFlow the same client token (valid 8 hours), so a retried mutation changes or starts things once. The same key with different input is a ConflictError. Without a key every mutation is its own attempt.';

export function defineMutation<O extends MutationName>(def: MutationDefinition<O>) {
  const prefix = def.operation;
  const field = prefix[0]!.toLowerCase() + prefix.slice(1);
  const requestShape = operation(def.operation).input!.shape;
  const InputRef = requestInputType(`${prefix}Input`, requestShape, {
    description: `The input of ${field}.`,
    exclude: ['clientToken'],
    required: def.required,
    extra: takesClientToken(def.operation)
      ? (t) => ({
          idempotencyKey: t.string({ description: IDEMPOTENCY_DESCRIPTION }),
        })
      : undefined,
  });
  const SuccessRef = builder.objectRef<MutationPayload<O>>(`${prefix}Success`).implement({
    description: def.successDescription,
    fields: (t) =>
      Object.fromEntries(
        Object.entries<PayloadField<MutationPayload<O>>>(def.success).map(
          ([member, { resolve, ...options }]) => [
            member,
            resolve
              ? t.field({ ...options, resolve } as never)
              : t.expose(member as never, options as never),
          ],
        ),
      ),
  });
  builder.mutationField(field, (t) =>
    t.field({
      type: SuccessRef,
      // Nullable like every root field that reaches AppFlow: an unexpected failure of one
      // mutation leaves the results of the others in the same request.
      nullable: true,
      description: def.description,
      authScopes: def.admin ? { admin: true } : { write: true },
      args: { input: t.arg({ type: InputRef, required: true }) },
      errors: {
        types: [...domainErrorsOf(def.operation), ...(def.unlistedErrors ?? [])],
        directResult: true,
        union: {
          name: `${prefix}Result`,
          description: `What ${field} returns: ${prefix}Success, or the expected error that stopped it.`,
        },
      },
      resolve: (_root: unknown, args: { input: unknown }, ctx: GatewayContext) => {
        const input = args.input as Input;
        return ctx.mutations.run(
          def.operation,
          ctx,
          input,
          fromInput(requestShape, input) as Input,
        );
      },
    } as never),
  );
  return { InputRef, requestShape };
}

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
import type { ObjectFieldBuilder } from '@pothos/core';
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

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** The field builder of a success type whose backing model is `S`. */
export type SuccessFieldBuilder<S> = ObjectFieldBuilder<BuilderTypes, S>;

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
  // biome-ignore lint/suspicious/noExplicitAny: each success type has its own fields.
  success: (t: SuccessFieldBuilder<MutationPayload<O>>) => Record<string, any>;
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
    fields: def.success,
  });
  builder.mutationField(field, (t) =>
    t.field({
      type: SuccessRef,
      nullable: false,
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
}

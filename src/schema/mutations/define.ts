/**
 * One mutation per AppFlow lifecycle operation, all of the same form:
 *
 *   createFlow(input: CreateFlowInput!): CreateFlowResult!
 *   union CreateFlowResult = CreateFlowSuccess | ValidationError | ConflictError | ...
 *
 * The input type is generated from the operation's request shape (clientToken replaced by an
 * optional `idempotencyKey` on Create/Update/Start/Register operations); the result is the
 * errors plugin's union with `directResult` (the success object is a member itself).
 */
import type { ObjectFieldBuilder } from '@pothos/core';
import type { GatewayContext } from '../../context.js';
import { type MutationError, ValidationError } from '../../services/mutations.js';
import { builder } from '../builder.js';
import { fromInput, requestInputType } from '../model-inputs.js';

// biome-ignore lint/suspicious/noExplicitAny: generated input values are untyped.
type Input = Record<string, any>;

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** The field builder of a success type whose backing model is `S`. */
export type SuccessFieldBuilder<S> = ObjectFieldBuilder<BuilderTypes, S>;

export interface MutationDefinition<S extends object> {
  /** Root field name, e.g. `createFlow`; types are named `CreateFlowInput`, `...Success`, `...Result`. */
  field: string;
  requestShape: string;
  description: string;
  /** Takes an idempotencyKey (operations with AppFlow's clientToken). */
  idempotent?: boolean;
  /** Members AppFlow needs but its model leaves optional. */
  required?: string[];
  /** Needs the admin scope (deletes, connector registrations); the others need write. */
  admin?: boolean;
  errors: (new (...args: never[]) => MutationError)[];
  successDescription: string;
  // biome-ignore lint/suspicious/noExplicitAny: each success type has its own fields.
  success: (t: SuccessFieldBuilder<S>) => Record<string, any>;
  run: (ctx: GatewayContext, input: Input, request: Input) => Promise<S>;
}

const IDEMPOTENCY_DESCRIPTION =
  'Makes retries safe: the same key with the same input sends AppFlow the same client token (valid 8 hours), so a retried mutation changes or starts things once. The same key with different input is a ConflictError. Without a key every mutation is its own attempt.';

export function defineMutation<S extends object>(def: MutationDefinition<S>) {
  const prefix = def.field[0]!.toUpperCase() + def.field.slice(1);
  const InputRef = requestInputType(`${prefix}Input`, def.requestShape, {
    description: `The input of ${def.field}.`,
    exclude: ['clientToken'],
    required: def.required,
    extra: def.idempotent
      ? (t) => ({
          idempotencyKey: t.string({ description: IDEMPOTENCY_DESCRIPTION }),
        })
      : undefined,
  });
  const SuccessRef = builder.objectRef<S>(`${prefix}Success`).implement({
    description: def.successDescription,
    fields: def.success,
  });
  builder.mutationField(def.field, (t) =>
    t.field({
      type: SuccessRef,
      nullable: false,
      description: def.description,
      authScopes: def.admin ? { admin: true } : { write: true },
      args: { input: t.arg({ type: InputRef, required: true }) },
      errors: {
        types: [ValidationError, ...def.errors.filter((e) => e !== ValidationError)],
        directResult: true,
        union: {
          name: `${prefix}Result`,
          description: `What ${def.field} returns: ${prefix}Success, or the expected error that stopped it.`,
        },
      },
      resolve: (_root: unknown, args: { input: unknown }, ctx: GatewayContext) => {
        const input = args.input as Input;
        return def.run(ctx, input, fromInput(def.requestShape, input) as Input);
      },
    } as never),
  );
}

/**
 * `Query.validateFlow`: a dry run of createFlow or updateFlow with the same input, answering
 * every problem at once (src/services/validation). No side effects; reads are cached.
 */

import type { FlowValidation } from '../services/mutations/index.js';
import { builder } from './builder.js';
import { fromInput } from './model-inputs.js';
import { FieldErrorRef } from './mutations/errors.js';
import { createFlowMutation, updateFlowMutation } from './mutations/flow-mutations.js';

const ValidateFlowInput = builder.inputType('ValidateFlowInput', {
  description: 'The flow definition to check: exactly one of a new flow or an update.',
  isOneOf: true,
  fields: (t) => ({
    create: t.field({
      type: createFlowMutation.InputRef,
      description: 'The input createFlow would get.',
    }),
    update: t.field({
      type: updateFlowMutation.InputRef,
      description: 'The input updateFlow would get.',
    }),
  }),
});

const FlowValidationRef = builder.objectRef<FlowValidation>('FlowValidation').implement({
  description: 'The outcome of validateFlow: every problem of the definition.',
  fields: (t) => ({
    valid: t.exposeBoolean('valid', {
      nullable: false,
      description: 'No problem was found: createFlow/updateFlow would send it to AppFlow.',
    }),
    problems: t.field({
      type: [FieldErrorRef],
      nullable: false,
      description: 'Every problem, each with its input path, code, message and hints.',
      resolve: (v) => v.problems,
    }),
  }),
});

builder.queryField('validateFlow', (t) =>
  t.field({
    type: FlowValidationRef,
    authScopes: { read: true },
    description:
      'Check a flow definition without creating or changing anything: the model constraints, connector profiles, connector capabilities (source, destination, trigger types, schedule frequencies, write operations), the source object and its fields (with "did you mean" hints), Map_all and incremental-pull rules, the schedule and, for an update, what AppFlow cannot change. createFlow and updateFlow run the same checks.',
    args: { input: t.arg({ type: ValidateFlowInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const given = input as { create?: Record<string, unknown>; update?: Record<string, unknown> };
      const [operation, value, mutation] = given.create
        ? (['CreateFlow', given.create, createFlowMutation] as const)
        : (['UpdateFlow', given.update!, updateFlowMutation] as const);
      return ctx.mutations.validateFlow(
        operation,
        value,
        fromInput(mutation.requestShape, value) as Record<string, unknown>,
      );
    },
  }),
);

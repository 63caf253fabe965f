/**
 * Every AppFlow call's input is checked against the model before it is sent (reads and
 * subscriptions' polls included, not only mutations): a name or ARN outside AppFlow's
 * lengths and patterns makes no AppFlow call and fails here as the ValidationException AppFlow
 * would answer (THE error table, ./errors.ts, codes it BAD_USER_INPUT). The messages name the
 * member and the rule, never the value. Installed outermost: a refused call takes nothing
 * from the caller's budget, holds no permit and is not counted as an AppFlow call.
 */
import type { AppflowClient } from '@aws-sdk/client-appflow';
import { model } from '../model/model.js';
import { validateShape } from '../model/validate.js';
import { CALL_BUDGET, type CallMiddleware } from './guards.js';

/** The error AppFlow itself answers to an invalid input (the SDK's shape of it). */
export class ModelValidationError extends Error {
  override name = 'ValidationException';
  readonly $fault = 'client';
  readonly $metadata = {};
  constructor(
    readonly operation: string,
    readonly violations: string[],
  ) {
    super(violations.join('; '));
  }
}

/** Its name in the client's middleware stack. */
export const MODEL_VALIDATION = 'appflowGatewayModelValidation';

export function installInputValidation(client: AppflowClient): void {
  const validate: CallMiddleware = (next, context) => async (args) => {
    const operation = String(context.commandName ?? '').replace(/Command$/, '');
    const input = model.operations[operation]?.input;
    if (input) {
      const violations = validateShape(input.shape, args.input).filter(
        (v) => v.kind !== 'unknownMember',
      );
      if (violations.length) {
        throw new ModelValidationError(
          operation,
          violations.map((v) => v.message),
        );
      }
    }
    return next(args);
  };
  client.middlewareStack.addRelativeTo(validate, {
    relation: 'before',
    toMiddleware: CALL_BUDGET,
    name: MODEL_VALIDATION,
  });
}

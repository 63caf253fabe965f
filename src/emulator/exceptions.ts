/**
 * AWS errors as rest-json sends them: status from the error shape's `error.httpStatusCode` in the
 * model, `x-amzn-errortype: <Name>` and a body `{"message": "..."}`; the AWS SDK then raises an
 * exception whose `name` is the type.
 */
import { model } from '../model/model.js';

/** Errors the emulator itself adds to the model's ones (not shapes of the model). */
const extraStatus: Record<string, number> = {
  UnknownOperationException: 404,
  SerializationException: 400,
  // The control API's refusal of bodies that are not JSON (control.ts).
  UnsupportedMediaTypeException: 415,
};

export class AwsError extends Error {
  readonly status: number;
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
    this.status = model.shapes[type]?.error?.httpStatusCode ?? extraStatus[type] ?? 400;
  }
}

export const validationError = (message: string) => new AwsError('ValidationException', message);
export const notFound = (message: string) => new AwsError('ResourceNotFoundException', message);
export const conflict = (message: string) => new AwsError('ConflictException', message);
export const unsupported = (message: string) =>
  new AwsError('UnsupportedOperationException', message);

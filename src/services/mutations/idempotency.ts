/**
 * AppFlow's clientToken (idempotency, valid 8 hours) on the operations whose request has one.
 */
import { createHash, randomUUID } from 'node:crypto';
import { operation, shape } from '../../model/model.js';
import type { Request } from './prevalidate.js';

/** Does the operation's request carry a clientToken (per the model)? */
export function takesClientToken(operationName: string): boolean {
  const request = operation(operationName).input?.shape;
  return request !== undefined && shape(request).members?.clientToken !== undefined;
}

/**
 * The clientToken of one mutation: derived from (viewer, operation, key) when the client gave
 * an idempotency key, so a retried mutation sends the same token; otherwise random, once per
 * mutation (the SDK's own retries resend the same request, token included). sha256 hex fits
 * the model's ClientToken (`[ -~]+`, 1..256).
 */
export function clientTokenFor(
  viewerId: string,
  operationName: string,
  idempotencyKey?: string | null,
): string {
  if (!idempotencyKey) return randomUUID();
  return createHash('sha256')
    .update(`${viewerId}\u0000${operationName}\u0000${idempotencyKey}`)
    .digest('hex');
}

/** The request as sent: with its clientToken when the operation takes one. */
export function withClientToken(
  operationName: string,
  request: Request,
  viewerId: string,
  idempotencyKey?: string | null,
): Request {
  if (!takesClientToken(operationName)) return request;
  return { ...request, clientToken: clientTokenFor(viewerId, operationName, idempotencyKey) };
}

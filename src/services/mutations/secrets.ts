/**
 * Secrets in mutation requests: every value the AppFlow model marks `sensitive`, collected
 * from the request by walking its shape, so messages can be scrubbed of them. Nothing in
 * src/services/mutations logs; credentials never come back out (AppFlow never returns them).
 */
import { holdsCredentials } from '../../model/credentials.js';
import { isSensitive, shape } from '../../model/model.js';

/** Every sensitive string (value or map key) inside `value` of shape `shapeName`. */
export function sensitiveValues(shapeName: string, value: unknown, out: string[] = []): string[] {
  if (value === undefined || value === null) return out;
  const s = shape(shapeName);
  if (isSensitive(shapeName) && typeof value === 'string') {
    out.push(value);
    return out;
  }
  // A credentials container (src/model/credentials.ts): every string in it, whether or not
  // the model marks that member (a refresh token, a client id).
  if (holdsCredentials(shapeName)) {
    allStrings(value, out);
    return out;
  }
  if (s.type === 'structure' && typeof value === 'object') {
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      sensitiveValues(ref.shape, (value as Record<string, unknown>)[member], out);
    }
  } else if (s.type === 'list' && Array.isArray(value)) {
    for (const item of value) sensitiveValues(s.member!.shape, item, out);
  } else if (s.type === 'map' && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      sensitiveValues(s.key!.shape, k, out);
      sensitiveValues(s.value!.shape, v, out);
    }
  }
  return out;
}

/** `message` with every secret of the request replaced. */
export function redact(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  return out;
}

function allStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    // One- to three-character values would blank ordinary words out of messages.
    if (value.length >= 4) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) allStrings(v, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      allStrings(k, out);
      allStrings(v, out);
    }
  }
}

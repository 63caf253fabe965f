/**
 * THE credentials rule, from the model: which shapes carry secrets. The schema leaves them out
 * of every output type (src/schema/model-types.ts), mutations scrub them from messages
 * (src/services/mutations/secrets.ts), and the GraphQL redaction finds them in documents and
 * variables (src/plugins/redaction.ts); all three ask here, so a new connector's credentials
 * are secret everywhere at once.
 *
 * A shape is secret when the model marks it `sensitive` (passwords, tokens, keys), or when it
 * holds credentials as a whole: a `...Credentials` structure (every string in it, whether the
 * model marks that member or not: a client id, a username) or a map whose keys or values are
 * sensitive (CustomAuthCredentials' credentialsMap).
 */
import { isSensitive, model } from './model.js';

/** Does every value inside this shape count as a credential? */
export function holdsCredentials(shapeName: string): boolean {
  const s = model.shapes[shapeName];
  if (!s) return false;
  if (s.type === 'structure') return shapeName.endsWith('Credentials');
  if (s.type === 'map') return isSensitive(s.key!.shape) || isSensitive(s.value!.shape);
  return false;
}

/** Is a member of this shape secret (sensitive itself, or holding credentials)? */
export function isSecretShape(shapeName: string): boolean {
  return (
    model.shapes[shapeName] !== undefined && (isSensitive(shapeName) || holdsCredentials(shapeName))
  );
}

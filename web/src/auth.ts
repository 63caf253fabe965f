/**
 * The credential the dashboard sends: an API key or a JWT, kept in sessionStorage (gone when
 * the tab closes). The demo (`npm start`, anonymous access) needs none.
 */
const STORAGE_KEY = 'appflow-gateway.credential';

export function readCredential(): string | undefined {
  try {
    return sessionStorage.getItem(STORAGE_KEY) || undefined;
  } catch {
    return undefined;
  }
}

export function saveCredential(value: string | undefined): void {
  if (value) sessionStorage.setItem(STORAGE_KEY, value);
  else sessionStorage.removeItem(STORAGE_KEY);
}

/** A JWT has three dot-separated parts; anything else is an API key. */
const isJwt = (credential: string) => credential.split('.').length === 3;

/** HTTP headers for the credential (the gateway reads `authorization` or `x-api-key`). */
export function authHeaders(credential: string | undefined): Record<string, string> {
  if (!credential) return {};
  return isJwt(credential)
    ? { authorization: `Bearer ${credential}` }
    : { 'x-api-key': credential };
}

/** graphql-ws connectionParams: browsers cannot set headers on the WebSocket upgrade. */
export function authConnectionParams(credential: string | undefined): Record<string, string> {
  return authHeaders(credential);
}

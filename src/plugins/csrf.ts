/**
 * CSRF prevention for what a cross-site page can make a browser send without a preflight.
 *
 * This gateway takes credentials only from headers (`authorization: Bearer`, `x-api-key`), which
 * a browser never attaches by itself: a cross-site request carries no credentials, so it can do
 * nothing a stranger could not do directly. What remains is a network position: a page can make
 * a browser inside a private network reach a gateway there that allows anonymous access.
 * - GET: queries only (Yoga answers 405 to a mutation over GET) and no side effect, so a GET
 *   needs no CSRF header, as urql's and Apollo's defaults (`preferGetMethod`, `useGETForQueries`)
 *   and EventSource (which cannot set headers) send them. A GET that carries a cookie (a proxy
 *   in front may use cookies) still needs the header.
 * - POST with a form or text content type (a "simple" request, no preflight) may carry a
 *   mutation: it needs `x-graphql-yoga-csrf` or `apollo-require-preflight`. JSON POSTs are
 *   preflighted by browsers, so they need nothing.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';

/** Headers a browser client must send on simple (non-preflighted) POSTs and cookie GETs. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight'];

export function useCsrfPrevention(): Plugin {
  const headerCheck = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      const { request } = payload;
      if (request.method === 'GET' && !request.headers.has('cookie')) return;
      return headerCheck.onRequestParse?.(payload);
    },
  };
}

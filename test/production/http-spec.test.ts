/**
 * The GraphQL over HTTP spec audits (graphql-http's serverAudits) against the real server,
 * configured for production (API key required): every MUST, SHOULD and MAY audit passes, with
 * or without the CSRF header (GET queries need none: src/plugins/csrf.ts).
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_KEY, startProdServer } from './helpers.js';

describe('GraphQL over HTTP audits', () => {
  let s: Awaited<ReturnType<typeof startProdServer>>;
  beforeAll(async () => {
    s = await startProdServer({});
  });
  afterAll(() => s.stop());

  // A browser-less client: the API key, and (unless told) the CSRF header simple GETs need.
  const fetchWith =
    (csrf: boolean) =>
    (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('x-api-key', READ_KEY);
      if (csrf) headers.set('x-graphql-yoga-csrf', '1');
      return fetch(input, { ...init, headers });
    };

  const run = async (csrf: boolean) => {
    const audits = serverAudits({ url: () => s.url, fetchFn: fetchWith(csrf) });
    const failures: { id: string; name: string; reason: string }[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status !== 'ok') {
        failures.push({ id: audit.id, name: audit.name, reason: result.reason });
      }
    }
    return { audits, failures };
  };

  it.each([
    ['with', true],
    ['without', false],
  ])('passes every MUST, SHOULD and MAY audit %s the CSRF header', async (_, csrf) => {
    const { audits, failures } = await run(csrf);
    expect(audits.length).toBeGreaterThan(30);
    expect(audits.some((a) => a.name.startsWith('MAY'))).toBe(true);
    expect(failures).toEqual([]);
  });
});

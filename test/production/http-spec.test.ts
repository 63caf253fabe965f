/**
 * The GraphQL over HTTP spec audits (graphql-http's serverAudits) against the real server,
 * configured for production (API key required): every MUST passes; the SHOULDs that do not
 * are listed below with the reason, and any other failure fails the test.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_KEY, startProdServer } from './helpers.js';

/** SHOULD-level audits the gateway does not meet, by audit id, with why. */
const KNOWN_SHOULD_FAILURES: Record<string, string> = {};

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

  it('passes every MUST and the expected SHOULDs', async () => {
    const { audits, failures } = await run(true);
    const must = failures.filter((f) => f.name.startsWith('MUST'));
    const should = failures.filter((f) => !f.name.startsWith('MUST'));
    for (const f of should) {
      console.warn(`SHOULD audit not met: ${f.id} ${f.name}: ${f.reason}`);
    }
    expect(audits.length).toBeGreaterThan(30);
    expect(must).toEqual([]);
    expect(should.map((f) => f.id).sort()).toEqual(Object.keys(KNOWN_SHOULD_FAILURES).sort());
  });

  it('without the CSRF header, only the MAY audits of simple GETs fail (refused by design)', async () => {
    const { failures } = await run(false);
    expect(failures.filter((f) => f.name.startsWith('MUST'))).toEqual([]);
    expect(failures.map((f) => f.id).sort()).toEqual(['5A70', '6A70', 'D6D5']);
    for (const f of failures) expect(f.name).toMatch(/^MAY .*GET/);
  });
});

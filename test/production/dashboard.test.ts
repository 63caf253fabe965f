/**
 * The dashboard's static files (src/plugins/dashboard.ts) through yoga.fetch: index.html
 * no-cache with a same-origin Content-Security-Policy, hashed assets immutable and gzipped,
 * unknown assets 404, GraphiQL still at /graphql, DASHBOARD=false turns it off, and an unbuilt
 * dashboard says how to build it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const dir = mkdtempSync(join(tmpdir(), 'dashboard-static-'));
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

describe('dashboard static files', () => {
  let gw: TestGateway;
  let off: TestGateway;
  let unbuilt: TestGateway;
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><script type="module" src="/assets/main-ABCD1234.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'main-ABCD1234.js'), SCRIPT);
    gw = await startTestGateway({ config: { dashboardDir: dir } });
    off = await startTestGateway({ env: { DASHBOARD: 'false' }, config: { dashboardDir: dir } });
    unbuilt = await startTestGateway({ config: { dashboardDir: join(dir, 'missing') } });
  });
  afterAll(async () => {
    await Promise.all([gw?.close(), off?.close(), unbuilt?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (g: TestGateway, path: string, headers: Record<string, string> = {}) =>
    g.gateway.yoga.fetch(`http://test${path}`, { headers });

  it('serves index.html at / with no-cache and a same-origin CSP', async () => {
    const res = await get(gw, '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('/assets/main-ABCD1234.js');
  });

  it('serves hashed assets as immutable, gzipped when accepted', async () => {
    const plain = await get(gw, '/assets/main-ABCD1234.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
    const zipped = await get(gw, '/assets/main-ABCD1234.js', { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await zipped.arrayBuffer());
    // yoga.fetch does not decode: the bytes are the gzip stream.
    expect(gunzipSync(body).toString()).toBe(SCRIPT);
    expect(body.byteLength).toBeLessThan(SCRIPT.length / 4);
  });

  it('answers 404 for an unknown asset and leaves other paths to the gateway', async () => {
    expect((await get(gw, '/assets/nope.js')).status).toBe(404);
    // Names are looked up in the list read at start: no path reaches the file system.
    expect((await get(gw, '/assets/..%2Findex.html')).status).toBe(404);
    const graphiql = await get(gw, '/graphql', { accept: 'text/html' });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('graphiql');
    const r = await gw.query<{ __typename: string }>('{ __typename }');
    expect(r.data?.__typename).toBe('Query');
  });

  it('is off with DASHBOARD=false', async () => {
    expect((await get(off, '/')).status).toBe(404);
    expect((await get(off, '/assets/main-ABCD1234.js')).status).toBe(404);
    expect((await off.query<{ __typename: string }>('{ __typename }')).data?.__typename).toBe(
      'Query',
    );
  });

  it('says how to build it when it is not built', async () => {
    const res = await get(unbuilt, '/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('npm run build');
  });
});

describe('a persisted hash sent to a gateway with PERSISTED_OPERATIONS=off', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ config: { dashboardDir: dir } });
  });
  afterAll(() => gw?.close());

  it('runs a listed hash sent alone (the dashboard sends hashes only); an unlisted one is an APQ miss', async () => {
    const post = async (body: unknown) =>
      (
        await gw.gateway.yoga.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    const [listedHash, listedDocument] =
      Object.entries(
        JSON.parse(readFileSync('src/gql/persisted-documents.json', 'utf8')) as Record<
          string,
          string
        >,
      ).find(([, document]) => document.startsWith('query') && !document.includes('$')) ?? [];
    expect(listedHash).toBeDefined();
    const listed = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: listedHash } },
    });
    expect(listed.errors).toBeUndefined();
    expect(listed.data).toBeTruthy();
    // The text of a listed hash runs as sent (clients print documents their own way).
    const withText = await post({
      query: `${listedDocument}\n`,
      extensions: { persistedQuery: { version: 1, sha256Hash: listedHash } },
    });
    expect(withText.errors).toBeUndefined();
    const unlisted = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(unlisted.errors?.[0]).toMatchObject({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
  });
});

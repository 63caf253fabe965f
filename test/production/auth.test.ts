/**
 * Authentication (API keys by sha256, JWT by HS256 secret or JWKS) and scope authorization
 * over HTTP, against a seeded emulator. The WebSocket side is in websocket.test.ts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_KEY,
  JWT_SECRET,
  type ProdGateway,
  READ_KEY,
  startProdGateway,
  WRITE_KEY,
} from './helpers.js';

const FLOWS = '{ flows(first: 2) { edges { node { flowName } } } }';
const START = `mutation { startFlow(input: { flowName: "salesforce-accounts-to-s3" }) {
  __typename ... on StartFlowSuccess { execution { executionId } } } }`;
const DELETE = `mutation { deleteFlow(input: { flowName: "inventory-products-sync" }) { __typename } }`;

const hs256 = (claims: Record<string, unknown>, opts: { exp?: string; aud?: string } = {}) => {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-1')
    .setIssuedAt()
    .setIssuer('https://issuer.test')
    .setExpirationTime(opts.exp ?? '5m');
  if (opts.aud) jwt = jwt.setAudience(opts.aud);
  return jwt.sign(new TextEncoder().encode(JWT_SECRET));
};

describe('HTTP authentication and scopes', () => {
  let g: ProdGateway;
  beforeAll(async () => {
    g = await startProdGateway({ JWT_ISSUER: 'https://issuer.test', JWT_AUDIENCE: 'gateway' });
  });
  afterAll(() => g.close());

  it('refuses a request without credentials with 401 UNAUTHENTICATED', async () => {
    const r = await g.post({ query: FLOWS });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.body.data).toBeUndefined();
  });

  it('refuses an unknown API key and a malformed authorization header', async () => {
    const bad = await g.post({ query: FLOWS }, { 'x-api-key': 'not-a-key' });
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const basic = await g.post({ query: FLOWS }, { authorization: 'Basic abc' });
    expect(basic.status).toBe(401);
  });

  it('serves reads to a read key, by x-api-key or as a bearer token', async () => {
    const variants: Record<string, string>[] = [
      { 'x-api-key': READ_KEY },
      { authorization: `Bearer ${READ_KEY}` },
    ];
    for (const headers of variants) {
      const r = await g.post({ query: FLOWS }, headers);
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      expect((r.body.data as { flows: { edges: unknown[] } }).flows.edges).toHaveLength(2);
    }
  });

  it('denies a mutation to a read key with FORBIDDEN, no data and no AppFlow call', async () => {
    await g.emulator.control.clearRequests();
    const r = await g.post({ query: START }, { 'x-api-key': READ_KEY });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Root fields are nullable: the refused field is null, with the error beside it.
    expect(r.body.data).toEqual({ startFlow: null });
    expect((await g.emulator.control.requests()).byOperation.StartFlow ?? 0).toBe(0);
  });

  it('lets a write key run a flow but not delete one (admin)', async () => {
    const run = await g.post({ query: START }, { 'x-api-key': WRITE_KEY });
    expect(run.body.errors).toBeUndefined();
    expect(run.body.data).toMatchObject({ startFlow: { __typename: 'StartFlowSuccess' } });
    await g.emulator.control.clearRequests();
    const del = await g.post({ query: DELETE }, { 'x-api-key': WRITE_KEY });
    expect(del.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await g.emulator.control.requests()).byOperation.DeleteFlow ?? 0).toBe(0);
    const admin = await g.post({ query: DELETE }, { 'x-api-key': ADMIN_KEY });
    expect(admin.body.errors).toBeUndefined();
    expect(admin.body.data).toMatchObject({ deleteFlow: { __typename: 'DeleteFlowSuccess' } });
  });

  it('takes scopes from a valid HS256 JWT and checks issuer, audience and expiry', async () => {
    const reader = await hs256({ scope: 'read' }, { aud: 'gateway' });
    const ok = await g.post({ query: FLOWS }, { authorization: `Bearer ${reader}` });
    expect(ok.body.errors).toBeUndefined();
    const denied = await g.post({ query: START }, { authorization: `Bearer ${reader}` });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const noScope = await hs256({}, { aud: 'gateway' });
    const none = await g.post({ query: FLOWS }, { authorization: `Bearer ${noScope}` });
    expect(none.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(none.body.data).toEqual({ flows: null });

    const wrongAud = await hs256({ scope: 'read' }, { aud: 'someone-else' });
    const expired = await hs256({ scope: 'read' }, { aud: 'gateway', exp: '-1m' });
    const forged = `${reader.slice(0, -4)}AAAA`;
    for (const token of [wrongAud, expired, forged]) {
      const r = await g.post({ query: FLOWS }, { authorization: `Bearer ${token}` });
      expect(r.status).toBe(401);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(r.body)).not.toContain(token);
    }
  });

  it('refuses a JWT without sub: tokens without a subject would all share one viewer', async () => {
    const noSub = await new SignJWT({ scope: 'read' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setIssuer('https://issuer.test')
      .setAudience('gateway')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JWT_SECRET));
    const r = await g.post({ query: FLOWS }, { authorization: `Bearer ${noSub}` });
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.body.errors?.[0]?.message).toMatch(/sub/);
  });
});

describe('JWKS', () => {
  let jwks: Server;
  let g: ProdGateway;
  let sign: (claims: Record<string, unknown>) => Promise<string>;
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const { port } = jwks.address() as AddressInfo;
    sign = (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('svc')
        .setExpirationTime('5m')
        .sign(privateKey);
    g = await startProdGateway({ JWT_SECRET: '', JWKS_URL: `http://127.0.0.1:${port}/jwks` });
  });
  afterAll(async () => {
    await g.close();
    await new Promise((r) => jwks.close(r));
  });

  it('verifies tokens against the key set and refuses others', async () => {
    const ok = await g.post(
      { query: FLOWS },
      { authorization: `Bearer ${await sign({ scp: ['read'] })}` },
    );
    expect(ok.body.errors).toBeUndefined();
    const { privateKey: other } = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ scope: 'read' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setExpirationTime('5m')
      .sign(other);
    const r = await g.post({ query: FLOWS }, { authorization: `Bearer ${foreign}` });
    expect(r.status).toBe(401);
  });
});

describe('anonymous access', () => {
  it('is granted every scope only when ALLOW_ANONYMOUS is set', async () => {
    const g = await startProdGateway({ ALLOW_ANONYMOUS: 'true' });
    try {
      const r = await g.post({ query: FLOWS });
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      // A wrong credential is still refused, never downgraded to anonymous.
      const bad = await g.post({ query: FLOWS }, { 'x-api-key': 'wrong' });
      expect(bad.status).toBe(401);
    } finally {
      await g.close();
    }
  });
});

/**
 * What is exposed, and to whom (issue 24 items 3, 4 and 8): /metrics is not on the public
 * port but on its own listener (METRICS_PORT, loopback by default); operation names become
 * metric labels only when they are short, valid GraphQL names (else `other`); `npm start`
 * listens on 127.0.0.1 and keeps anonymous access off on any other interface unless asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { reachLine } from '../../src/server.js';
import { READ_KEY, startProdGateway, startProdServer } from './helpers.js';

describe('/metrics has its own listener', () => {
  let s: Awaited<ReturnType<typeof startProdServer>>;
  beforeAll(async () => {
    s = await startProdServer({ SHUTDOWN_DELAY_MS: '0' }, { metricsPort: 0 });
  });
  afterAll(() => s.stop());

  it('is not served on the main port', async () => {
    const res = await fetch(`${s.url.replace(/\/graphql$/, '')}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('graphql_operations_total');
  });
  it('is served on the metrics listener, bound to 127.0.0.1', async () => {
    expect(s.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const res = await fetch(s.metricsUrl!);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('graphql_operations_total');
    expect((await fetch(s.metricsUrl!.replace(/metrics$/, 'graphql'))).status).toBe(404);
  });
  it('defaults to 127.0.0.1:9090 and can be turned off', () => {
    const c = loadConfig({});
    expect([c.metricsHost, c.metricsPort]).toEqual(['127.0.0.1', 9090]);
    expect(loadConfig({ METRICS_PORT: 'off' }).metricsPort).toBeUndefined();
  });
});

describe('operation-name labels are bounded', () => {
  let gw: Awaited<ReturnType<typeof startProdGateway>>;
  beforeAll(async () => {
    gw = await startProdGateway({ MAX_TOKENS: '100000' });
  });
  afterAll(() => gw.close());

  it('20 operations named with 100 KB each leave /metrics small (the report: 9 KB -> 30 MB)', async () => {
    const render = async () => (await gw.gateway.production.metrics.render()).body;
    const before = (await render()).length;
    for (let i = 0; i < 20; i++) {
      const name = `${'a'.repeat(100_000)}${i}`;
      const r = await gw.post({ query: `query ${name} { __typename }` }, { 'x-api-key': READ_KEY });
      expect(r.status).toBe(200);
    }
    const text = await render();
    expect(text.length - before).toBeLessThan(10_000);
    expect(text).toMatch(
      /graphql_operations_total\{operation="other",type="query",outcome="ok"\} 20/,
    );
  });
  it('keeps short valid names', async () => {
    await gw.post({ query: 'query Dash { __typename }' }, { 'x-api-key': READ_KEY });
    expect((await gw.gateway.production.metrics.render()).body).toContain('operation="Dash"');
  });
});

describe('npm start: loopback by default, anonymous only on loopback unless asked', () => {
  it('listens on 127.0.0.1 with the demo anonymous access', () => {
    const c = loadConfig({});
    expect(c.host).toBe('127.0.0.1');
    expect(c.allowAnonymous).toBe(true);
    expect(reachLine(c)).toMatch(/only this machine.*every scope/);
  });
  it('turns anonymous access off on any other interface', () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
      const c = loadConfig({ HOST });
      expect(c.allowAnonymous, HOST).toBe(false);
      expect(reachLine(c)).toMatch(/anyone who can reach.*needs an API key or a JWT/);
    }
    for (const HOST of ['127.0.0.1', '::1', 'localhost', '[::1]']) {
      expect(loadConfig({ HOST }).allowAnonymous, HOST).toBe(true);
    }
  });
  it('keeps anonymous access on another interface only when ALLOW_ANONYMOUS says so', () => {
    const c = loadConfig({ HOST: '0.0.0.0', ALLOW_ANONYMOUS: 'true' });
    expect(c.allowAnonymous).toBe(true);
    expect(reachLine(c, 'http://127.0.0.1:9090/metrics')).toMatch(
      /anyone who can reach 0\.0\.0\.0.*admin included.*metrics at http:\/\/127\.0\.0\.1:9090/,
    );
  });
});

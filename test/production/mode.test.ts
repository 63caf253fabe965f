/**
 * NODE_ENV=production: introspection, field suggestions and GraphiQL off unless enabled,
 * unexpected errors masked (and logged). Configuration: every variable validated with a clear
 * message, and documented in the README's configuration table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createGateway } from '../../src/yoga.js';
import { startTestEmulator } from '../helpers/emulator.js';
import { API_KEYS, JWT_SECRET, LogCapture, READ_KEY, startProdGateway } from './helpers.js';

const auth = { 'x-api-key': READ_KEY };
const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('production mode', () => {
  it('turns introspection, suggestions and GraphiQL off', async () => {
    const g = await startProdGateway({ NODE_ENV: 'production' });
    try {
      const intro = await g.post({ query: INTROSPECTION }, auth);
      expect(intro.body.errors?.[0]?.message).toMatch(/introspection/i);
      expect(intro.body.data).toBeUndefined();
      const typo = await g.post({ query: '{ flowz }' }, auth);
      expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const page = await g.fetch('/graphql', { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/<html/i);
    } finally {
      await g.close();
    }
  });

  it('enables them when asked; GraphiQL is served without any CDN', async () => {
    const g = await startProdGateway({
      NODE_ENV: 'production',
      INTROSPECTION: 'true',
      GRAPHIQL: 'true',
    });
    try {
      const intro = await g.post({ query: INTROSPECTION }, auth);
      expect(intro.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const page = await (await g.fetch('/graphql', { headers: { accept: 'text/html' } })).text();
      expect(page).toMatch(/<html/i);
      expect(page).toContain('appflow-gateway');
      expect(page).not.toMatch(/<script[^>]+src=["']?https?:/i);
      expect(page).not.toMatch(/<link[^>]+href=["']?https?:/i);
      expect(page).not.toContain('unpkg.com');
    } finally {
      await g.close();
    }
  });

  it('masks unexpected errors for the client and logs them', async () => {
    const emulator = await startTestEmulator({ seed: true });
    const logs = new LogCapture();
    const boom: Plugin = {
      onExecute() {
        throw new Error('internal detail 7d1f: db password hunter2 at /srv/app.js');
      },
    };
    const config = loadConfig(
      { NODE_ENV: 'production', API_KEYS, JWT_SECRET },
      { appflowEndpoint: emulator.url, embeddedEmulator: false },
    );
    const gateway = await createGateway(config, {
      plugins: [boom],
      logger: createLogger({ level: 'info' }, logs),
    });
    try {
      const res = await gateway.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      const text = await res.text();
      expect(text).toContain('Unexpected error.');
      expect(text).not.toContain('7d1f');
      expect(text).not.toContain('/srv/app.js');
      await new Promise((r) => setTimeout(r, 50));
      expect(logs.text).toContain('internal detail 7d1f');
    } finally {
      await gateway.close();
      await emulator.close();
    }
  });
});

describe('configuration', () => {
  const bad: [Record<string, string>, RegExp][] = [
    [{ API_KEYS: 'plaintext-key:read' }, /API_KEYS entry 1 must start with a sha256 hex digest/],
    [{ API_KEYS: `${'a'.repeat(64)}:read+root` }, /unknown scope "root"/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters/],
    [{ JWT_SECRET: 'x'.repeat(32), JWKS_URL: 'https://id.example.com/jwks' }, /not both/],
    [{ JWT_AUDIENCE: 'api' }, /JWT_ISSUER and JWT_AUDIENCE need JWT_SECRET or JWKS_URL/],
    [{ JWKS_URL: 'ftp://x' }, /JWKS_URL must use http: or https:/],
    [
      { CORS_ORIGINS: 'https://ok.example.com,example.com/path' },
      /CORS_ORIGINS entries must be origins/,
    ],
    [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL must be one of/],
    [{ MAX_DEPTH: 'deep' }, /MAX_DEPTH must be an integer from 1 to 1000, got "deep"/],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, /RATE_LIMIT_PER_MINUTE must be an integer/],
    [{ PERSISTED_OPERATIONS: 'sometimes' }, /PERSISTED_OPERATIONS must be off, allow or only/],
    [{ ALLOW_ANONYMOUS: 'maybe' }, /ALLOW_ANONYMOUS must be true or false/],
    [{ SHUTDOWN_DELAY_MS: '5000', SHUTDOWN_TIMEOUT_MS: '4000' }, /SHUTDOWN_DELAY_MS must be below/],
    [{ WS_INIT_TIMEOUT_MS: '5' }, /WS_INIT_TIMEOUT_MS must be an integer/],
  ];
  for (const [env, message] of bad) {
    it(`refuses ${Object.keys(env).join(' + ')} with a clear message`, () => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    });
  }

  it('reads the production variables', () => {
    const c = loadConfig({
      API_KEYS: `${'A'.repeat(64)}:read+write`,
      CORS_ORIGINS: 'https://a.example.com, *',
      MAX_DEPTH: '8',
      PERSISTED_OPERATIONS: 'ONLY',
      TRACING: 'yes',
    });
    expect(c.apiKeys).toEqual([{ sha256: 'a'.repeat(64), scopes: ['read', 'write'] }]);
    expect(c.corsOrigins).toEqual(['https://a.example.com', '*']);
    expect(c.limits.maxDepth).toBe(8);
    expect(c.persistedOperations).toBe('only');
    expect(c.tracing).toBe(true);
  });

  it('documents every variable it reads in the README or a docs/ page', () => {
    const source = readFileSync('src/config.ts', 'utf8');
    const names = new Set<string>();
    for (const m of source.matchAll(/env(?:\.|, ')([A-Z][A-Z0-9_]+)/g)) names.add(m[1]!);
    expect(names.size).toBeGreaterThan(30);
    const docs = [
      'README.md',
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const missing = [...names].filter((n) => !docs.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });
});

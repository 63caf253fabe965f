/**
 * The dashboard's build (scripts/build-web.mjs): the JavaScript stays within its budget
 * (250 KB gzipped), index.html points at content-hashed assets that exist and at nothing
 * off-site, and every operation the dashboard sends is in the gateway's persisted manifest.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const OUT = `dist/test-web-bundle-${process.pid}`;
const BUDGET_GZIP_BYTES = 250 * 1024;

describe('dashboard build', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-web.mjs', '--outdir', OUT], { stdio: 'pipe' });
  }, 60_000);
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it(`keeps the JavaScript within ${BUDGET_GZIP_BYTES / 1024} KB gzipped`, () => {
    const scripts = readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts).toHaveLength(1);
    const file = join(OUT, 'assets', scripts[0]);
    const gzipped = gzipSync(readFileSync(file), { level: 9 }).byteLength;
    console.log(
      `dashboard bundle: ${(statSync(file).size / 1024).toFixed(0)} KB minified, ${(gzipped / 1024).toFixed(1)} KB gzipped`,
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('writes index.html pointing at hashed assets that exist, nothing off-site', () => {
    const html = readFileSync(join(OUT, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    const assets = refs.filter((r) => r.startsWith('/assets/'));
    expect(assets.map((a) => a.replace(/-[A-Z0-9]{8}\./, '-HASH.'))).toEqual([
      '/assets/main-HASH.css',
      '/assets/main-HASH.js',
    ]);
    for (const a of assets) expect(statSync(join(OUT, a)).isFile()).toBe(true);
    expect(refs.filter((r) => /^(https?:)?\/\//.test(r))).toEqual([]);
  });

  it('sends only operations of the persisted manifest (web/src/gql is part of src/gql)', () => {
    const web = JSON.parse(readFileSync('web/src/gql/persisted-documents.json', 'utf8'));
    const server = JSON.parse(readFileSync('src/gql/persisted-documents.json', 'utf8'));
    expect(Object.keys(web).length).toBeGreaterThan(5);
    for (const [hash, text] of Object.entries(web)) expect(server[hash]).toBe(text);
    // The bundle carries the hashes, so the manifest and the app cannot drift apart.
    const js = readdirSync(join(OUT, 'assets')).find((f) => f.endsWith('.js'))!;
    const bundle = readFileSync(join(OUT, 'assets', js), 'utf8');
    for (const hash of Object.keys(web)) expect(bundle).toContain(hash);
  });
});

/**
 * The dashboard (web/) in a real browser (Debian's chromium through playwright-core), served
 * by a real gateway process with its embedded, seeded emulator, and PERSISTED_OPERATIONS=only:
 * every query, mutation and subscription the app sends must be a hash from the manifest.
 * The fleet has 100 flows (the seed plus synthetic ones); the time to its first render is
 * measured in the page and reported (not asserted). Off-site requests are counted by route
 * interception (and refused). Screenshots go to test-results/.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type RunningGateway, startServer } from '../../src/server.js';
import { chromiumOrSkip, launchChromium } from '../helpers/browser.js';

const hasChromium = chromiumOrSkip('dashboard');

const WEB_DIR = `dist/test-web-${process.pid}`;

/** The manifest hash of one of the dashboard's operations (the only way in with `only`). */
function hashOf(operationName: string): string {
  const manifest = JSON.parse(readFileSync('web/src/gql/persisted-documents.json', 'utf8'));
  const entry = Object.entries<string>(manifest).find(([, text]) =>
    new RegExp(
      `^(query|mutation|subscription) ${operationName}\\b|} (query|mutation|subscription) ${operationName}\\b`,
    ).test(text),
  );
  if (!entry) throw new Error(`${operationName} is not in the manifest`);
  return entry[0];
}
const FLOWS = 100;

/** Statuses a badge showed, in order, sampled until `done` matches (or the time is up). */
async function statusesUntil(page: Page, testId: string, done: RegExp, ms: number) {
  const seen: string[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const status = await page
      .getByTestId(testId)
      .getAttribute('data-status', { timeout: 1_000 })
      .catch(() => null);
    if (status && seen.at(-1) !== status) seen.push(status);
    if (status && done.test(status)) break;
    await page.waitForTimeout(100);
  }
  return seen;
}

const text = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).textContent({ timeout: 10_000 })) ?? '';

describe.skipIf(!hasChromium)('dashboard in chromium (PERSISTED_OPERATIONS=only)', () => {
  let server: RunningGateway;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const offsite: string[] = [];
  const graphqlRequests: { hasQuery: boolean; hasHash: boolean }[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-web.mjs', '--outdir', WEB_DIR], {
      stdio: 'pipe',
    });
    // The demo configuration (`npm start`) but persisted operations only; 10 s runs: long
    // enough to see InProgress and to cancel one on a loaded machine.
    const config = loadConfig(
      {
        APPFLOW_EMULATOR_RUN_SECONDS: '10',
        LOG_LEVEL: 'warn',
        PERSISTED_OPERATIONS: 'only',
        POLL_ACTIVE_MS: '250',
        // The fleet loop polls this often while no run is going (15 s by default): long, so
        // that a run started elsewhere must reach the fleet row from the mutation itself.
        POLL_IDLE_MS: '30000',
      },
      { port: 0, host: '127.0.0.1', metricsPort: 0, dashboardDir: WEB_DIR },
    );
    expect(config.embeddedEmulator).toBe(true);
    server = await startServer(config);
    // The seed's flows plus synthetic ones: 100 in all.
    const counts = await fetch(`${server.emulatorUrl}/_emulator/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ generate: { flows: FLOWS - 9, profiles: 3 } }),
    }).then((r) => r.json());
    expect(counts.flows).toBe(FLOWS);

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // Every request passes here: anything not for the gateway is counted and refused.
    const origin = new URL(server.url).host;
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host !== origin && !/^(data|blob):/.test(url.protocol)) {
        offsite.push(url.href);
        return route.abort();
      }
      if (url.pathname === '/graphql' && route.request().method() === 'POST') {
        const body = route.request().postDataJSON() as Record<string, any>;
        graphqlRequests.push({
          hasQuery: typeof body.query === 'string' && body.query.length > 0,
          hasHash: typeof body.extensions?.persistedQuery?.sha256Hash === 'string',
        });
      }
      return route.continue();
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    mkdirSync('test-results', { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(WEB_DIR, { recursive: true, force: true });
  });

  const base = () => server.url.replace(/\/graphql$/, '');

  it('lists the seeded flows in the fleet view (first render of 100 flows measured)', async () => {
    await page.goto(`${base()}/`, { waitUntil: 'load' });
    await page
      .getByTestId('fleet-row')
      .nth(FLOWS - 1)
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('fleet-row').count()).toBe(FLOWS);
    for (const name of ['salesforce-accounts-to-s3', 'zendesk-tickets-nightly']) {
      await expect(page.locator(`[data-flow="${name}"]`).count()).resolves.toBe(1);
    }
    // Where the time goes: the script, the first fleet query, the render.
    const timing = await page.evaluate(() => {
      const ms = (n: number | undefined) => (n === undefined ? null : Math.round(n));
      const mark = performance.getEntriesByName('fleet-rendered')[0];
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const script = resources.find((r) => /\/assets\/main-.*\.js$/.test(r.name));
      const query = resources.find((r) => r.name.endsWith('/graphql'));
      return {
        firstRenderMs: ms(mark?.startTime),
        scriptLoadedMs: ms(script?.responseEnd),
        fleetQueryStartMs: ms(query?.startTime),
        fleetQueryEndMs: ms(query?.responseEnd),
      };
    });
    expect(timing.firstRenderMs).not.toBeNull();
    console.log(
      `dashboard: first render of ${FLOWS} flows ${timing.firstRenderMs} ms after navigation ${JSON.stringify(timing)}`,
    );
    writeFileSync(
      'test-results/dashboard-metrics.json',
      JSON.stringify({ flows: FLOWS, ...timing }, null, 2),
    );
    await page.screenshot({ path: 'test-results/dashboard-fleet.png' });
    // Filters go to the server: only on-demand flows.
    await page.getByLabel('Trigger').selectOption('Scheduled');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="fleet-row"]').length > 0 &&
        document.querySelectorAll('[data-testid="fleet-row"]').length < 100,
    );
    const triggers = await page
      .locator('[data-testid="fleet-row"] td:nth-child(4)')
      .allInnerTexts();
    expect(new Set(triggers)).toEqual(new Set(['Scheduled']));
    await page.getByLabel('Trigger').selectOption('');
    await page.getByLabel('Search').fill('zendesk-tickets');
    await expect.poll(() => page.getByTestId('fleet-row').count()).toBe(1);
    await page.getByLabel('Search').fill('');
    // Tag (key=value) and connector filters, also on the server.
    await page.getByLabel('Tag').fill('team=sales-ops');
    await page.getByLabel('Tag').press('Enter');
    await expect
      .poll(() =>
        page
          .getByTestId('fleet-row')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-flow'))),
      )
      .toEqual(['salesforce-accounts-to-s3']);
    await page.getByLabel('Tag').fill('');
    await page.getByLabel('Tag').press('Enter');
    await page.getByLabel('Connector').selectOption('Snowflake');
    await expect
      .poll(() =>
        page
          .getByTestId('fleet-row')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-flow'))),
      )
      .toEqual(['zendesk-tickets-nightly']);
    await page.getByLabel('Connector').selectOption('');
  }, 90_000);

  it('starts an on-demand flow: InProgress, then Successful, without a reload', async () => {
    await page.goto(`${base()}/#/flows/salesforce-accounts-to-s3`);
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    await page.getByTestId('start').click();
    // While in progress the badge counts the elapsed time.
    await expect
      .poll(() => text(page, 'current-run-status'), { timeout: 10_000 })
      .toMatch(/^InProgress \d+s$/);
    const seen = await statusesUntil(page, 'current-run-status', /^(Successful|Error)$/, 45_000);
    expect(seen[0]).toBe('InProgress');
    expect(seen.at(-1)).toBe('Successful');
    expect(await text(page, 'mutation-outcome')).toContain('Started run');
    // The fleet badge of that flow followed (flowRunEvents / the shared cache), also live.
    await page.screenshot({ path: 'test-results/dashboard-flow.png', fullPage: true });
    expect(navigations.filter((u) => !u.includes('#/flows/'))).toEqual([]);
  }, 90_000);

  it('cancels a run: CancelStarted, then Canceled', async () => {
    await page.getByTestId('start').click();
    await page
      .locator('[data-testid="current-run-status"][data-status="InProgress"]')
      .waitFor({ timeout: 20_000 });
    // The followed run is the new one (its id is in the outcome line).
    expect(await text(page, 'mutation-outcome')).toContain('Started run');
    await page.getByTestId('cancel').click();
    const seen = await statusesUntil(
      page,
      'current-run-status',
      /^(Canceled|Successful|Error)$/,
      30_000,
    );
    expect(seen).toContain('CancelStarted');
    expect(seen.at(-1)).toBe('Canceled');
    expect(seen.indexOf('CancelStarted')).toBeLessThan(seen.indexOf('Canceled'));
    await page.screenshot({ path: 'test-results/dashboard-cancel.png' });
  }, 90_000);

  it('shows a mutation error as the gateway returns it', async () => {
    // Stopping an on-demand flow is refused by AppFlow: UnsupportedOperationError.
    await page.getByTestId('stop').click();
    await expect.poll(() => text(page, 'mutation-outcome')).toMatch(/^UnsupportedOperationError: /);
  }, 30_000);

  it('updates the fleet live from flowRunEvents when a run starts elsewhere', async () => {
    await page.goto(`${base()}/`);
    const row = page.locator('[data-flow="s3-leads-to-salesforce"]');
    await row.waitFor({ timeout: 20_000 });
    // Another client starts the run (by hash, as PERSISTED_OPERATIONS=only wants).
    const started = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: { flowName: 's3-leads-to-salesforce', idempotencyKey: 'browser-live' },
        extensions: { persistedQuery: { version: 1, sha256Hash: hashOf('StartFlowRun') } },
      }),
    }).then((r) => r.json());
    expect(started.data?.startFlow?.__typename).toBe('StartFlowSuccess');
    const badge = row.getByTestId('fleet-run-status');
    const seen: string[] = [];
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline) {
      const status = await badge.getAttribute('data-status', { timeout: 500 }).catch(() => null);
      if (status && seen.at(-1) !== status) seen.push(status);
      if (seen.includes('InProgress') && /^(Successful|Error)$/.test(status ?? '')) break;
      await page.waitForTimeout(100);
    }
    expect(seen).toContain('InProgress');
    expect(seen.at(-1)).toBe('Successful');
  }, 90_000);

  it('draws the charts from runStats', async () => {
    await page.goto(`${base()}/#/flows/salesforce-opportunities-hourly`);
    const canvas = page.locator('[data-testid="chart-runs"] canvas');
    await canvas.waitFor({ timeout: 20_000 });
    expect(await text(page, 'run-stats')).toMatch(/\d+ runs/);
    // Pixels in the runs series' colour (#2563eb): the bars are drawn, not only the axes.
    const painted = await canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - 37) < 30 && Math.abs(data[i + 1] - 99) < 30 && data[i + 2] > 200)
          n++;
      }
      return n;
    });
    expect(painted).toBeGreaterThan(50);
    await page.locator('.charts').screenshot({ path: 'test-results/dashboard-charts.png' });
    await page.screenshot({ path: 'test-results/dashboard-detail.png', fullPage: true });
  }, 60_000);

  it('shows a validateFlow problem at its field', async () => {
    await page.goto(`${base()}/#/check`);
    await page.getByTestId('check').click();
    await expect.poll(() => text(page, 'check-result')).toContain('valid');
    await page.getByLabel('Source profile').fill('salesforce-prdo');
    await page.getByTestId('check').click();
    const field = page.locator('[data-field="sourceFlowConfig.connectorProfileName"]');
    const problem = field.locator('[data-testid="problem"][data-code="PROFILE_NOT_FOUND"]');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.textContent()).toContain('salesforce-prod');
    expect(await field.locator('input').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: 'test-results/dashboard-check.png', fullPage: true });
  }, 60_000);

  it('lists connector profiles and connectors with the flows using them', async () => {
    // From a flow's linked profiles to that profile in the list.
    await page.goto(`${base()}/#/flows/salesforce-accounts-to-s3`);
    await page.getByRole('link', { name: 'salesforce-prod', exact: true }).click();
    await page.locator('tr.selected[data-testid="profile-row"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('tr.selected td').first().textContent()).toBe('salesforce-prod');
    await page.goto(`${base()}/#/profiles`);
    await page
      .getByTestId('profile-row')
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(async (error) => {
        await page.screenshot({ path: 'test-results/dashboard-profiles-failed.png' });
        throw error;
      });
    expect(await text(page, 'profiles')).toContain('salesforce-accounts-to-s3');
    await page.goto(`${base()}/#/connectors`);
    await page.getByTestId('connector-row').first().waitFor({ timeout: 20_000 });
    await expect
      .poll(() => text(page, 'connectors'))
      .toContain('zendesk-tickets-nightly')
      .catch(async (error) => {
        await page.screenshot({ path: 'test-results/dashboard-connectors-failed.png' });
        throw error;
      });
  }, 60_000);

  it('sent only persisted hashes, made no off-site request and threw nothing', () => {
    expect(graphqlRequests.length).toBeGreaterThan(3);
    expect(graphqlRequests.filter((r) => !r.hasHash || r.hasQuery)).toEqual([]);
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('dashboard sign-in (API keys, no anonymous access)', () => {
  const KEY = 'dashboard-browser-test-key';
  let server: RunningGateway;
  let browser: Browser;
  let page: Page;
  const keyHeaders: (string | undefined)[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-web.mjs', '--outdir', `${WEB_DIR}-auth`], {
      stdio: 'pipe',
    });
    const sha = createHash('sha256').update(KEY).digest('hex');
    const config = loadConfig(
      {
        APPFLOW_EMULATOR_RUN_SECONDS: '4',
        LOG_LEVEL: 'warn',
        ALLOW_ANONYMOUS: 'false',
        API_KEYS: `${sha}:read+write`,
        POLL_ACTIVE_MS: '250',
      },
      { port: 0, host: '127.0.0.1', metricsPort: 0, dashboardDir: `${WEB_DIR}-auth` },
    );
    server = await startServer(config);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/graphql' && r.method() === 'POST') {
        keyHeaders.push(r.headers()['x-api-key']);
      }
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(`${WEB_DIR}-auth`, { recursive: true, force: true });
  });

  it('asks for a key, keeps it in sessionStorage, sends it on HTTP and over graphql-ws', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    await page.goto(`${base}/`);
    await expect
      .poll(() => page.locator('[role="alert"]').first().textContent())
      .toContain('UNAUTHENTICATED');
    await page.getByLabel('API key or token').fill(KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('fleet-row').first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => sessionStorage.getItem('appflow-gateway.credential'))).toBe(
      KEY,
    );
    expect(keyHeaders.at(-1)).toBe(KEY);
    // A reload keeps the session; the run is followed over the WebSocket (the key in
    // connectionParams): the gateway refuses a socket without it.
    await page.goto(`${base}/#/flows/salesforce-accounts-to-s3`);
    await page.reload();
    await page.getByTestId('start').click();
    const seen = await statusesUntil(page, 'current-run-status', /^(Successful|Error)$/, 45_000);
    expect(seen.at(-1)).toBe('Successful');
    expect(await text(page, 'socket')).not.toBe('offline');
    await page.screenshot({ path: 'test-results/dashboard-signed-in.png' });
  }, 120_000);
});

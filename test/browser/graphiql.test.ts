/**
 * GraphiQL in a real browser (Debian's chromium through playwright-core), against the `npm
 * start` demo: the gateway with its embedded, seeded emulator. Offline by construction: the
 * page's assets come from the gateway (no CDN). Runs a query from the editor and checks the
 * seeded flows in the result pane, then follows a run to its end with a subscription over
 * WebSocket; opens on the example operations and builds a query by ticking fields in the
 * GraphiQL Explorer. Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type RunningGateway, startServer } from '../../src/server.js';
import { chromiumOrSkip, launchChromium } from '../helpers/browser.js';

const hasChromium = chromiumOrSkip('GraphiQL');

const FLOWS_QUERY = `query SeededFlows {
  flows(first: 3) {
    edges { node { flowName flowStatus } }
  }
}`;

/** Load GraphiQL with a document in its editor and press the run button. */
async function runInGraphiQL(page: Page, base: string, query: string) {
  await page.goto(`${base}?query=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  const run = page.locator('.graphiql-execute-button');
  await run.waitFor({ state: 'visible', timeout: 30_000 });
  // The editor shows the document from the URL before it is run.
  await page
    .locator('.graphiql-query-editor')
    .getByText('flowName', { exact: false })
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(() => {});
  await run.click();
}

/** The result pane's text (Monaco renders spaces as no-break spaces). */
const responseText = async (page: Page) =>
  (
    await page
      .locator('.graphiql-response')
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's layout-aware text (line breaks), not the DOM property
      .innerText({ timeout: 5_000 })
      .catch(() => '')
  ).replace(/\u00a0/g, ' ');

async function waitForResponse(
  page: Page,
  pred: (text: string) => boolean,
  ms: number,
  seen: string[] = [],
) {
  const deadline = Date.now() + ms;
  let text = '';
  while (Date.now() < deadline) {
    text = await responseText(page);
    if (seen.at(-1) !== text) seen.push(text);
    if (pred(text)) return text;
    await page.waitForTimeout(250);
  }
  throw new Error(`result pane never matched; last text:\n${text}`);
}

describe.skipIf(!hasChromium)('GraphiQL in chromium', () => {
  let server: RunningGateway;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const offsite: string[] = [];

  beforeAll(async () => {
    // The demo configuration (`npm start`): embedded seeded emulator, anonymous access,
    // GraphiQL on; 15 s runs: long enough for GraphiQL to show InProgress on a loaded machine,
    // short enough to watch one finish.
    const config = loadConfig(
      { APPFLOW_EMULATOR_RUN_SECONDS: '15', LOG_LEVEL: 'warn' },
      { port: 0, host: '127.0.0.1', metricsPort: 0 },
    );
    expect(config.embeddedEmulator).toBe(true);
    server = await startServer(config);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !/^(blob|data):/.test(r.url())) {
        offsite.push(r.url());
      }
    });
    mkdirSync('test-results', { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs a query from the editor and shows the seeded flows', async () => {
    await runInGraphiQL(page, server.url, FLOWS_QUERY);
    const text = await waitForResponse(
      page,
      (t) => t.includes('salesforce-accounts-to-s3'),
      30_000,
    );
    expect(text).toContain('"flowStatus"');
    await page.screenshot({ path: 'test-results/graphiql-query.png' });
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('opens on the example operations and builds a query in the GraphiQL Explorer', async () => {
    // A fresh page: no tabs remembered from the tests above.
    const fresh = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    fresh.on('pageerror', (e) => pageErrors.push(String(e)));
    try {
      await fresh.goto(server.url, { waitUntil: 'load' });
      await fresh.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
      // src/plugins/graphiql.ts: the dashboard, a mutation and a subscription from src/operations.
      expect(await fresh.locator('.graphiql-tab').allInnerTexts()).toEqual([
        'Dashboard',
        'StartFlow',
        'ExecutionUpdated',
      ]);
      await fresh.locator('.graphiql-tab-add').click();
      await fresh.locator('.graphiql-sidebar button[aria-label="Show GraphiQL Explorer"]').click();
      const explorer = fresh.locator('.graphiql-explorer-root');
      await explorer.locator('span[data-field-name="connectorInputMembers"]').first().click();
      const members = explorer.locator('.graphiql-explorer-connectorInputMembers');
      await members.locator('span[data-field-name="connectorType"]').first().click();
      await members.locator('span[data-field-name="sourceConnectorProperties"]').first().click();
      const editor = async () =>
        // biome-ignore lint/performance/useDomNodeTextContent: Playwright's layout-aware text (line breaks), not the DOM property
        (await fresh.locator('.graphiql-query-editor').innerText()).replace(/\u00a0/g, ' ');
      await expect
        .poll(editor, { timeout: 10_000 })
        .toMatch(/connectorInputMembers \{\s+connectorType\s+sourceConnectorProperties\s+\}/);
      await fresh.locator('.graphiql-execute-button').click();
      const text = await waitForResponse(fresh, (t) => t.includes('"GoogleAnalytics"'), 30_000);
      expect(text).toContain('"Googleanalytics"');
      await fresh.screenshot({ path: 'test-results/graphiql-explorer.png' });
      expect(offsite).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('follows a run to its end with a subscription over WebSocket', async () => {
    // Start a run through the API, then watch it from GraphiQL.
    const started = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { startFlow(input: { flowName: "salesforce-accounts-to-s3" }) {
          __typename ... on StartFlowSuccess { execution { executionId } } } }`,
      }),
    }).then((r) => r.json());
    const executionId = started.data?.startFlow?.execution?.executionId as string;
    expect(executionId).toBeTruthy();
    await runInGraphiQL(
      page,
      server.url,
      `subscription WatchRun {
  executionUpdated(flowName: "salesforce-accounts-to-s3", executionId: "${executionId}") {
    executionId
    executionStatus
  }
}`,
    );
    const seen: string[] = [];
    const text = await waitForResponse(page, (t) => /"Successful"|"Error"/.test(t), 60_000, seen);
    expect(text).toContain(executionId);
    expect(text).toMatch(/"executionStatus": "Successful"/);
    // The pane showed the run in progress first: a live update, not a one-off answer.
    expect(seen.some((t) => t.includes('"InProgress"'))).toBe(true);
    await page.screenshot({ path: 'test-results/graphiql.png' });
    expect(offsite).toEqual([]);
  }, 120_000);
});

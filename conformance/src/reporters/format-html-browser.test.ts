import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD_DATE } from '@vbem/mock';
import { builtinModel as model } from '@vbem/models';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runConformance } from '../runner/run-conformance.js';
import { requestText, type RunReport } from '../runner/run-report.js';
import { needChromium, openOffline, screenshotPath, type OfflinePage } from '../test-support/headless-chromium.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';
import { formatHtml } from './format-html.js';

let report: RunReport;
let file: string;
let opened: OfflinePage | undefined;

beforeAll(async () => {
  // The fake broken as runner/each-check-can-fail.test.ts breaks it: every date of every answer unreadable.
  const mock = await startObservedMock(4);
  try {
    for (const id of Object.keys(model.operations)) mock.faults[id] = { corrupt: 'bad-date' };
    report = await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 2, targets: ['server'], keepExchanges: true });
  } finally {
    await mock.close();
  }
  file = join(await mkdtemp(join(tmpdir(), 'vbem-html-')), 'report.html');
  await writeFile(file, formatHtml(report));
}, 180_000);
afterAll(async () => {
  await opened?.browser.close();
});

it('the run of a broken fake failed, so the page has failures to show', () => {
  expect(report.summary.failed).toBeGreaterThan(0);
});

it('opened in headless Chromium with no network, it shows the totals, the first failure with its exchange, and a working filter', async (ctx) => {
  needChromium(ctx);
  opened = await openOffline(file);
  const { page, attempted } = opened;

  await expect.poll(() => page.locator('#total-failed b').textContent()).toBe(String(report.summary.failed));
  expect(await page.locator('#total-passed b').textContent()).toBe(String(report.summary.passed));
  expect(await page.getByText(`Target: ${report.target}`).isVisible()).toBe(true);

  // The first failure, open with its exchange: request line and status visible, the named date highlighted.
  const first = page.locator('#results .row').first();
  expect(await first.locator('.status').textContent()).toBe('failed');
  const shown = await first.locator('.req').textContent();
  const failure = report.results.find((r) => r.status === 'failed' && requestText(r) === shown)!;
  expect(failure).toBeDefined();
  expect(await first.locator('.msg').textContent()).toBe(failure.message);
  const exchange = first.locator('.exchange');
  expect(await exchange.isVisible()).toBe(true);
  expect(await exchange.locator('.line').first().textContent()).toBe(`${failure.request.method} ${failure.request.url}`);
  expect(await exchange.getByText(/^HTTP 200 OK$/).isVisible()).toBe(true);
  expect(await exchange.locator('pre .hl').first().textContent()).toContain(BAD_DATE);

  // The filter: failed rows only, then every verdict, passed ones included.
  expect(await page.locator('#results .status.passed').count()).toBe(0);
  await page.getByRole('radio', { name: /All \(\d+\)/ }).check();
  await expect.poll(() => page.locator('#results h2').textContent()).toBe(`All results by check (${report.results.length})`);
  await page.locator('#results details').last().locator('summary').first().click();
  await page.locator('#results .status.passed').first().waitFor({ state: 'visible' });
  await page.getByRole('radio', { name: /Failed \(\d+\)/ }).check();
  await expect.poll(() => page.locator('#results .status.passed').count()).toBe(0);

  await page.locator('h1').scrollIntoViewIfNeeded();
  const screenshot = screenshotPath('html-report-failing-run.png');
  await page.screenshot({ path: screenshot, fullPage: false });
  console.log(`screenshot of the report of a failing run: ${screenshot}`);
  expect(attempted).toEqual([]);
}, 180_000);

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { needChromium, openOffline, screenshotPath, type OfflinePage } from '../test-support/headless-chromium.js';
import { syntheticReport } from '../test-support/synthetic-report.js';
import { formatHtml } from './format-html.js';

let opened: OfflinePage | undefined;
afterAll(async () => {
  await opened?.browser.close();
});

/** The elements of the page's document: what it costs the browser to lay out. */
const elements = (o: OfflinePage) => o.page.evaluate(() => document.getElementsByTagName('*').length);
const rows = (o: OfflinePage) => o.page.locator('#results .row').count();

it('a report of 10,000 checks opens with a small document, filters, and builds rows only as groups open, 50 at a time', async (ctx) => {
  needChromium(ctx);
  const report = syntheticReport(10_000);
  const file = join(await mkdtemp(join(tmpdir(), 'vbem-html-')), 'large.html');
  await writeFile(file, formatHtml(report));
  opened = await openOffline(file);
  const { page } = opened;

  await expect.poll(() => page.locator('#total-failed b').textContent()).toBe(String(report.summary.failed));
  // Failed first: the groups closed but the first, with its first 50 rows; the rest of the 1,000 not built.
  expect(await page.locator('#results h2').textContent()).toBe(`Failures by check (${report.summary.failed})`);
  await expect.poll(() => rows(opened!)).toBe(50);
  expect(await elements(opened)).toBeLessThan(1500);

  await page.getByRole('radio', { name: /All \(\d+\)/ }).check();
  await expect.poll(() => page.locator('#results h2').textContent()).toBe('All results by check (10000)');
  await expect.poll(() => rows(opened!)).toBe(0);
  expect(await elements(opened)).toBeLessThan(1500);

  const group = page.locator('#results > details').first();
  await group.locator('summary').first().click();
  await expect.poll(() => rows(opened!)).toBe(50);
  await group.getByRole('button', { name: /^Show 50 more/ }).click();
  await expect.poll(() => rows(opened!)).toBe(100);

  await page.getByRole('radio', { name: /operation/ }).check();
  await expect.poll(() => page.locator('#results h2').textContent()).toBe('All results by operation (10000)');
  expect(await page.locator('#results > details').count()).toBe(new Set(report.results.map((r) => r.operation)).size);
  await page.getByRole('radio', { name: /check/ }).check();

  await page.getByRole('radio', { name: /Warnings \(\d+\)/ }).check();
  await expect.poll(() => page.locator('#results h2').textContent()).toBe(`Warnings by check (${report.summary.warnings})`);
  await expect.poll(() => rows(opened!)).toBe(0);
  expect(await elements(opened)).toBeLessThan(1500);
  // A warning given on many exchanges is listed once, with where it appears.
  const warned = page.locator('#results > details').first();
  await warned.locator('summary').first().click();
  await expect.poll(() => rows(opened!)).toBe(1);
  await warned.locator('.where summary').waitFor();
  const where = await warned.locator('.where summary').textContent();
  const check = (await warned.locator('summary b').first().textContent())!;
  const times = report.results.filter((r) => r.status === 'warning' && r.check === check).length;
  expect(where).toMatch(new RegExp(`^Where it appears: ${times} times in \\d+ operations: `));
  await warned.locator('.where summary').click();
  await expect.poll(() => rows(opened!)).toBe(1 + Math.min(times, 50));

  const screenshot = screenshotPath('html-report-10000-checks.png');
  await page.screenshot({ path: screenshot });
  console.log(`screenshot of the report of 10,000 checks: ${screenshot}`);
  expect(opened.attempted).toEqual([]);
}, 180_000);

import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The system's Chromium (Debian's `chromium` package), or the one `VBEM_CHROMIUM` names: never a downloaded browser. */
export const CHROMIUM = process.env.VBEM_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here; in CI (`CI` set) they fail with it instead of skipping. */
export const NO_CHROMIUM = `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium; .ci/run does) or name one in VBEM_CHROMIUM`;

/** Skips the test without the browser, but fails it in CI, which must run it. */
export function needChromium(ctx: { skip: (note?: string) => void }): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CI) throw new Error(NO_CHROMIUM);
  ctx.skip(NO_CHROMIUM);
}

/** Where a browser test leaves its screenshots: the package's .vitest/screenshots (not committed). */
export function screenshotPath(name: string): string {
  const dir = resolve('.vitest', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

export interface OfflinePage {
  readonly browser: Browser;
  readonly page: Page;
  /** Every request the page tried besides its own file, each aborted: a self-contained page tries none. */
  readonly attempted: string[];
}

/** Opens a file in headless Chromium with the network cut off: any request other than the file itself is aborted and recorded. */
export async function openOffline(file: string): Promise<OfflinePage> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, timeout: 60_000 });
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const url = pathToFileURL(file).href;
  const attempted: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    attempted.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    if (request.url() !== url && !attempted.includes(request.url())) attempted.push(request.url());
  });
  page.setDefaultTimeout(30_000);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return { browser, page, attempted };
}

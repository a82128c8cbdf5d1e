import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { ExitStatus } from './exit-status.js';
import { main } from './main.js';

function terminal() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {} };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** The data the html page embeds. */
const pageDataOf = (html: string) => JSON.parse(/<script type="application\/json" id="vbem-data">([^]*?)<\/script>/.exec(html)![1]!) as { summary: { passed: number; failed: number } };

it('writes several reports in one run: pretty on the terminal, html and json to their files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'vbem-reporters-'));
  const [html, json] = [join(dir, 'report.html'), join(dir, 'report.json')];
  const t = terminal();
  expect(await main(['conformance', '--sample', '1', '--reporter', 'pretty', '--reporter', `html=${html}`, '--reporter', `json=${json}`], t.io)).toBe(ExitStatus.ok);
  const summary = (JSON.parse(await readFile(json, 'utf8')) as { summary: { passed: number; failed: number } }).summary;
  expect(summary.passed).toBeGreaterThan(0);
  const page = await readFile(html, 'utf8');
  expect(page).toMatch(/^<!DOCTYPE html>\n/);
  expect(pageDataOf(page).summary).toEqual(summary);
  expect(t.stdout()).toContain(`✓ All ${summary.passed} checks passed`);
  expect(t.stdout()).toContain(`; html report written to ${html}\n`);
  expect(t.stdout()).toContain(`; json report written to ${json}\n`);
}, 300_000);

it.each([
  [['--reporter', 'json', '--reporter', 'junit'], "--reporter: expected at most one reporter without =FILE (it writes to --output or standard output), got 'json' and 'junit'"],
  [['--reporter', 'html=a.html', '--output', 'b.html'], '--output: expected a --reporter without =FILE to write there, got every reporter with its own file'],
  [['--reporter', 'html=', '--reporter', 'pretty'], '--reporter: expected a file after html=, got none'],
  [['--reporter', 'json=same', '--reporter', 'junit=same'], '--reporter: expected a different file for each reporter, got same twice'],
  [['--reporter', 'html=x.html', '--reporter', 'pdf=x.pdf'], "--reporter: expected pretty, json, junit, html (NAME or NAME=FILE), got 'pdf=x.pdf'"],
])('refuses %j before any run, saying why', async (args, reason) => {
  const t = terminal();
  expect(await main(['conformance', ...args], t.io)).toBe(ExitStatus.couldNotRun);
  expect(t.stderr()).toBe(`vbem conformance: ${reason} (see --help)\n`);
  expect(t.stdout()).toBe('');
});

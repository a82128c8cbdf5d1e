import { builtinModel as model } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../redactor.js';
import { runConformance } from '../runner/run-conformance.js';
import { startObservedMock } from '../test-support/observed-mock.js';
import { formatHtml } from './format-html.js';
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatPretty } from './format-pretty.js';
import { createProgressPrinter } from './progress-printer.js';

/** Where a password shorter than six characters counts as shown: standing alone, not inside a longer word. */
const shown = (text: string, password: string) => new RegExp(`(?<![\\p{L}\\p{N}])${password}(?![\\p{L}\\p{N}])`, 'u').test(text);

/**
 * A full server run against the fake on loopback, logged on as a user with a short password, where
 * the server echoes the password: every link of every body ends in it instead of an id, so the
 * requests that follow the links, and the failures of the unknown ids they name, have it in their URL.
 */
async function runEchoing(password: string) {
  const user = 'svc-short';
  const mock = await startObservedMock(2, { [user]: password });
  const echo = (xml: string) => xml.replace(/Href="([^"?]*\/)[^"?/]+"/g, (_m, href: string) => `Href="${href}${password}"`);
  for (const id of Object.keys(model.operations)) mock.faults[id] = { mutate: echo };
  const progress: string[] = [];
  try {
    const report = await runConformance({ baseUrl: mock.url, username: user, password, sample: 1, targets: ['server'], keepExchanges: true, onProgress: createProgressPrinter({ write: (line) => progress.push(line) }) });
    return { report, progress: progress.join('\n'), received: mock.received };
  } finally {
    await mock.close();
  }
}

describe.each([
  ['a 6-character password', 'Tr0ub4'],
  ['a 3-character password', 'q7z'],
])('with %s', (_name, password) => {
  it('no reporter shows it, though the server echoed it into the URLs of the run', async () => {
    const { report, progress, received } = await runEchoing(password);
    expect(received.some((r) => r.url.includes(`/${password}`))).toBe(true);
    const outputs = { progress, pretty: formatPretty(report), prettyColor: formatPretty(report, { color: true }), json: formatJson(report), junit: formatJunit(report), html: formatHtml(report) };
    expect(Object.entries(outputs).flatMap(([reporter, text]) => (shown(text, password) ? [reporter] : []))).toEqual([]);
    // The echo reached the report: failures name the URLs that carried it: redaction had something to hide.
    expect(report.results.some((r) => r.status === 'failed' && r.request.url.includes(`/${REDACTED}`))).toBe(true);
  }, 300_000);
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { REDACTED } from '../redactor.js';
import { runConformance } from '../runner/run-conformance.js';
import type { RunReport } from '../runner/run-report.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';
import { formatHar } from './format-har.js';
import { formatHtml } from './format-html.js';
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatPretty } from './format-pretty.js';
import { createProgressPrinter } from './progress-printer.js';

let mock: ObservedMock;
let report: RunReport;
const progress: string[] = [];
const exchanges: Exchange[] = [];

beforeAll(async () => {
  mock = await startObservedMock(4);
  // Failures print messages and URLs: the logon body quotes its session id where it does not belong,
  // and the logoff (whose URL names the session) answers 200 instead of 204.
  mock.faults.logon = { mutate: (xml) => xml.replace(/^<LogonSession /, `<LogonSession Stray="${/<SessionId>([^<]*)</.exec(xml)?.[1]}" `) };
  mock.faults.logoff = { status: 200 };
  const printer = createProgressPrinter({ write: (line) => progress.push(line) });
  report = await runConformance({
    baseUrl: mock.url,
    username: TEST_USER,
    password: TEST_PASSWORD,
    targets: ['server'],
    keepExchanges: true,
    onProgress: (event) => {
      printer(event);
      if (event.kind === 'exchange') exchanges.push(event.exchange);
    },
  });
});
afterAll(() => mock.close());

const secrets = () => mock.logons.flatMap((l) => [l.token, l.id, Buffer.from(l.id).toString('base64')]).concat(TEST_PASSWORD);

it('the run logged on and its secrets are known to the test', () => {
  expect(mock.logons.length).toBeGreaterThan(0);
  expect(report.summary.failed).toBeGreaterThan(0);
});

it.each([
  ['pretty', () => progress.join('\n') + formatPretty(report)],
  ['json', () => formatJson(report)],
  ['junit', () => formatJunit(report)],
  ['har', () => formatHar(report)],
  ['html', () => formatHtml(report)],
])('the %s reporter shows no password, session token or logon session id', (_name, output) => {
  const text = output();
  for (const secret of secrets()) expect(text).not.toContain(secret);
  expect(text).toContain(REDACTED);
});

it('recorded exchanges carry the session header and credentials redacted', () => {
  const text = JSON.stringify(exchanges.map(({ request, response }) => ({ request, headers: response?.headers })));
  for (const secret of secrets()) expect(text).not.toContain(secret);
  const logon = exchanges.find((e) => e.operationId === 'logon' && e.probe === undefined)!;
  expect(logon.request.headers.authorization).toBe(`Basic ${REDACTED}`);
  expect(logon.response?.headers['x-restsvcsessionid']).toBe(REDACTED);
});

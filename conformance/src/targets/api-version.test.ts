import { api, operations } from '@vbem/models';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { formatJson } from '../reporters/format-json.js';
import { formatJunit } from '../reporters/format-junit.js';
import { formatPretty } from '../reporters/format-pretty.js';
import { runConformance } from '../runner/run-conformance.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';

let mock: ObservedMock;
beforeEach(async () => void (mock = await startObservedMock(2)));
afterEach(async () => mock.close());

const logonPath = new URL(`http://x${api.basePath}${operations.logon.path}`).pathname;
const logonsSent = () => mock.received.filter((r) => r.method === 'POST' && new URL(r.url, 'http://x').pathname === logonPath).map((r) => new URL(r.url, 'http://x').search);
const run = (representations?: readonly ('xml' | 'json')[]) => runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 1, targets: ['server'], ...(representations ? { representations } : {}) });

it('logs on with the alias the entry point offers and reports the newest advertised version as the one answering', async () => {
  const report = await run();
  expect(logonsSent()).toEqual(['?v=latest']);
  expect(report.api).toEqual({ asked: 'latest', version: 'v1_7', mediaType: api.mediaType, representations: ['xml', 'json'], mediaTypes: [api.mediaType, 'application/json'], jsonCasing: 'PascalCase' });
  expect(formatPretty(report)).toContain(`API version v1_7 (asked for latest), representations ${api.mediaType} and application/json (JSON keys in PascalCase, as documented)`);
  expect(JSON.parse(formatJson(report)).api).toEqual(report.api);
  expect(formatJunit(report)).toContain('<property name="api.version" value="v1_7"/>');
  expect(formatJunit(report)).toContain('<property name="api.representations" value="xml json"/>');
}, 300_000);

it('logs on with the newest advertised version where the entry point offers no alias', async () => {
  // The XML entry point only: the version is read from the first representation's.
  mock.faults[api.protocol.entryPoint] = { mutate: (xml) => xml.replaceAll(/<Link\b[^>]*\?v=latest[^>]*\/>/g, '') };
  const report = await run(['xml']);
  expect(logonsSent()).toEqual(['?v=v1_7']);
  expect(report.api).toEqual({ asked: 'v1_7', version: 'v1_7', mediaType: api.mediaType, representations: ['xml'], mediaTypes: [api.mediaType] });
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
}, 300_000);

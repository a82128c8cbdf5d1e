import { coverageLine, requestText, type Coverage, type ReportedResult, type RunReport, type TargetName } from '../runner/run-report.js';
import { groupBy } from './group-by.js';
import { serializeDocument, type XmlElement } from './xml-element.js';

const describe = (r: ReportedResult) => `${requestText(r)}: ${r.message}`;

/** One testcase per check and operation: failed if any request failed it, skipped if none judged it. */
function testcase(target: string, operation: string, check: string, results: readonly ReportedResult[]): XmlElement {
  const failed = results.filter((r) => r.status === 'failed');
  const warned = results.filter((r) => r.status === 'warning');
  const children: XmlElement[] = [];
  if (failed.length > 0) {
    children.push({ name: 'failure', attributes: { message: failed[0]!.message, type: check }, text: failed.map(describe).join('\n') });
  } else if (results.every((r) => r.status === 'skipped')) {
    children.push({ name: 'skipped', attributes: { message: results[0]!.message } });
  }
  if (warned.length > 0) children.push({ name: 'system-out', text: warned.map((r) => `warning: ${describe(r)}`).join('\n') });
  return { name: 'testcase', attributes: { classname: `${target}.${operation}`, name: check, time: 0 }, children };
}

/**
 * The report as JUnit XML for CI systems: a testsuite per target, a testcase per check and operation.
 * @example writeFileSync('conformance.xml', formatJunit(report))
 */
export function formatJunit(report: RunReport): string {
  const byTarget = groupBy(report.results, (r) => r.target);
  const coverage = (report.coverage ?? {}) as Partial<Record<TargetName, Coverage>>;
  for (const target of Object.keys(coverage)) if (!byTarget.has(target as TargetName)) byTarget.set(target as TargetName, []);
  const suites = [...byTarget].map(([target, results]): XmlElement => {
    const cases = [...groupBy(results, (r) => `${r.operation}\u0000${r.check}`)].map(([key, rs]) => {
      const [operation, check] = key.split('\u0000') as [string, string];
      return testcase(target, operation, check, rs);
    });
    const c = coverage[target as TargetName];
    for (const o of c?.operations ?? []) {
      if (o.status === 'skipped') cases.push({ name: 'testcase', attributes: { classname: `${target}.${o.operation}`, name: 'coverage', time: 0 }, children: [{ name: 'skipped', attributes: { message: o.reason } }] });
    }
    const property = (name: string, value: string): XmlElement => ({ name: 'property', attributes: { name, value } });
    const api = target === 'server' ? report.api : undefined;
    const properties = [
      ...(c ? [property('coverage', coverageLine(c))] : []),
      ...(api ? [property('api.version', api.version ?? 'not advertised'), ...(api.asked !== undefined ? [property('api.asked', api.asked)] : []), property('api.mediaType', api.mediaType), ...(api.representations ? [property('api.representations', api.representations.join(' '))] : []), ...(api.jsonCasing ? [property('api.jsonCasing', api.jsonCasing)] : [])] : []),
      ...(target === 'server' && report.labActions ? [property('labActions', report.labActions.sent.map((a) => `${a.method} ${a.url}`).join('; ') || 'none sent')] : []),
    ];
    const count = (name: string) => cases.filter((c) => c.children?.some((e) => e.name === name)).length;
    return {
      name: 'testsuite',
      attributes: { name: `vbem conformance: ${target}`, tests: cases.length, failures: count('failure'), errors: 0, skipped: count('skipped'), timestamp: report.startedAt },
      children: [...(properties.length > 0 ? [{ name: 'properties', children: properties }] : []), ...cases],
    };
  });
  const tests = suites.reduce((n, s) => n + Number(s.attributes!.tests), 0);
  const failures = suites.reduce((n, s) => n + Number(s.attributes!.failures), 0);
  const root: XmlElement = {
    name: 'testsuites',
    attributes: { name: `vbem conformance: ${report.target}`, tests, failures, time: (report.durationMs / 1000).toFixed(3) },
    children: suites,
  };
  return serializeDocument(root);
}

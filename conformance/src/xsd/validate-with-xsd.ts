import { validateXML } from 'xmllint-wasm';
import type { Exchange } from '../exchange.js';
import { understand } from '../understand.js';
import { SCHEMA_NAME } from './load-xsd.js';

/**
 * Validates every XML body of the run against the schema in one xmllint pass and returns the
 * findings per exchange (none for a valid body). Bodies that are not XML are left to body.xml; JSON answers have no XSD.
 * @example const findings = await validateWithXsd(exchanges, await loadXsd(file))
 */
export async function validateWithXsd(exchanges: readonly Exchange[], xsd: string): Promise<Map<Exchange, string[]>> {
  const bodies = exchanges.filter((e) => e.response && e.response.bodyBytes > 0 && understand(e).representation !== undefined && understand(e).wire === 'xml');
  const findings = new Map<Exchange, string[]>(bodies.map((e) => [e, []]));
  if (bodies.length === 0) return findings;
  const names = bodies.map((_, i) => `body-${i + 1}.xml`);
  const result = await validateXML({
    xml: bodies.map((e, i) => ({ fileName: names[i]!, contents: e.response!.body })),
    schema: [{ fileName: SCHEMA_NAME, contents: xsd }],
  });
  for (const error of result.errors) {
    const index = error.loc ? names.indexOf(error.loc.fileName) : -1;
    const where = error.loc ? `line ${error.loc.lineNumber}: ` : '';
    if (index >= 0) findings.get(bodies[index]!)!.push(`${where}${error.message.trim()}`);
  }
  return findings;
}

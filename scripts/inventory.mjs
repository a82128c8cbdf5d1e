// `node scripts/inventory.mjs [em_rest folder] [output file]`: takes the reference's operation inventory into
// spec/inventory.json, one entry per documented operation. Run it again only when the reference changes.
//
// The reference (../shared/veeam/em_rest/, one Markdown page per Help Center page) has no single index
// of its requests: its chapter pages ("In this section") miss 72 of them. What marks an operation page
// is its title, the request itself ("GET /backupServers/{ID}"); the four pages on the methods in general
// ("GET Method", …) are not operations.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const referenceDir = process.argv[2] ?? new URL('../../shared/veeam/em_rest/', import.meta.url).pathname;
const inventoryFile = process.argv[3] ?? new URL('../spec/inventory.json', import.meta.url).pathname;
const operationTitle = /^(GET|POST|PUT|DELETE) (\/.*)$/;

const operations = [];
const skipped = [];
for (const file of readdirSync(referenceDir).filter((f) => f.endsWith('.md')).sort()) {
  const text = readFileSync(join(referenceDir, file), 'utf8');
  const title = /^title: "(.*)"$/m.exec(text)?.[1];
  const sourceUrl = /^source_url: "(.*)"$/m.exec(text)?.[1];
  const request = title && operationTitle.exec(title);
  if (!request) {
    if (/^(get|post|put|delete)_/.test(file)) skipped.push(`${file} ("${title}")`);
    continue;
  }
  const docs = sourceUrl?.split('/').pop();
  if (docs !== file.replace(/\.md$/, '.html')) throw new Error(`${file}: source_url ${sourceUrl} does not name the page`);
  // One title has a stray space ("/security/accounts /{ID}/scopes/{ID}"): a path has none.
  const path = request[2].replace(/\s+/g, '');
  operations.push({ method: request[1], path, docs, family: familyOf(path) });
}

/**
 * The family of a path: its first segment, with the second when that is a name too
 * (`/cloud/tenants/{ID}` is cloud/tenants, `/jobs/{ID}/includes` jobs, `/query?type=Job` query).
 */
function familyOf(path) {
  const [first, second] = path.split('?')[0].split('/').filter(Boolean);
  return second && !second.startsWith('{') ? `${first}/${second}` : (first ?? '');
}

operations.sort((a, b) => a.family.localeCompare(b.family) || a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
const inventory = {
  summary: 'Every operation the Enterprise Manager REST API reference documents, one page each (taken by scripts/inventory.mjs; do not edit by hand).',
  source: 'https://helpcenter.veeam.com/docs/vbr/em_rest/ (v13, build 13.0.1.1071), as ../shared/veeam/em_rest/',
  operations,
};
const lines = operations.map((o) => `    ${JSON.stringify(o)}`);
writeFileSync(
  inventoryFile,
  `{\n  "summary": ${JSON.stringify(inventory.summary)},\n  "source": ${JSON.stringify(inventory.source)},\n  "operations": [\n${lines.join(',\n')}\n  ]\n}\n`,
);

const counts = ['GET', 'POST', 'PUT', 'DELETE'].map((m) => `${operations.filter((o) => o.method === m).length} ${m}`).join(', ');
console.log(`${operations.length} operations (${counts}) in ${new Set(operations.map((o) => o.family)).size} families -> ${inventoryFile}`);
if (skipped.length > 0) console.log(`not operations: ${skipped.join(', ')}`);

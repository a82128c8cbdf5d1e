import { header } from './header.js';
import type { ApiSpec, LinkTarget, OperationSpec } from '@vbem/models';
import type { OperationDef, ParamDef, Spec } from './spec-model.js';

const PARAM_TS: Record<string, string> = { int: 'number', long: 'number', boolean: 'boolean' };
const paramType = (p: ParamDef) =>
  p.const !== undefined ? `'${p.const}'` : p.enum ? p.enum.map((v) => `'${v}'`).join(' | ') : (PARAM_TS[p.type] ?? 'string');
const paramsType = (params: readonly ParamDef[]) =>
  params.length === 0 ? '{}' : `{ ${params.map((p) => `${p.name}${p.optional || p.const !== undefined ? '?' : ''}: ${paramType(p)};`).join(' ')} }`;

/** The success response's representations, by format. */
const successFormats = (op: OperationDef) => op.responses.find((r) => !r.error)?.formats ?? [];

/** The API facts as the operation table states them (without the codegen-only keys). */
export function apiOf(spec: Spec): ApiSpec {
  const { errors: _errors, docs: _docs, ...api } = spec.api;
  return api;
}

/** The operation table: each operation with its representations' root elements and bodies' media type. */
export function operationTable(spec: Spec): Record<string, OperationSpec> {
  const roots = new Map(spec.types.flatMap((t) => (t.kind === 'object' && t.root ? [[t.name, t.root] as const] : [])));
  return Object.fromEntries(
    spec.operations.map((op) => [
      op.id,
      {
        ...op,
        responses: op.responses.map((r) => ({
          ...r,
          ...(r.formats.length > 0 ? { mediaType: spec.api.mediaType } : {}),
          formats: r.formats.map((f) => ({ ...f, root: roots.get(f.body)! })),
        })),
      },
    ]),
  );
}

/**
 * The Veeam type each Link or Ref names, to every GET operation and format that fetch it: one type
 * may be served at several paths (a sub-collection under two parents), and the href tells which.
 */
export function linkTargetsOf(spec: Spec): Record<string, LinkTarget[]> {
  const linkTargets: Record<string, LinkTarget[]> = {};
  for (const op of spec.operations) {
    for (const f of successFormats(op)) {
      if (f.linkType && op.method === 'GET' && op.params.length > 0) (linkTargets[f.linkType] ??= []).push({ operation: op.id, format: f.format, body: f.body });
    }
  }
  return linkTargets;
}

/** `operations.gen.ts`: the API facts, the operation table, and the types each operation takes and returns. */
export function generateOperations(spec: Spec): string {
  const api = apiOf(spec);
  const table = operationTable(spec);
  const linkTargets = linkTargetsOf(spec);

  let out = header('operation table');
  out += "import type { ApiSpec, OperationSpec } from '../spec-types.js';\n";
  const bodies = spec.operations.flatMap((o) => [...successFormats(o).map((f) => f.body), ...(o.requestBody ? [o.requestBody.type] : [])]);
  out += `import type { ${[...new Set(bodies)].sort().join(', ')} } from './types.gen.js';\n\n`;
  out += `export const api = ${JSON.stringify(api, null, 2)} as const satisfies ApiSpec;\n\n`;
  out += `export const operations = ${JSON.stringify(table, null, 2)} as const satisfies Record<string, OperationSpec>;\n\n`;
  out += '/** Each operation\'s path and query parameters, its request body (`never` for none) and its success body by `format`. */\nexport interface OperationTypes {\n';
  for (const op of spec.operations) {
    const formats = successFormats(op).map((f) => `${f.format}: ${f.body};`).join(' ');
    const body = op.requestBody ? `${op.requestBody.type}${op.requestBody.optional ? ' | undefined' : ''}` : 'never';
    out += `  ${op.id}: { params: ${paramsType(op.params)}; query: ${paramsType(op.query)}; body: ${body}; formats: { ${formats} } };\n`;
  }
  out += '}\n\n';
  out += '/** The Veeam type a Link or Ref names, to every operation and format that GET it. */\n';
  out += `export const linkTargets = ${JSON.stringify(linkTargets, null, 2)} as const;\n\n`;
  out += '/** The model a Link or Ref of each Veeam type resolves to. */\nexport interface LinkTargetTypes {\n';
  out += Object.entries(linkTargets).map(([type, targets]) => `  ${type}: ${[...new Set(targets.map((t) => t.body))].join(' | ')};\n`).join('') + '}\n';
  return out;
}

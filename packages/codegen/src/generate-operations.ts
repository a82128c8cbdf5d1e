import { header } from './header.js';
import type { OperationDef, ParamDef, Spec } from './spec-model.js';

const PARAM_TS: Record<string, string> = { int: 'number', boolean: 'boolean' };
const paramType = (p: ParamDef) =>
  p.const !== undefined ? `'${p.const}'` : p.enum ? p.enum.map((v) => `'${v}'`).join(' | ') : (PARAM_TS[p.type] ?? 'string');
const paramsType = (params: readonly ParamDef[]) =>
  params.length === 0 ? '{}' : `{ ${params.map((p) => `${p.name}${p.optional || p.const !== undefined ? '?' : ''}: ${paramType(p)};`).join(' ')} }`;

/** The success response's representations, by format. */
const successFormats = (op: OperationDef) => op.responses.find((r) => !r.error)?.formats ?? [];

/** `operations.gen.ts`: the API facts, the operation table, and the types each operation takes and returns. */
export function generateOperations(spec: Spec): string {
  const { errors: _errors, docs: _docs, ...api } = spec.api;
  const roots = new Map(spec.types.flatMap((t) => (t.kind === 'object' && t.root ? [[t.name, t.root] as const] : [])));
  const table = Object.fromEntries(
    spec.operations.map((op) => [
      op.id,
      {
        ...op,
        responses: op.responses.map((r) => ({
          ...r,
          ...(r.formats.length > 0 ? { mediaType: spec.api.mediaType } : {}),
          formats: r.formats.map((f) => ({ ...f, root: roots.get(f.body) })),
        })),
      },
    ]),
  );
  const linkTargets: Record<string, { operation: string; format: string; body: string }> = {};
  for (const op of spec.operations) {
    for (const f of successFormats(op)) {
      if (f.linkType && op.params.length > 0) linkTargets[f.linkType] ??= { operation: op.id, format: f.format, body: f.body };
    }
  }

  let out = header('operation table');
  out += "import type { ApiSpec, OperationSpec } from '../spec-types.js';\n";
  out += `import type { ${[...new Set(spec.operations.flatMap((o) => successFormats(o).map((f) => f.body)))].sort().join(', ')} } from './types.gen.js';\n\n`;
  out += `export const api = ${JSON.stringify(api, null, 2)} as const satisfies ApiSpec;\n\n`;
  out += `export const operations = ${JSON.stringify(table, null, 2)} as const satisfies Record<string, OperationSpec>;\n\n`;
  out += '/** Each operation\'s path and query parameters and its success body by `format`. */\nexport interface OperationTypes {\n';
  for (const op of spec.operations) {
    const formats = successFormats(op).map((f) => `${f.format}: ${f.body};`).join(' ');
    out += `  ${op.id}: { params: ${paramsType(op.params)}; query: ${paramsType(op.query)}; formats: { ${formats} } };\n`;
  }
  out += '}\n\n';
  out += '/** The Veeam type a Link or Ref names, to the operation and format that GET it. */\n';
  out += `export const linkTargets = ${JSON.stringify(linkTargets, null, 2)} as const;\n\n`;
  out += '/** The model a Link or Ref of each Veeam type resolves to. */\nexport interface LinkTargetTypes {\n';
  out += Object.entries(linkTargets).map(([type, t]) => `  ${type}: ${t.body};\n`).join('') + '}\n';
  return out;
}

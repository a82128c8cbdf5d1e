import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, builtinModel, listItemOf, operations, successOf, type OperationSpec } from '@vbem/models';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createClient } from './create-client.js';
import { isLifecycle, methodPlans } from './method-names.js';

const all = Object.values(operations) as OperationSpec[];
const methodOperations = all.filter((o) => !isLifecycle(o, api));
/**
 * The README's rule ("Method names"), written again from its text: `group.method` for each method of an
 * operation. The group: the path's names before its first parameter; the verb: a fixed action's value, another
 * fixed value, or list/get/create/update/delete; then the names after the parameter; a format after the rest.
 */
function byRule(o: OperationSpec): string[] {
  const [, before = '', after = ''] = /^([^{]*?)(?:\/?\{[^}]+\}(.*))?$/.exec(o.path)!;
  const camel = (text: string) => text.split(/[/_-]+/).filter(Boolean).map((w, i) => (i === 0 ? w[0]!.toLowerCase() : w[0]!.toUpperCase()) + w.slice(1)).join('');
  const group = camel(before) || camel(api.basePath.split('/').pop()!);
  const fixed = o.query.filter((q) => q.const !== undefined);
  const action = fixed.find((q) => q.name === 'action')?.const;
  const other = fixed.find((q) => q.name !== 'action')?.const;
  const formats = o.method === 'GET' ? successOf(o).formats : [];
  const list = !o.path.endsWith('}') && formats.some((f) => f.format === 'default' && listItemOf(builtinModel, f.body) !== undefined);
  const verb = action ?? (other !== undefined ? other[0]!.toLowerCase() + other.slice(1) : ({ GET: list ? 'list' : 'get', POST: 'create', PUT: 'update', DELETE: 'delete' } as const)[o.method]);
  const rest = camel(after.replace(/\{[^}]+\}/g, ''));
  const base = verb + (rest ? rest[0]!.toUpperCase() + rest.slice(1) : '');
  if (o.method !== 'GET' || o.query.some((q) => q.name === 'page')) return [`${group}.${base}`];
  return formats.map((f) => `${group}.${f.format === 'default' ? base : base + (verb === 'list' ? (f.format.endsWith('y') ? `${f.format.slice(0, -1)}ies` : `${f.format}s`) : f.format)}`);
}

const client = createClient({ baseUrl: 'https://localhost:9398', sessionId: 'unused-token' }) as unknown as Record<string, Record<string, unknown>>;

describe('method names', () => {
  it('give every operation but logon and logoff at least one method', () => {
    expect(all.filter((o) => isLifecycle(o, api)).map((o) => o.id).sort()).toEqual([api.protocol.logon, api.protocol.logoff].sort());
    for (const operation of methodOperations) expect(methodPlans(operation).length, operation.id).toBeGreaterThan(0);
  });

  it('are what the path gives by the README\'s rule, for every operation of the table (derived here on its own)', () => {
    const derived = methodOperations.flatMap((o) => byRule(o).map((name) => `${o.id} ${name}`));
    const made = methodOperations.flatMap((o) => methodPlans(o).map((p) => `${o.id} ${o.resource}.${p.name}`));
    expect(made).toEqual(derived);
    // And the client has each of them, under that name.
    for (const entry of derived) {
      const [group, method] = entry.split(' ')[1]!.split('.') as [string, string];
      expect(typeof client[group]?.[method], entry).toBe('function');
    }
  });

  it('never collide within a resource group, and are exactly the methods of the client (tasks.wait besides)', () => {
    const expected = methodOperations.flatMap((o) => methodPlans(o).map((m) => `${o.resource}.${m.name}`));
    expect(new Set(expected).size).toBe(expected.length);
    const taskGroup = operations[api.protocol.task].resource;
    const groups = [...new Set(methodOperations.map((o) => o.resource))];
    const actual = groups.flatMap((r) => Object.keys(client[r]!).map((m) => `${r}.${m}`));
    expect(actual.sort()).toEqual([...expected, `${taskGroup}.wait`].sort());
  });

  it('agree with the type-level rule (MethodNamesOf) for every operation of the built-in model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vbem-names-'));
    try {
      const types = fileURLToPath(new URL('./resource-types.js', import.meta.url));
      const lines = methodOperations.map((o, i) => {
        const names = methodPlans(o).map((p) => JSON.stringify(p.name)).join(' | ');
        return `type Case${i} = Expect<Equal<MethodNamesOf<${JSON.stringify(o.id)}>, ${names}>>; // ${o.id}`;
      });
      const file = join(dir, 'agree.ts');
      writeFileSync(
        file,
        [
          `import type { MethodNamesOf } from ${JSON.stringify(types)};`,
          'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
          'type Expect<T extends true> = T;',
          ...lines,
          'export {};',
        ].join('\n'),
      );
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.esnext.disposable.d.ts'],
        types: [],
        noUnusedLocals: false,
      });
      const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file);
      expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
      expect(lines.length).toBe(methodOperations.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

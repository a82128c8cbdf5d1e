import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, operations, type OperationSpec } from '@vbem/models';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createClient } from './create-client.js';
import { isLifecycle, methodPlans, restOf, verbOf } from './method-names.js';

const all = Object.values(operations) as OperationSpec[];
const methodOperations = all.filter((o) => !isLifecycle(o, api));
const client = createClient({ baseUrl: 'https://localhost:9398', sessionId: 'unused-token' }) as unknown as Record<string, Record<string, unknown>>;

describe('method names', () => {
  it('give every operation but logon and logoff at least one method', () => {
    expect(all.filter((o) => isLifecycle(o, api)).map((o) => o.id).sort()).toEqual([api.protocol.logon, api.protocol.logoff].sort());
    for (const operation of methodOperations) expect(methodPlans(operation).length, operation.id).toBeGreaterThan(0);
  });

  it('are the verb and the rest of the id for every operation, the paged ones aside', () => {
    for (const operation of methodOperations) {
      const verb = verbOf(operation.id);
      expect(operation.id.startsWith(verb)).toBe(true);
      expect(operation.id.endsWith(restOf(operation))).toBe(true);
      for (const plan of methodPlans(operation)) {
        if (plan.kind === 'paged') expect(plan.name.toLowerCase()).toBe(operation.id.slice(verb.length).toLowerCase());
        else expect(plan.name.startsWith(`${verb}${restOf(operation)}`), `${operation.id} → ${plan.name}`).toBe(true);
        expect(plan.kind).toBe(operation.method !== 'GET' ? 'write' : plan.paged ? 'paged' : 'read');
      }
    }
  });

  it('strip the resource noun, plural or singular, and keep what follows it', () => {
    const made = (id: string, resource: string) => ({ ...all[0]!, id, resource, method: 'POST' as const });
    expect(methodPlans(made('listBackupSessionTaskSessions', 'backupSessions'))[0]!.name).toBe('listTaskSessions');
    expect(methodPlans(made('startCloudFailoverPlan', 'cloudFailoverPlans'))[0]!.name).toBe('start');
    expect(methodPlans(made('deleteRepositories', 'repositories'))[0]!.name).toBe('delete');
    expect(methodPlans(made('getRepositoryStats', 'repositories'))[0]!.name).toBe('getStats');
  });

  it('take the leading lowercase word of an id as its verb', () => {
    expect(['getEntryPoint', 'listCloudFailoverSessions', 'queryCloudFailoverSessions', 'logoff'].map(verbOf)).toEqual(['get', 'list', 'query', 'logoff']);
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

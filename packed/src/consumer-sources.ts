/** A resource method of the client: its group and name, as `methodPlans` gives them for the packed model. */
export interface ClientMethod {
  readonly group: string;
  readonly name: string;
}

const CLIENT = '@vbem/client';
const CREATE = `const client = createClient({ baseUrl: 'https://em.example.com:9398', username: 'user', password: 'secret' });`;

/**
 * A consumer that must compile: it imports, by name and as a value, every name each package gives
 * at run time, and reads every resource method of the client by name, typed as `VbemClient`.
 */
export function surfaceSource(names: ReadonlyMap<string, readonly string[]>, methods: readonly ClientMethod[]): string {
  const packages = [...names];
  const imports = packages.map(([pkg, values], i) => `import { ${values.map((v) => `${v} as p${i}_${v}`).join(', ')} } from '${pkg}';`);
  const values = packages.flatMap(([, list], i) => list.map((v) => `p${i}_${v}`));
  return [
    ...imports,
    `import { createClient, type VbemClient } from '${CLIENT}';`,
    '',
    `export const values: unknown[] = [${values.join(', ')}];`,
    CREATE.replace('const client', 'const client: VbemClient'),
    `export const methods: Array<(...args: never[]) => unknown> = [${methods.map((m) => `client.${m.group}.${m.name}`).join(', ')}];`,
    `export const waited = (task: Parameters<VbemClient['tasks']['wait']>[0]) => client.tasks.wait(task, { intervalMs: 100 });`,
    '',
  ].join('\n');
}

/** A consumer that must not compile: a misspelt method on a resource group of the client. */
export function wrongMethodSource(method: ClientMethod): { source: string; wrongName: string } {
  const wrongName = `${method.name}Typo`;
  return { source: [`import { createClient } from '${CLIENT}';`, CREATE, `export const call = client.${method.group}.${wrongName}();`, ''].join('\n'), wrongName };
}

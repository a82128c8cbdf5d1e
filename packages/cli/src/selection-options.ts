import { clientChecks, serverChecks, type ConformanceOptions } from '@vbem/conformance';

/** The options of `vbem conformance` that choose what runs: operations and checks, and the list of checks. */
export const SELECTION_OPTIONS = {
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  checks: { type: 'string', multiple: true },
  'exclude-checks': { type: 'string', multiple: true },
  'list-checks': { type: 'boolean', default: false },
} as const;

export const SELECTION_HELP = `  --include OP          run only these operations: an operation id, a resource or a glob of either
                        (repeatable: --include 'list*'); the others are left out by choice, sent
                        only where a chosen one needs them (default: every operation)
  --exclude OP          leave out these operations, the same way (repeatable; default: none)
  --checks ID           run only these checks: a check id or a glob (repeatable: --checks 'query.*')
                        (default: every check)
  --exclude-checks ID   leave out these checks (repeatable; default: none)
  --list-checks         print every check id with its one-line title, and exit`;

/** The selection options as runConformance takes them (a pattern that names nothing is refused there). */
export function selectionOf(values: { include?: string[]; exclude?: string[]; checks?: string[]; 'exclude-checks'?: string[] }): Pick<ConformanceOptions, 'include' | 'exclude' | 'includeChecks' | 'excludeChecks'> {
  return {
    ...(values.include ? { include: values.include } : {}),
    ...(values.exclude ? { exclude: values.exclude } : {}),
    ...(values.checks ? { includeChecks: values.checks } : {}),
    ...(values['exclude-checks'] ? { excludeChecks: values['exclude-checks'] } : {}),
  };
}

/**
 * Every check of each target, one a line: its id and its one-line title, from the check registry.
 * @example listChecks().startsWith('Server checks') // true
 */
export function listChecks(): string {
  const width = Math.max(...[...serverChecks, ...clientChecks].map((c) => c.id.length)) + 2;
  const section = (title: string, checks: typeof serverChecks) => [title, ...checks.map((c) => `  ${c.id.padEnd(width)}${c.title}`)];
  return [...section('Server checks (a server\'s responses)', serverChecks), '', ...section('Client checks (the client\'s requests and values)', clientChecks)].join('\n');
}

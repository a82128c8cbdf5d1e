import type { ApiModel } from '@vbem/models';
import type { Check } from '../check-result.js';
import { UsageError } from '../errors.js';
import { globRegExp } from './glob.js';
import type { TargetName } from './run-report.js';

/** What the user chose to run: names or globs to keep (none: all) and to leave out (none: nothing). */
export interface Patterns {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/** The option each list of patterns came from, for the message of a pattern that names nothing. */
interface OptionNames {
  readonly include: string;
  readonly exclude: string;
}

/**
 * The names kept by the patterns: those an include matches (every name, without includes) that no
 * exclude matches. A pattern that matches no name is a typo, not a choice: a UsageError naming it.
 */
function select(names: readonly string[], keysOf: (name: string) => readonly string[], patterns: Patterns, options: OptionNames, what: string): Set<string> {
  const matcher = (pattern: string, option: string) => {
    const re = globRegExp(pattern);
    const matches = names.filter((n) => keysOf(n).some((k) => re.test(k)));
    if (matches.length === 0) throw new UsageError(option, what, `'${pattern}', which names none`);
    return new Set(matches);
  };
  const included = patterns.include?.length ? patterns.include.map((p) => matcher(p, options.include)) : undefined;
  const excluded = (patterns.exclude ?? []).map((p) => matcher(p, options.exclude));
  return new Set(names.filter((n) => (included === undefined || included.some((s) => s.has(n))) && !excluded.some((s) => s.has(n))));
}

/**
 * The operations of the table a run judges: an operation is named by its id or its resource, or a
 * glob of either (`widgets*`). Undefined when nothing is left out by choice.
 * @throws {UsageError} for a pattern that names no operation.
 * @example selectOperations(model, { include: ['jobs'], exclude: ['startJob'] })
 */
export function selectOperations(model: ApiModel, patterns: Patterns): ReadonlySet<string> | undefined {
  if (!patterns.include?.length && !patterns.exclude?.length) return undefined;
  const operations = model.operations;
  return select(Object.keys(operations), (id) => [id, operations[id]!.resource], patterns, { include: 'include (--include)', exclude: 'exclude (--exclude)' }, 'an operation id, a resource or a glob of either (such as list*) that names an operation of the spec');
}

/**
 * The checks of each target kept by the check-id patterns (`query.*`), matched against every check
 * of both targets. Without patterns, the checks as given.
 * @throws {UsageError} for a pattern that names no check.
 * @example selectChecks({ server: serverChecks, client: clientChecks }, { exclude: ['query.*'] })
 */
export function selectChecks(checks: Readonly<Record<TargetName, readonly Check[]>>, patterns: Patterns): { checks: Record<TargetName, readonly Check[]>; leftOut: string[] } {
  const all = [...new Set([...checks.server, ...checks.client].map((c) => c.id))];
  if (!patterns.include?.length && !patterns.exclude?.length) return { checks: { ...checks }, leftOut: [] };
  const kept = select(all, (id) => [id], patterns, { include: 'includeChecks (--checks)', exclude: 'excludeChecks (--exclude-checks)' }, 'a check id or a glob of check ids (such as body.shape or query.*; vbem conformance --list-checks lists them)');
  return {
    checks: { server: checks.server.filter((c) => kept.has(c.id)), client: checks.client.filter((c) => kept.has(c.id)) },
    leftOut: all.filter((id) => !kept.has(id)),
  };
}

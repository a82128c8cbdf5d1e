import type { InventoryOperation } from './inventory.js';
import type { Spec } from './spec-model.js';

/** Covered and documented operations: all of them, and the GETs. */
export interface Tally {
  readonly covered: number;
  readonly documented: number;
  readonly getCovered: number;
  readonly getDocumented: number;
}

export interface FamilyCoverage extends Tally {
  readonly family: string;
}

/** How much of the reference the spec covers, matched by each operation's `docs` page. */
export interface Coverage {
  /** In the inventory's order of first appearance. */
  readonly families: readonly FamilyCoverage[];
  readonly total: Tally;
  /** The documented operations the spec does not have, in the inventory's order. */
  readonly missing: readonly InventoryOperation[];
  /** The protocol's entry point, which the reference documents in prose, on no operation page of its own. */
  readonly outside: readonly { readonly id: string; readonly method: string; readonly path: string; readonly docs: string }[];
}

/** The part of the spec coverage reads. */
export type CoverageSpec = {
  readonly api: Pick<Spec['api'], 'docs'> & { readonly protocol: Pick<Spec['api']['protocol'], 'entryPoint'> };
  readonly operations: readonly Pick<Spec['operations'][number], 'id' | 'method' | 'path' | 'docs'>[];
};

/** Spec operations whose `docs` page is no operation page of the inventory (or documents another method), so they cannot count. */
export class NotInInventoryError extends Error {
  override name = 'NotInInventoryError';
  constructor(readonly operations: readonly string[]) {
    super(
      `${operations.length} spec operation(s) name a docs page that is not the page of a documented operation with their method ` +
        `(expected a page of spec/inventory.json; to re-take it: node scripts/inventory.mjs):\n${operations.join('\n')}`,
    );
  }
}

/**
 * Compares the reference's inventory with the spec's operations by their `docs` page.
 * @throws {NotInInventoryError} naming every spec operation (but the protocol's entry point) whose page is not in the inventory for its method.
 * @example const { total } = coverageOf(loadInventory(), loadSpec()); `${total.covered}/${total.documented}`
 */
export function coverageOf(inventory: readonly InventoryOperation[], spec: CoverageSpec): Coverage {
  const byPage = new Map(inventory.map((o) => [o.docs, o]));
  const coveredPages = new Set<string>();
  const unknown: string[] = [];
  const outside: Coverage['outside'][number][] = [];
  for (const op of spec.operations) {
    const page = op.docs.startsWith(spec.api.docs) ? op.docs.slice(spec.api.docs.length) : op.docs;
    const documented = byPage.get(page);
    if (documented && documented.method === op.method) coveredPages.add(page);
    else if (op.id === spec.api.protocol.entryPoint && !documented) outside.push({ id: op.id, method: op.method, path: op.path, docs: page });
    else unknown.push(`  ${op.id} (${op.method} ${op.path}): ${documented ? `${page} documents ${documented.method} ${documented.path}` : `${page} is not in the inventory`}`);
  }
  if (unknown.length > 0) throw new NotInInventoryError(unknown);

  const families = new Map<string, InventoryOperation[]>();
  for (const o of inventory) families.set(o.family, [...(families.get(o.family) ?? []), o]);
  const tally = (ops: readonly InventoryOperation[]): Tally => {
    const gets = ops.filter((o) => o.method === 'GET');
    return {
      covered: ops.filter((o) => coveredPages.has(o.docs)).length,
      documented: ops.length,
      getCovered: gets.filter((o) => coveredPages.has(o.docs)).length,
      getDocumented: gets.length,
    };
  };
  return {
    families: [...families].map(([family, ops]) => ({ family, ...tally(ops) })),
    total: tally(inventory),
    missing: inventory.filter((o) => !coveredPages.has(o.docs)),
    outside,
  };
}

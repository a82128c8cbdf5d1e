import { readFileSync } from 'node:fs';

/** One operation the reference documents, on a page of its own. */
export interface InventoryOperation {
  readonly method: string;
  /** As the page's title writes it (`/backupServers/{ID}`). */
  readonly path: string;
  /** The page, relative to the reference's base URL (`get_backupservers.html`). */
  readonly docs: string;
  /** The path's first segment, with the second when that is a name too (`cloud/tenants`). */
  readonly family: string;
}

/** Where the inventory lives in a checkout of this repository (taken by scripts/inventory.mjs). */
export const defaultInventoryFile = new URL('../../../spec/inventory.json', import.meta.url).pathname;

/** The inventory file is not a list of `{ method, path, docs, family }`. */
export class InventoryError extends Error {
  override name = 'InventoryError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

const FIELDS = ['method', 'path', 'docs', 'family'] as const;

/**
 * Reads the reference's operation inventory.
 * @throws {InventoryError} when the file is not JSON with an `operations` list of `{ method, path, docs, family }` strings, or lists a page twice.
 * @example loadInventory().filter((o) => o.method === 'GET').length
 */
export function loadInventory(file: string = defaultInventoryFile): readonly InventoryOperation[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InventoryError(file, `expected JSON, got: ${(error as Error).message}`);
  }
  const operations = (data as { operations?: unknown } | null)?.operations;
  if (!Array.isArray(operations)) throw new InventoryError(file, 'expected an object with an "operations" list');
  const pages = new Set<string>();
  operations.forEach((o: unknown, i) => {
    for (const field of FIELDS) {
      const value = (o as Record<string, unknown> | null)?.[field];
      if (typeof value !== 'string' || value === '') {
        throw new InventoryError(file, `operations[${i}].${field}: expected a non-empty string, got ${JSON.stringify(value)}`);
      }
    }
    const { docs } = o as InventoryOperation;
    if (pages.has(docs)) throw new InventoryError(file, `operations[${i}].docs: ${docs} is listed twice`);
    pages.add(docs);
  });
  return operations as InventoryOperation[];
}

/** How a JSON body spells its keys: the documented PascalCase (v9.5 to v12) or EM 13's camelCase. */
export type KeyCasing = 'PascalCase' | 'camelCase';

/**
 * A PascalCase name as EM 13 (System.Text.Json's camelCase policy) writes it: the leading run of
 * capitals is lowered, except the last one when a lower-case letter follows it
 * (`UID` → `uid`, `BackedUpVms` → `backedUpVms`, `VAppRestorePoints` → `vAppRestorePoints`).
 */
export function camelCase(name: string): string {
  let i = 0;
  while (i < name.length && isUpper(name.charCodeAt(i))) i++;
  if (i === 0) return name;
  // A run followed by more letters keeps its last capital as the start of the next word.
  const lowered = i > 1 && i < name.length && !isUpper(name.charCodeAt(i)) ? i - 1 : i;
  return name.slice(0, lowered).toLowerCase() + name.slice(lowered);
}

const isUpper = (c: number) => c >= 65 && c <= 90;

/** The .NET property name of a repeated element: its plural (`Ref` → `Refs`, `Repository` → `Repositories`, `Day` → `Days`). */
export function pluralOf(name: string): string {
  if (/[^aeiouAEIOU]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}

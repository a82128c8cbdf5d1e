import type { KeyCasing } from '@vbem/models';

/** How the fake writes JSON: the casing and null style of the Enterprise Manager version it imitates. */
export interface MockJsonOptions {
  /** The keys' casing: PascalCase as documented (9.5 to 12) or camelCase as EM 13 writes them. (default: 'PascalCase') */
  casing?: KeyCasing;
  /** Write absent members as `null`, as EM 10 and later do; 9.5 leaves them out (of every body but the Error body, which it wrote with nulls too). (default: true) */
  nulls?: boolean;
}

/**
 * The JSON style of each Enterprise Manager version with a known one (`../real-world/JSON-NOTES.md`):
 * 9.5 Update 4 leaves nulls out (but for its Error bodies), 10 to 12 write them, 13 writes camelCase keys (and nulls).
 * @example serveMock({ json: jsonStyles['13'] })
 */
export const jsonStyles = {
  '9.5': { casing: 'PascalCase', nulls: false },
  '12': { casing: 'PascalCase', nulls: true },
  '13': { casing: 'camelCase', nulls: true },
} as const satisfies Record<string, Required<MockJsonOptions>>;

/** An Enterprise Manager version whose JSON style `jsonStyles` holds. */
export type JsonStyleVersion = keyof typeof jsonStyles;

/** The style to write: the options given, the rest as EM 12 writes (PascalCase, nulls written out). */
export const jsonStyleOf = (options: MockJsonOptions | undefined): Required<MockJsonOptions> => ({
  casing: options?.casing ?? jsonStyles['12'].casing,
  nulls: options?.nulls ?? jsonStyles['12'].nulls,
});

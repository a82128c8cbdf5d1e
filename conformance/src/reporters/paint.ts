/** Colours for terminal output, or none. */
export interface Paint {
  readonly green: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const none = (s: string) => s;

/**
 * Whether to colour output: never when NO_COLOR is set (non-empty), always when FORCE_COLOR is set
 * to anything but `0` or `false`, otherwise when the output is a terminal.
 * @example paint(wantsColor(process.stdout.isTTY, process.env)).green('✓')
 */
export function wantsColor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY === true;
}

/**
 * ANSI colours when `color` is true, plain text otherwise.
 * @example paint(wantsColor(process.stdout.isTTY, process.env)).green('✓')
 */
export function paint(color: boolean): Paint {
  if (!color) return { green: none, red: none, yellow: none, dim: none, bold: none };
  return { green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}

/** The length of a string as shown, colour codes left out. */
export const visibleLength = (s: string): number => s.replace(/\u001b\[\d+m/g, '').length;

/** The string padded with spaces to a shown width. */
export const padVisible = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - visibleLength(s)));

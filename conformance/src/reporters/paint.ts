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
 * ANSI colours when `color` is true, plain text otherwise.
 * @example paint(process.stdout.isTTY && !process.env.NO_COLOR).green('✓')
 */
export function paint(color: boolean): Paint {
  if (!color) return { green: none, red: none, yellow: none, dim: none, bold: none };
  return { green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}

/** The length of a string as shown, colour codes left out. */
export const visibleLength = (s: string): number => s.replace(/\u001b\[\d+m/g, '').length;

/** The string padded with spaces to a shown width. */
export const padVisible = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - visibleLength(s)));

/** The path parameter an operation's path ends with (the id of an item), if it ends with one. */
export const lastParam = (path: string): string | undefined => /\{(\w+)\}$/.exec(path)?.[1];

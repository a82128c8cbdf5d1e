/**
 * A glob as a RegExp over the whole name: `*` stands for any run of characters, `?` for one;
 * everything else is literal (a `.` in a check id is a dot).
 * @example globRegExp('query.*').test('query.paging') // true
 */
export function globRegExp(glob: string): RegExp {
  const source = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`);
}

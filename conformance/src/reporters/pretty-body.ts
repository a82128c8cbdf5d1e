/** A body laid out one element (XML) or value (JSON) per line, each line with the path of what it shows. */
export interface PrettyBody {
  readonly lines: readonly string[];
  /** The path of each line: `/Root[1]/Item[2]` (XML, 1-based) or `$.Items[1].Name` (JSON, 0-based); `''` for none. */
  readonly paths: readonly string[];
}

const INDENT = '  ';
const tokens = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][\s\S]*?>|<[^>]*>|[^<]+/g;
const localName = (tag: string) => /^<\/?\s*(?:[\w.-]+:)?([\w.-]+)/.exec(tag)?.[1] ?? '';

/** XML one tag per line, indented; a leaf element with its text stays on one line. Entities are kept as written. */
function prettyXml(xml: string): PrettyBody {
  const lines: string[] = [];
  const paths: string[] = [];
  const stack: { path: string; seen: Map<string, number> }[] = [{ path: '', seen: new Map() }];
  const push = (text: string, path: string) => {
    lines.push(INDENT.repeat(stack.length - 1) + text);
    paths.push(path);
  };
  const parts = xml.match(tokens) ?? [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.startsWith('<')) {
      if (part.trim() !== '') push(part.trim(), stack.at(-1)!.path);
    } else if (part.startsWith('</')) {
      const closed = stack.length > 1 ? stack.pop()!.path : '';
      push(part, closed);
    } else if (/^<[?!]/.test(part)) {
      push(part, '');
    } else {
      const parent = stack.at(-1)!;
      const name = localName(part);
      const index = (parent.seen.get(name) ?? 0) + 1;
      parent.seen.set(name, index);
      const path = `${parent.path}/${name}[${index}]`;
      const text = parts[i + 1];
      if (part.endsWith('/>')) push(part, path);
      else if (text !== undefined && !text.startsWith('<') && parts[i + 2]?.startsWith('</')) {
        push(`${part}${text.trim()}${parts[i + 2]}`, path);
        i += 2;
      } else {
        push(part, path);
        stack.push({ path, seen: new Map() });
      }
    }
  }
  return { lines, paths };
}

const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);

/** JSON as JSON.stringify indents it, each line with the JSON path of its value. */
function prettyJson(value: unknown): PrettyBody {
  const lines: string[] = [];
  const paths: string[] = [];
  const walk = (v: unknown, path: string, depth: number, label: string, comma: string) => {
    const pad = INDENT.repeat(depth);
    const entries = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, '', x] as const) : v !== null && typeof v === 'object' ? Object.entries(v).map(([k, x]) => [key(k), `${JSON.stringify(k)}: `, x] as const) : undefined;
    if (entries === undefined || entries.length === 0) {
      lines.push(`${pad}${label}${JSON.stringify(v)}${comma}`);
      paths.push(path);
      return;
    }
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    lines.push(`${pad}${label}${open}`);
    paths.push(path);
    entries.forEach(([step, name, x], i) => walk(x, `${path}${step}`, depth + 1, name, i < entries.length - 1 ? ',' : ''));
    lines.push(`${pad}${close}${comma}`);
    paths.push(path);
  };
  walk(value, '$', 0, '', '');
  return { lines, paths };
}

/**
 * A body pretty-printed for a person: JSON re-indented, XML one tag per line; anything else (or a
 * body that does not parse as its type says) line by line as it came.
 * @example prettyBody('<A><B>1</B></A>', 'application/xml').lines // ['<A>', '  <B>1</B>', '</A>']
 */
export function prettyBody(body: string, contentType = ''): PrettyBody {
  const text = body.replace(/^\uFEFF/, '');
  if (/json/i.test(contentType) || /^\s*[[{]/.test(text)) {
    try {
      return prettyJson(JSON.parse(text));
    } catch {
      // Not JSON after all: shown as it came.
    }
  } else if (/^\s*</.test(text)) return prettyXml(text);
  const lines = body.split(/\r?\n/);
  return { lines, paths: lines.map(() => '') };
}

/** The paths a message names: `/Things/Thing[2]/Name`, `/Thing/@Href`, `$.Refs[2].UID`. */
export function pathsIn(message: string): string[] {
  const xml = message.match(/(?:\/@?[A-Za-z_][\w.-]*(?:\[\d+\])?)+/g) ?? [];
  const json = message.match(/\$(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\])+/g) ?? [];
  return [...xml, ...json];
}

/** A path as its steps, an attribute step dropped (its element's line shows it). */
const stepsOf = (path: string): string[] =>
  path.startsWith('$')
    ? (path.slice(1).match(/\.[^.[]+|\[[^\]]*\]/g) ?? [])
    : path.split('/').filter((s) => s !== '' && !s.startsWith('@'));

/** Whether the named path points at the line's: an XML step without an index names every sibling of that name. */
function names(named: string, line: string): boolean {
  const want = stepsOf(named);
  const have = stepsOf(line);
  if (want.length === 0 || want.length !== have.length) return false;
  return want.every((w, i) => w === have[i] || (!w.includes('[') && have[i]!.replace(/\[\d+\]$/, '') === w));
}

/**
 * The lines of a pretty body that a message's paths point at (the first line of each element or value named).
 * @example markedLines(prettyBody('<A><B>1</B></A>'), '/A/B: expected a date, got 1') // [1]
 */
export function markedLines(body: PrettyBody, message: string): number[] {
  const named = pathsIn(message);
  if (named.length === 0) return [];
  const marked: number[] = [];
  const seen = new Set<string>();
  body.paths.forEach((path, i) => {
    if (path !== '' && !seen.has(path) && named.some((n) => names(n, path))) marked.push(i);
    seen.add(path);
  });
  return marked;
}

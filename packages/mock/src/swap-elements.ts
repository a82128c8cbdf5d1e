interface Span {
  readonly name: string;
  readonly start: number;
  end: number;
  readonly children: Span[];
}

/**
 * The XML with the first two adjacent, differently named sibling elements swapped (depth first),
 * or unchanged when every element's children share one name. Works on the codec's compact output.
 * @example swapElements(encode('LogonSession', session)) // <SessionId> before <UserName>
 */
export function swapElements(xml: string): string {
  const root = spans(xml);
  const pair = root && firstPair(root);
  if (!pair) return xml;
  const [a, b] = pair;
  return xml.slice(0, a.start) + xml.slice(b.start, b.end) + xml.slice(a.end, b.start) + xml.slice(a.start, a.end) + xml.slice(b.end);
}

function firstPair(span: Span): [Span, Span] | undefined {
  for (let i = 0; i + 1 < span.children.length; i++) {
    const [a, b] = [span.children[i]!, span.children[i + 1]!];
    if (a.name !== b.name) return [a, b];
  }
  for (const child of span.children) {
    const pair = firstPair(child);
    if (pair) return pair;
  }
  return undefined;
}

// Elements by position: start tags, end tags and empty-element tags; declarations skipped; quotes respected.
function spans(xml: string): Span | undefined {
  const stack: Span[] = [];
  let root: Span | undefined;
  for (let i = xml.indexOf('<'); i !== -1 && i < xml.length; i = xml.indexOf('<', i)) {
    if (xml[i + 1] === '?' || xml[i + 1] === '!') {
      i = xml.indexOf('>', i) + 1 || xml.length;
      continue;
    }
    let close = i + 1;
    for (let quote = ''; close < xml.length; close++) {
      const c = xml[close]!;
      if (quote) quote = c === quote ? '' : quote;
      else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (xml[i + 1] === '/') {
      const span = stack.pop();
      if (span) span.end = close + 1;
    } else {
      const name = /^[^\s/>]+/.exec(xml.slice(i + 1, close))?.[0] ?? '';
      const span: Span = { name, start: i, end: close + 1, children: [] };
      (stack.at(-1)?.children ?? []).push(span);
      root ??= span;
      if (xml[close - 1] !== '/') stack.push(span);
    }
    i = close + 1;
  }
  return root;
}

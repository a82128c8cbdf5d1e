// Deterministic mutations of documented examples for the codec's property test.

export { prng } from '../src/prng.js';

/** What fuzzing found, and the markup around it, spliced in at random places. */
export const SNIPPETS = [
  '&#x110000;', '&#x0;', '&#0;', '&#xFFFF;', '&#xD800;', '&#65;', '&#x1F600;', '&amp;', '&lt;', '&foo;', '&', '&#;', '&#x;',
  '\u0001', '\u0000', '\uFFFE', '\uD800', '\uDC00', '\u{1F600}', '\u00A0', 'é', '\r\n', '\r', '\t',
  '<![CDATA[a&b]]>', '<![CDATA[&lt;]]>', '<![CDATA[', ']]>', '<!-- c -->', '<!-- a -- b -->', '<!--', '-->', '<?pi x?>', '<?xml version="1.0"?>', '<?"?>', '?>',
  '<!DOCTYPE a>', '<!ENTITY x "y">', '<!x>',
  ' __proto__=""', ' constructor=""', ' prototype=""', ' x="1" x="2"', ' Rel="Up"', ' a=b', ' a="<"', " a='1'", ' a = "1"', '="1"',
  '<#text m=""/>', "<a'/>", '<a/>', '<a>', '</a>', '<x:y/>', '<a:b:c/>', '<:a/>', '<a:/>', '<1/>', '<é/>', '</ a>', '<', '>', '/>', '/', '"', "'", '=',
  '<Links>', '</Links>', '<Link Rel="Up" Href="https://em/"/>', '<Ref/>', '</Ref>', '<Name>x</Name>',
  ' xmlns:v="http://www.veeam.com/ent/v1.0"', ' xmlns="urn:other"', ' xmlns=""', ' xmlns:p=""', ' xmlns:xml="urn:x"', '<v:Ref xmlns:v="http://www.veeam.com/ent/v1.0"/>', 'v:', 'p:',
  '<a>'.repeat(70), '</a>'.repeat(3), '\n  ', ' ',
];

const FLIPS = '<>/="\'&;!?[]-: \n\tax0\u0000\u0001é\uD800';

/** One mutated copy of `xml`: 1 to 3 truncations, flips, insertions, deletions or duplications. */
export function mutate(xml: string, random: () => number): string {
  const at = (s: string) => Math.floor(random() * (s.length + 1));
  let out = xml;
  const steps = 1 + Math.floor(random() * 3);
  for (let step = 0; step < steps; step++) {
    const kind = random();
    if (kind < 0.15) out = out.slice(0, at(out));
    else if (kind < 0.4) {
      const i = at(out);
      out = out.slice(0, i) + FLIPS[Math.floor(random() * FLIPS.length)] + out.slice(i + 1);
    } else if (kind < 0.75) {
      const i = at(out);
      out = out.slice(0, i) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + out.slice(i);
    } else if (kind < 0.88) {
      const i = at(out);
      out = out.slice(0, i) + out.slice(i + 1 + Math.floor(random() * 40));
    } else {
      const i = at(out);
      const j = Math.min(out.length, i + Math.floor(random() * 200));
      const k = at(out);
      out = out.slice(0, k) + out.slice(i, j) + out.slice(k);
    }
  }
  return out;
}

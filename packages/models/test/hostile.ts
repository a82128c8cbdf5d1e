// Bodies that fuzzing 100,000 mutated examples found to escape the codec as a foreign error, to
// take seconds, or to be accepted though XML forbids them. Used by the tests (outcomes) and the
// bench (their times).
import { MalformedXmlError, NamespaceError, UnsafeXmlError, XmlShapeError, type XmlCodecError } from '../src/index.js';

export const NS = 'http://www.veeam.com/ent/v1.0';
const doc = (inner: string, rootAttributes = '') => `<EntityReferences xmlns="${NS}"${rootAttributes}>${inner}</EntityReferences>`;
const ref = (attributes = '') => `<Ref Type="X" Href="https://em:9398/api/x" Name="x" UID="urn:veeam:X:1"${attributes}/>`;

export interface HostileCase {
  readonly name: string;
  readonly xml: string;
  /** The error class it must give; none when it must decode. */
  readonly refused?: typeof XmlCodecError;
}

export const hostileCases: readonly HostileCase[] = [
  { name: '66 nested elements', xml: doc('<a>'.repeat(65) + '</a>'.repeat(65)), refused: UnsafeXmlError },
  { name: '100,000 nested elements', xml: doc('<a>'.repeat(100_000) + '</a>'.repeat(100_000)), refused: UnsafeXmlError },
  { name: 'an attribute named __proto__', xml: '<a __proto__=""/>', refused: NamespaceError },
  { name: 'attributes named constructor and prototype', xml: doc(ref(' constructor="" prototype=""')) },
  { name: '__proto__ on a Ref', xml: doc(ref(' __proto__="x"')) },
  { name: '&#x110000;', xml: doc(`<Ref Href="https://em/x" Name="&#x110000;" UID="urn:veeam:X:1"/>`), refused: MalformedXmlError },
  { name: '<#text m=""/>', xml: '<#text m=""/>', refused: MalformedXmlError },
  { name: "<a'/>", xml: "<a'/>", refused: MalformedXmlError },
  { name: '<?"?><a/>', xml: '<?"?><a/>', refused: MalformedXmlError },
  { name: '4,000 xmlns:pN on one element', xml: doc(ref(), Array.from({ length: 4000 }, (_, i) => ` xmlns:p${i}="urn:p${i}"`).join('')) },
  { name: '4,000 xmlns:pN, 4,000 elements using them', xml: doc(Array.from({ length: 4000 }, (_, i) => `<p${i}:x/>`).join(''), Array.from({ length: 4000 }, (_, i) => ` xmlns:p${i}="urn:p${i}"`).join('')) },
  { name: '60 nested redeclarations of the default namespace', xml: doc('<a xmlns="urn:a">'.repeat(60) + '</a>'.repeat(60)) },
  { name: '16 MiB of <Ref/>', xml: doc('<Ref/>'.repeat(Math.floor((16 * 1024 * 1024 - 100) / 6))), refused: XmlShapeError },
  { name: '&#x0;', xml: doc('&#x0;'), refused: MalformedXmlError },
  { name: '&#xFFFF;', xml: doc('&#xFFFF;'), refused: MalformedXmlError },
  { name: '&#xD800;', xml: doc('&#xD800;'), refused: MalformedXmlError },
  { name: 'a raw U+0001', xml: doc('\u0001'), refused: MalformedXmlError },
  { name: 'a duplicate attribute', xml: doc(ref(' Name="y"')), refused: MalformedXmlError },
  { name: '<LinkRel="Up" …>', xml: doc('<Ref Href="https://em/x" Name="x" UID="urn:veeam:X:1"><Links><LinkRel="Up" Href="https://em/"/></Links></Ref>'), refused: MalformedXmlError },
  { name: 'a Ref in a foreign namespace (lenient)', xml: doc('<Ref xmlns="urn:other"/>') },
  { name: 'a long attribute value of references', xml: doc(`<Ref Type="X" Href="https://em/x" Name="${'&amp;'.repeat(200_000)}" UID="urn:veeam:X:1"/>`) },
  { name: 'a long text of references', xml: doc('&#65;'.repeat(200_000)) },
  { name: 'a long comment', xml: doc(`<!--${'-x'.repeat(200_000)}-->`) },
  { name: 'many attributes on one element', xml: doc(`<Ref Type="X" Href="https://em/x" Name="x" UID="urn:veeam:X:1"${Array.from({ length: 20_000 }, (_, i) => ` a${i}=""`).join('')}/>`) },
  { name: 'many duplicate-free attributes, last one repeated', xml: doc(`<Ref${Array.from({ length: 20_000 }, (_, i) => ` a${i}=""`).join('')} a0=""/>`), refused: MalformedXmlError },
  { name: 'a long unterminated attribute value', xml: doc(`<Ref Href="${'x'.repeat(1_000_000)}`), refused: MalformedXmlError },
  { name: '100,000 unknown elements', xml: doc('<u/>'.repeat(100_000)) },
];

import type { ScalarField, ScalarType } from '../spec-types.js';
import { choiceDeparture } from './choice.js';
import type { Issues } from './issues.js';
import type { FieldPlan, TypePlan } from './plan.js';
import { EXPECTED, parseScalar } from './scalars.js';
import { END, TEXT, type Scanner } from './scanner.js';
import { isSpace } from './xml-chars.js';

const isDeclaration = (name: string) => name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 58);

/**
 * Builds a typed value from the tokens of a Scanner, as a type's plan says: attributes and child
 * elements by name (children in the model's namespace only), order, repetition, required fields
 * and scalars. Departures become issues; well-formedness failures are the Scanner's to throw.
 */
export class ValueReader {
  /** The path of the element being read, as segments: names and 1-based indexes (0: none). */
  private readonly names: string[] = [];
  private readonly indexes: number[] = [];
  private top = 0;

  /** @param s a Scanner given the model's namespace: children are ours when `s.inOurNamespace()`. */
  constructor(
    private readonly s: Scanner,
    private readonly issues: Issues,
  ) {}

  enter(name: string, index: number): void {
    this.names[this.top] = name;
    this.indexes[this.top] = index;
    this.top++;
  }

  leave(): void {
    this.top--;
  }

  private path(last?: string): string {
    let p = '';
    for (let i = 0; i < this.top; i++) p += this.indexes[i] ? `/${this.names[i]}[${this.indexes[i]}]` : `/${this.names[i]}`;
    return last === undefined ? p : `${p}/${last}`;
  }

  /** Reads the element whose start tag was just read as an object of `plan`, to its end tag. */
  readObject(plan: TypePlan): Record<string, unknown> {
    const s = this.s;
    const issues = this.issues;
    const out: Record<string, unknown> = {};
    const attributeFields = plan.attributeFields;
    let seen = 0;
    const many = attributeFields.length > 30 ? new Set<number>() : undefined;
    for (let a = 0; a < s.attrCount; a++) {
      const name = s.attrNames[a]!;
      const index = plan.attributes.get(name);
      if (index === undefined) {
        if (!isDeclaration(name) && issues.wants('unknown')) {
          issues.add({ path: this.path(`@${name}`), expected: 'no such attribute', actual: `${name}="${s.attrValues[a]!.slice(0, 60)}"`, code: 'unknown' });
        }
        continue;
      }
      if (many) many.add(index);
      else seen |= 1 << index;
      const value = this.scalar(attributeFields[index]!, plan.attributeEnums[index], s.attrValues[a]!, `@${name}`);
      if (value !== undefined) out[name] = value;
    }
    for (let i = 0; i < attributeFields.length; i++) {
      const field = attributeFields[i]!;
      if (!field.optional && !(many ? many.has(i) : seen & (1 << i)) && issues.wants('missing')) {
        issues.add({ path: this.path(`@${field.name}`), expected: `the required ${field.name} attribute`, actual: 'none', code: 'missing' });
      }
    }

    if (plan.text) {
      this.readTextField(plan, plan.text, out);
      return out;
    }
    const fields = plan.fields;
    let position = -1;
    let present = 0;
    let counts: number[] | undefined;
    const presentMany = fields.length > 30 ? new Set<number>() : undefined;
    for (;;) {
      const token = s.next();
      if (token === END) break;
      if (token === TEXT) {
        if (!s.blank()) this.strayText('only child elements');
        continue;
      }
      const index = s.inOurNamespace() ? plan.elements.get(s.localName()) : undefined;
      if (index === undefined) {
        if (issues.wants('unknown')) issues.add({ path: this.path(s.qname), expected: 'no such element', actual: `<${s.qname}>`, code: 'unknown' });
        s.skip();
        continue;
      }
      const f = fields[index]!;
      const name = f.name;
      if (plan.forms.size > 0 && s.localName() !== name) issues.note(this.path(s.localName()), name, s.localName(), plan.forms.get(s.localName())!);
      if ((index < position || (index === position && !f.field.repeated)) && issues.wants('order')) {
        const previous = fields[position]!.name;
        issues.add({
          path: this.path(name),
          expected: index === position ? `one <${name}>` : `<${name}> before <${previous}>`,
          actual: index === position ? `a second <${name}>` : `<${name}> after <${previous}>`,
          code: 'order',
        });
      }
      if (index > position) position = index;
      if (presentMany) presentMany.add(index);
      else present |= 1 << index;
      if (f.field.repeated) {
        const list = (out[name] ??= []) as unknown[];
        counts ??= new Array<number>(fields.length).fill(0);
        this.enter(name, ++counts[index]!);
        const value = this.readField(f);
        this.leave();
        if (value !== undefined && !this.issues.failed) list.push(value);
      } else {
        this.enter(name, 0);
        const value = this.readField(f);
        this.leave();
        if (value !== undefined) out[name] = value;
      }
    }
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (f.field.repeated) out[f.name] ??= [];
      else if (!f.field.optional && !(presentMany ? presentMany.has(i) : present & (1 << i)) && issues.wants('missing')) {
        issues.add({ path: this.path(f.name), expected: `the required <${f.name}> element`, actual: 'none', code: 'missing' });
      }
    }
    if (plan.map.choice) {
      const departure = choiceDeparture(fields.map((f) => `<${f.name}>`), fields.filter((f, i) => (presentMany ? presentMany.has(i) : present & (1 << i))).map((f) => `<${f.name}>`));
      if (departure && issues.wants('choice')) issues.add({ path: this.path(), ...departure, code: 'choice' });
    }
    return out;
  }

  /** The text beside the attributes, as its field: empty text is absent where the text is optional. */
  private readTextField(plan: TypePlan, field: ScalarField, out: Record<string, unknown>): void {
    const text = this.readText();
    if (text === '' && field.optional) return;
    const value = this.scalar(field, plan.textEnum, text);
    if (value !== undefined) out[field.name] = value;
  }

  private readField(f: FieldPlan): unknown {
    if (f.kind === 'object') return this.readObject(f.plan!);
    if (f.kind === 'raw') return this.s.rawContent();
    this.noAttributes();
    if (f.kind === 'scalar') return this.scalar(f.field as ScalarField, f.enumValues, this.readText());
    return this.readList(f);
  }

  private readList(f: FieldPlan): unknown[] {
    const s = this.s;
    const item = f.field.item!;
    const items: unknown[] = [];
    let count = 0;
    for (;;) {
      const token = s.next();
      if (token === END) break;
      if (token === TEXT) {
        if (!s.blank()) this.strayText(`only <${item}> items`);
        continue;
      }
      const form = s.localName() === item ? undefined : f.itemForms?.get(s.localName());
      if ((s.localName() !== item && form === undefined) || !s.inOurNamespace()) {
        if (this.issues.wants('unknown')) this.issues.add({ path: this.path(), expected: `only <${item}> items`, actual: `<${s.qname}>`, code: 'unknown' });
        s.skip();
        continue;
      }
      if (form !== undefined) this.issues.note(this.path(`${s.localName()}[${count + 1}]`), item, s.localName(), form);
      this.enter(item, ++count);
      let value: unknown;
      if (f.itemScalar) {
        this.noAttributes();
        value = this.scalar(f.field as ScalarField, f.enumValues, this.readText());
      } else value = this.readObject(f.plan!);
      this.leave();
      if (value !== undefined && !this.issues.failed) items.push(value);
    }
    return items;
  }

  /** The text of a scalar element, to its end tag: references replaced, white space at the ends trimmed (not CDATA's or a reference's). */
  private readText(): string {
    const s = this.s;
    let value = '';
    let keepFrom = -1;
    let keepTo = 0;
    for (;;) {
      const token = s.next();
      if (token === END) break;
      if (token === TEXT) {
        if (s.cdata) {
          if (keepFrom === -1) keepFrom = value.length;
          value += s.text;
          keepTo = value.length;
        } else {
          if (s.refStart !== -1) {
            if (keepFrom === -1) keepFrom = value.length + s.refStart;
            keepTo = value.length + s.refEnd;
          }
          value += s.text;
        }
        continue;
      }
      if (this.issues.wants('unknown')) this.issues.add({ path: this.path(), expected: 'text only', actual: `<${s.qname}>`, code: 'unknown' });
      s.skip();
    }
    let start = 0;
    const startLimit = keepFrom === -1 ? value.length : keepFrom;
    while (start < startLimit && isSpace(value.charCodeAt(start))) start++;
    let end = value.length;
    const endLimit = Math.max(start, keepTo);
    while (end > endLimit && isSpace(value.charCodeAt(end - 1))) end--;
    return start === 0 && end === value.length ? value : value.slice(start, end);
  }

  /** Attributes other than namespace declarations on a scalar or list element are unknown. */
  private noAttributes(): void {
    const s = this.s;
    for (let a = 0; a < s.attrCount; a++) {
      const name = s.attrNames[a]!;
      if (!isDeclaration(name) && this.issues.wants('unknown')) {
        this.issues.add({ path: this.path(`@${name}`), expected: 'no such attribute', actual: `${name}="${s.attrValues[a]!.slice(0, 60)}"`, code: 'unknown' });
      }
    }
  }

  private strayText(expected: string): void {
    if (this.issues.wants('text')) this.issues.add({ path: this.path(), expected, actual: `text '${this.s.text.trim().slice(0, 40)}'`, code: 'text' });
  }

  private scalar(field: { readonly scalar?: ScalarType }, values: ReadonlySet<string> | undefined, text: string, last?: string): unknown {
    const type = field.scalar!;
    const value = parseScalar(type, text);
    if (value === undefined) {
      if (this.issues.wants('value')) this.issues.add({ path: this.path(last), expected: EXPECTED[type], actual: `'${text.slice(0, 60)}'`, code: 'value' });
    } else if (values && !values.has(text) && this.issues.wants('enum')) {
      this.issues.add({ path: this.path(last), expected: `one of ${[...values].join(', ')}`, actual: `'${text.slice(0, 60)}'`, code: 'enum' });
    }
    return value;
  }
}

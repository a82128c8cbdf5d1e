import { NamespaceError, RootElementError, type CodecIssue } from '@vbem/models';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { issuesText } from './issues-text.js';
import { parsedBody } from './parsed-body.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('body.shape');

/** One addition, named: where it is and what came (`/Thing/Links/Link[3]/@Rel: the undocumented value 'Rescan'`, `$.Things[0].Extra: an undocumented property "Extra": the number 1`). */
function additionText(i: CodecIssue): string {
  if (i.code === 'enum') return `${i.path}: the undocumented value ${i.actual}`;
  if (i.code === 'text' || i.code === 'casing') return `${i.path}: ${i.actual} where ${i.expected}`;
  if (i.path.startsWith('$')) return `${i.path}: an undocumented property ${i.actual}`;
  return `${i.path}: an undocumented ${i.path.includes('/@') ? 'attribute' : 'element'} ${i.actual}`;
}

/**
 * The body has the documented shape: required attributes and elements, scalar types, element order (a
 * failure where one is broken); for JSON, required properties, value types and the documented
 * wrapping of lists, by the JSON codec compiled from the same maps. What the body adds (an unknown element or attribute, stray text, an
 * undocumented enum value such as a link Rel) breaks no documented rule: a warning that names it. Where
 * the documents disagree on an element's name, either documented form passes, and the message says which came.
 */
export const bodyShape: Check = {
  id: 'body.shape',
  scope: 'exchange',
  title: 'the body has the documented shape (additions warn)',
  run: (exchange) => {
    const { representation, error, additions = [], forms = [], wire } = understand(exchange);
    if (!representation) return [];
    const kind = wire === 'json' ? ' (JSON)' : '';
    if (!parsedBody(error) || error instanceof NamespaceError || error instanceof RootElementError) {
      return [v.skipped('the body is not the documented document')];
    }
    if (error) return [v.failed(`${representation.body}${kind}: ${issuesText(error.issues)}`)];
    // Where the documents disagree, either form passes: say which one this server sends.
    const used = forms.length > 0 ? `, in the documented forms ${forms.map((f) => `${f.path}: ${f.actual} (for ${f.expected})`).join('; ')}` : '';
    if (additions.length > 0) return [v.warning(`a valid ${representation.body}${kind}${used}, with what the spec does not document: ${listOf(additions.map(additionText), 5)}`)];
    return [v.passed(`a valid ${representation.body}${kind}${used}`)];
  },
};

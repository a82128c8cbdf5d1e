import { NamespaceError, RootElementError } from '@vbem/models';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { issuesText } from './issues-text.js';
import { parsedAsXml } from './parsed-as-xml.js';
import { verdict } from './verdict.js';

const v = verdict('body.shape');

/**
 * The body has the documented shape: required attributes and elements, scalar types, element order,
 * no undocumented fields (the codec in strict mode, then the JSON Schema).
 */
export const bodyShape: Check = {
  id: 'body.shape',
  scope: 'exchange',
  title: 'the body has the documented shape (strict codec and schema)',
  run: (exchange) => {
    const { representation, error } = understand(exchange);
    if (!representation) return [];
    if (!parsedAsXml(error) || error instanceof NamespaceError || error instanceof RootElementError) {
      return [v.skipped('the body is not the documented document')];
    }
    return error ? [v.failed(`${representation.body}: ${issuesText(error.issues)}`)] : [v.passed(`a valid ${representation.body}`)];
  },
};

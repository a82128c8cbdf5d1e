import { api, NamespaceError } from '@vbem/models';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { issuesText } from './issues-text.js';
import { parsedBody } from './parsed-body.js';
import { verdict } from './verdict.js';

const v = verdict('body.namespace');

/** The document element is in the Enterprise Manager namespace (matched by URI, not prefix). */
export const bodyNamespace: Check = {
  id: 'body.namespace',
  scope: 'exchange',
  title: 'the document element is in the documented namespace',
  run: (exchange) => {
    const { representation, error, wire } = understand(exchange);
    // JSON has no namespace (and no document element): the check does not apply to it.
    if (!representation || wire !== 'xml') return [];
    if (!parsedBody(error)) return [v.skipped('the body is not XML')];
    return error instanceof NamespaceError ? [v.failed(issuesText(error.issues))] : [v.passed(api.namespace)];
  },
};

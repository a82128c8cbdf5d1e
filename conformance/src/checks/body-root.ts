import { NamespaceError, RootElementError } from '@vbem/models';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { issuesText } from './issues-text.js';
import { parsedBody } from './parsed-body.js';
import { verdict } from './verdict.js';

const v = verdict('body.root');

/** The document element is the one documented for the operation, status and format. */
export const bodyRoot: Check = {
  id: 'body.root',
  scope: 'exchange',
  title: 'the document element is the documented root',
  run: (exchange) => {
    const { representation, error, wire } = understand(exchange);
    // JSON drops the root element's name: the check does not apply to it.
    if (!representation || wire !== 'xml') return [];
    if (!parsedBody(error) || error instanceof NamespaceError) return [v.skipped('the body is not XML in the documented namespace')];
    return error instanceof RootElementError ? [v.failed(issuesText(error.issues))] : [v.passed(`<${representation.root}>`)];
  },
};

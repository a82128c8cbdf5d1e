import { matchOperation, type ApiModel } from '@vbem/models';
import { modelOf } from '../exchange-model.js';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { carriersOf, nameOf } from './carriers-of.js';
import { issuesText } from './issues-text.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('uid.form');

/** The id an Href names: its path parameter, or else its last path segment. */
function idOfHref(href: string, model: ApiModel): string | undefined {
  if (!URL.canParse(href)) return undefined;
  const url = new URL(href);
  const params = Object.values(matchOperation('GET', url, model)?.params ?? {});
  return params.length === 1 ? params[0] : url.pathname.split('/').filter(Boolean).pop();
}

/**
 * Every UID has the documented form (`urn:veeam:<Type>:<id>`, checked by the codec's `uid` scalar),
 * its id is the one in the Href, and its type the entity's.
 */
export const uidForm: Check = {
  id: 'uid.form',
  scope: 'exchange',
  title: 'each UID has the documented form and matches its Href',
  run: (exchange) => {
    const { representation, value, error } = understand(exchange);
    if (!representation) return [];
    const uidIssues = (error?.issues ?? []).filter((i) => /(^|[/@.])(UID|uid)$/.test(i.path));
    if (uidIssues.length > 0) return [v.failed(issuesText(uidIssues))];
    if (value === undefined) return error ? [v.skipped('the body did not decode')] : [];
    const carriers = carriersOf(value, representation.root);
    if (carriers.length === 0) return [];
    const problems: string[] = [];
    for (const c of carriers) {
      // The codec has checked the form; its last two parts are the type and the id.
      const [type, id] = (c.UID ?? '').split(':').slice(-2) as [string | undefined, string | undefined];
      const hrefId = c.Href === undefined ? undefined : idOfHref(c.Href, modelOf(exchange));
      if (hrefId !== undefined && hrefId.toLowerCase() !== id?.toLowerCase()) {
        problems.push(`${nameOf(c)}: expected the UID's id to be ${hrefId} (from its Href), got ${id ?? 'none'}`);
      }
      if (c.Type !== undefined && type !== undefined && !c.Type.startsWith(type)) {
        problems.push(`${nameOf(c)}: expected a UID type that ${c.Type} starts with, got ${type}`);
      }
    }
    return problems.length === 0 ? [v.passed(`${carriers.length} UID(s) well formed`)] : [v.failed(listOf(problems))];
  },
};

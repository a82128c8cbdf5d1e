import type { ApiModel } from '@vbem/models';
import type { Corruption } from './fault.js';
import { swapElements } from './swap-elements.js';

/** A namespace URI that is not the Enterprise Manager's. */
export const WRONG_NAMESPACE = 'urn:vbem-mock:not-the-enterprise-manager-namespace';

/**
 * The encoded body broken in the XML-level ways asked: namespace, document element, element order.
 * @example corruptXml(model, xml, 'Things', new Set(['wrong-root'])) // <OtherRoot …>…</OtherRoot>
 */
export function corruptXml(model: ApiModel, xml: string, root: string, corruptions: ReadonlySet<Corruption>): string {
  let out = xml;
  if (corruptions.has('swapped-element-order')) out = swapElements(out);
  if (corruptions.has('wrong-namespace')) out = out.replace(model.api.namespace, WRONG_NAMESPACE);
  if (corruptions.has('wrong-root')) {
    const other = Object.values(model.xmlMaps).find((m) => 'root' in m && m.root !== root && m.root !== undefined) as { root: string };
    out = out.replace(new RegExp(`^(<\\?[^>]*>\\s*)?<${root}(?=[\\s/>])`), `$1<${other.root}`).replace(new RegExp(`</${root}>\\s*$`), `</${other.root}>`);
  }
  return out;
}

import type { Check } from '../check-result.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('xsd');

/** The body validates against the user's RestAPI.xsd; departures are warnings (documented bodies omit required values). */
export const xsdValid: Check = {
  id: 'xsd',
  scope: 'run',
  title: "the body validates against the given RestAPI.xsd (warnings only)",
  // Nothing to keep: with an XSD, the run keeps every body for the one validation pass at its end.
  keep: () => {},
  run: (exchange, context) => {
    const findings = context.xsd?.get(exchange);
    if (findings === undefined) return [];
    return findings.length === 0 ? [v.passed('valid against the XSD')] : [v.warning(listOf([...findings]))];
  },
};

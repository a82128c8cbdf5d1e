import type { Check } from '../check-result.js';
import { challengeHeader, refusedStatus } from '../spec-facts.js';
import { verdict } from './verdict.js';

const v = verdict('auth.wrong-password');

/** A logon with a wrong password gets the refused status and the challenge header. */
export const authWrongPassword: Check = {
  id: 'auth.wrong-password',
  scope: 'exchange',
  title: `a wrong password gets ${refusedStatus} with ${challengeHeader.name}`,
  run: (exchange) => {
    if (exchange.probe !== 'wrong-password' || !exchange.response) return [];
    const { status, headers } = exchange.response;
    if (status !== refusedStatus) return [v.failed(`expected ${refusedStatus} for a wrong password, got ${status}`)];
    const challenge = headers[challengeHeader.name.toLowerCase()];
    if (challenge === undefined) return [v.failed(`expected ${refusedStatus} with a ${challengeHeader.name} header, got none`)];
    return [v.passed(`${status} with ${challengeHeader.name}: ${challenge}`)];
  },
};

import type { Check } from '../check-result.js';
import { verdict } from './verdict.js';

const v = verdict('client.origin');

/** Nothing goes to a foreign origin: a link elsewhere is refused before any request leaves. */
export const clientOrigin: Check = {
  id: 'client.origin',
  scope: 'exchange',
  title: "the client sends nothing to a foreign origin",
  run: (exchange, context) => {
    if (context.origin === undefined) return [];
    const origin = new URL(exchange.request.url).origin;
    if (exchange.probe === 'foreign-origin') {
      if (exchange.sent !== false) return [v.failed(`expected no request to ${origin}, got ${exchange.request.method} ${exchange.request.url}`)];
      if (exchange.outcome?.error === undefined) return [v.failed(`expected following a link to ${origin} to be refused, got no error`)];
      return [v.passed(`a link to ${origin} refused with ${exchange.outcome.error.name}, nothing sent`)];
    }
    return origin === context.origin ? [v.passed(origin)] : [v.failed(`expected requests to ${context.origin} only, got one to ${origin}`)];
  },
};

import { builtinModel, type ApiModel } from '@vbem/models';
import type { Exchange } from './exchange.js';

const models = new WeakMap<Exchange, ApiModel>();

/** Marks an exchange as recorded against `model` (a spec other than the built-in one); gives the exchange back. */
export function withModel(exchange: Exchange, model: ApiModel): Exchange {
  if (model !== builtinModel) models.set(exchange, model);
  return exchange;
}

/** The model an exchange was recorded against, which the checks judge it by (default: the built-in one). */
export const modelOf = (exchange: Exchange): ApiModel => models.get(exchange) ?? builtinModel;

import { builtinModel } from '../model.js';
import type { ApiModel } from '../spec-types.js';
import { matchOperation } from './match-operation.js';

/**
 * The id of the logon session a URL names (a logon answer's Location): the path parameter of the
 * protocol's logon session operation, or undefined for any other URL.
 * @example logonSessionIdOf('https://em:9398/api/logonSessions/4a8c…') // '4a8c…'
 */
export function logonSessionIdOf(location: string | null | undefined, model: ApiModel = builtinModel): string | undefined {
  if (!location || !URL.canParse(location)) return undefined;
  const match = matchOperation('GET', new URL(location), model);
  return match?.operation.id === model.api.protocol.logonSession ? Object.values(match.params)[0] : undefined;
}

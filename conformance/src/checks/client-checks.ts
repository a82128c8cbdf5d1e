import type { Check } from '../check-result.js';
import { clientAccept } from './client-accept.js';
import { clientBasicOnlyOnLogon } from './client-basic-only-on-logon.js';
import { clientError } from './client-error.js';
import { clientOrigin } from './client-origin.js';
import { clientSessionHeader } from './client-session-header.js';
import { clientValue } from './client-value.js';

/** The checks that judge the client: the requests it sends and the values it returns. */
export const clientChecks: readonly Check[] = [clientSessionHeader, clientAccept, clientBasicOnlyOnLogon, clientOrigin, clientValue, clientError];

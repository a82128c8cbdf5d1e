import { refused } from './refused.js';

/** After logoff, the session's header is refused. */
export const authAfterLogoff = refused('auth.after-logoff', 'after-logoff', 'refused after logoff');

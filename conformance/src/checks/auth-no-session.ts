import { refused } from './refused.js';

/** A session-protected resource asked without the session header is refused. */
export const authNoSession = refused('auth.no-session', 'no-session', 'refused without a session header');

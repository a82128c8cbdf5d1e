import { refused } from './refused.js';

/** A session-protected resource asked with a session header no server issued is refused. */
export const authInvalidSession = refused('auth.invalid-session', 'invalid-session', 'refused with an invalid session header');

/** The user that may log on when `users` is not given: `Administrator` with the password `vbem-mock`. */
export const defaultCredentials = { user: 'Administrator', password: 'vbem-mock' } as const;

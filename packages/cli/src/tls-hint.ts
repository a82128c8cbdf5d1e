/** What to do about a TLS failure, by the error code its message carries. */
const HINTS: [code: RegExp, hint: string][] = [
  [
    /ERR_TLS_CERT_ALTNAME_INVALID/,
    "the server's certificate names another host than the one in --base-url: use a name the certificate carries in --base-url, or check the certificate against that name with --servername NAME",
  ],
  [/CERT_HAS_EXPIRED|CERT_NOT_YET_VALID/, "the server's certificate is outside its validity dates (or this machine's clock is wrong); --insecure accepts it on a test server"],
  [/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_UNTRUSTED|CERT|ERR_TLS/, 'trust its certificate with --ca FILE, or --insecure for a test server'],
];

/**
 * The hint for a TLS failure named in `message`, or undefined when it is not one.
 * @example tlsHint('… (ERR_TLS_CERT_ALTNAME_INVALID)') // "the server's certificate names another host …"
 */
export function tlsHint(message: string): string | undefined {
  return HINTS.find(([code]) => code.test(message))?.[1];
}

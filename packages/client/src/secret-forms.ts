/**
 * The ways a secret shows up in text a server or a library writes back: as it is, URL-encoded
 * (a query string, a form body), and base64-encoded (a Basic header, a token made from an id).
 * @example secretForms('p@ss') // ['p@ss', 'p%40ss', 'cEBzcw==']
 */
export function secretForms(secret: string): string[] {
  const base64 = Buffer.from(secret).toString('base64');
  return [...new Set([secret, encodeURIComponent(secret), base64, base64.replace(/=+$/, '')])];
}

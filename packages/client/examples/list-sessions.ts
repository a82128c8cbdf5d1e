/**
 * Lists the cloud failover sessions of an Enterprise Manager, then logs off.
 *
 *   VBEM_URL=https://em.example.com:9398 VBEM_USERNAME='DOMAIN\user' VBEM_PASSWORD=… \
 *   VBEM_CA=em-certificate.pem npx tsx examples/list-sessions.ts
 */
import { readFileSync } from 'node:fs';
import { createClient } from '@vbem/client';

const { VBEM_URL, VBEM_USERNAME, VBEM_PASSWORD, VBEM_CA } = process.env;
if (!VBEM_URL || !VBEM_USERNAME || !VBEM_PASSWORD) throw new Error('Set VBEM_URL, VBEM_USERNAME and VBEM_PASSWORD (and VBEM_CA for a self-signed certificate)');

await using client = createClient({
  baseUrl: VBEM_URL,
  username: VBEM_USERNAME,
  password: VBEM_PASSWORD,
  ...(VBEM_CA ? { ca: readFileSync(VBEM_CA, 'utf8') } : {}),
});

const { Ref: sessions } = await client.cloudFailoverSessions.list();
for (const session of sessions) console.log(`${session.Name}\t${session.UID}`);
console.log(`${sessions.length} cloud failover session(s)`);
// Leaving the scope of `await using` logs off.

/**
 * Logs on, lists the cloud failover sessions, follows each one's Alternate link to the session
 * entity, prints its State and Result, and logs off.
 *
 *   VBEM_URL=https://em.example.com:9398 VBEM_USERNAME='DOMAIN\user' VBEM_PASSWORD=… \
 *   VBEM_CA=em-certificate.pem npx tsx examples/follow-sessions.ts
 */
import { readFileSync } from 'node:fs';
import { createClient, linkOf } from '@vbem/client';

const { VBEM_URL, VBEM_USERNAME, VBEM_PASSWORD, VBEM_CA } = process.env;
if (!VBEM_URL || !VBEM_USERNAME || !VBEM_PASSWORD) throw new Error('Set VBEM_URL, VBEM_USERNAME and VBEM_PASSWORD (and VBEM_CA for a self-signed certificate)');

const client = createClient({
  baseUrl: VBEM_URL,
  username: VBEM_USERNAME,
  password: VBEM_PASSWORD,
  ...(VBEM_CA ? { ca: readFileSync(VBEM_CA, 'utf8') } : {}),
});

try {
  const { Ref: refs } = await client.cloudFailoverSessions.list(); // logs on first
  for (const ref of refs) {
    const alternate = linkOf(ref, 'Alternate');
    if (!alternate) continue;
    const session = await client.follow(alternate, { type: 'CloudFailoverSession' });
    console.log(`${session.Name}: ${session.State}, ${session.Result}`);
  }
} finally {
  await client.logoff();
}

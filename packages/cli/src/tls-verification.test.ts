import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOGGING_ON, logOnArgs, serveFake, terminal } from '../test/commands-that-log-on.js';
import { ExitStatus } from './exit-status.js';
import { main } from './main.js';

/** The conformance suite's test-only TLS material: a throwaway CA and a certificate for 127.0.0.1 it signed. */
const TLS_DIR = new URL('../../../conformance/src/test-support/tls/', import.meta.url);
const SERVER_TLS = { key: readFileSync(new URL('server-key.pem', TLS_DIR), 'utf8'), cert: readFileSync(new URL('server-cert.pem', TLS_DIR), 'utf8') };
const CA_FILE = fileURLToPath(new URL('ca.pem', TLS_DIR));

describe.each(Object.keys(LOGGING_ON))('vbem %s', (name) => {
  it('refuses a certificate the system does not trust: exit 2, the reason on stderr, and not one request sent', async () => {
    const fake = await serveFake({ tls: SERVER_TLS });
    try {
      const t = terminal();
      expect(await main(logOnArgs(name, fake.url), t.io)).toBe(ExitStatus.couldNotRun);
      expect(fake.received).toEqual([]);
      expect(t.stderr()).toMatch(/certificate/i);
      expect(t.stderr()).toMatch(/--ca/);
    } finally {
      await fake.close();
    }
  });

  it.each([
    ['--ca, trusting the CA that signed it', ['--ca', CA_FILE]],
    ['--insecure', ['--insecure']],
  ])('connects with %s: logs on, does its work and logs off', async (_how, extra) => {
    const fake = await serveFake({ tls: SERVER_TLS });
    try {
      const t = terminal();
      expect(await main(logOnArgs(name, fake.url, ...extra), t.io), t.stderr()).toBe(ExitStatus.ok);
      expect(fake.received.filter((r) => r.basic).length).toBeGreaterThan(0);
      expect(fake.received.filter((r) => r.session).length).toBeGreaterThan(0);
      expect(fake.opened.length).toBeGreaterThan(0);
      expect(fake.state.logons.size).toBe(0);
    } finally {
      await fake.close();
    }
  });
});

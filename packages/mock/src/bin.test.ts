import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { operations, operationUrl } from '@vbem/models';

const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));

describe('vbem-mock', () => {
  it('prints its URL and user name (never the password), serves JSON in the --json-style asked, and stops cleanly on SIGTERM', async () => {
    const password = 'correct horse battery staple';
    const child = spawn(process.execPath, ['--import', 'tsx', bin, '--port', '0', '--user', 'operator', '--entities', '3', '--json-style', '9.5'], {
      env: { ...process.env, VBEM_MOCK_PASSWORD: password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      while (!/http:\/\/\S+\/api\//.test(output)) {
        if (child.exitCode !== null) throw new Error(`vbem-mock exited: ${output}`);
        await once(child.stdout, 'data');
      }
      const origin = /(http:\/\/[^/\s]+)\/api\//.exec(output)![1]!;
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(output).toContain('operator');
      expect((await fetch(operationUrl(origin, operations.getEntryPoint))).status).toBe(200);
      // EM 9.5 left null members out; 12 and 13 write the entry point's Href and Type as null.
      const json = await (await fetch(operationUrl(origin, operations.getEntryPoint), { headers: { Accept: 'application/json' } })).text();
      expect(json).toMatch(/^\{"/);
      expect(json).not.toContain('null');
      expect(output).toContain('JSON as EM 9.5');
      const logon = await fetch(operationUrl(origin, operations.logon), {
        method: operations.logon.method,
        headers: { Authorization: `Basic ${Buffer.from(`operator:${password}`).toString('base64')}` },
      });
      expect(logon.status).toBe(201);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(output).not.toContain(password);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});

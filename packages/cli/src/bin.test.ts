import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createMockState, serveMock, type Fault, type MockServer, type MockState } from '@vbem/mock';
import { beforeAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../dist/vbem.js', import.meta.url));
const PASSWORD = 'spawned-test-password';

/** Runs the built `vbem` in a child process; resolves with its exit status and output. */
function vbem(args: string[], env: Record<string, string> = {}, whileRunning?: (child: ReturnType<typeof spawn>, stdout: () => string) => void) {
  const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  whileRunning?.(child, () => stdout);
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

beforeAll(() => {
  // The test spawns the built CLI: build and bundle it from the current sources first.
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root });
  execFileSync(process.execPath, ['bundle.mjs'], { cwd: root });
}, 120_000);

/** A fake of the test's own, with its faults, and the ids of the logon sessions it opened. */
async function ownMock(faults: Record<string, Fault> = {}): Promise<{ mock: MockServer; state: MockState; opened: string[] }> {
  const state = createMockState({ entities: 4, users: { svc: PASSWORD } });
  const opened: string[] = [];
  const set = state.logons.set.bind(state.logons);
  state.logons.set = (token, logon) => (opened.push(logon.id), set(token, logon));
  return { mock: await serveMock({ state, faults }), state, opened };
}

it('exits 0 when every check passes against the built-in fake', async () => {
  const { status, stdout } = await vbem(['conformance', '--sample', '1']);
  expect(status).toBe(0);
  expect(stdout).toMatch(/✓ All \d+ checks passed: \d+ server requests, \d+ client requests in/);
}, 300_000);

it('exits 1 when a check fails, naming it', async () => {
  const { mock } = await ownMock({ listCloudFailoverSessions: { contentType: 'text/html; charset=utf-8' } });
  const { status, stdout } = await vbem(['conformance', '--base-url', mock.url, '--username', 'svc', '--sample', '1'], { VBEM_PASSWORD: PASSWORD }).finally(() => mock.close());
  expect(status).toBe(1);
  expect(stdout).toContain('✗ headers.content-type  listCloudFailoverSessions');
  expect(stdout).not.toContain(PASSWORD);
}, 300_000);

it('exits 2 with a one-line reason when it cannot run', async () => {
  const { status, stderr, stdout } = await vbem(['conformance', '--sample=-1']);
  expect(status).toBe(2);
  expect(stderr).toBe("vbem conformance: --sample: expected a whole number from 0, got '-1' (see --help)\n");
  expect(stdout).toBe('');
});

it('logs off and exits 2 when interrupted with SIGINT', async () => {
  const { mock, state, opened } = await ownMock({ getCloudFailoverSession: { latencyMs: 200 } });
  const { status, stderr } = await vbem(['conformance', '--base-url', mock.url, '--username', 'svc'], { VBEM_PASSWORD: PASSWORD }, (child, stdout) => {
    const poll = setInterval(() => {
      if (!stdout().includes('queryCloudFailoverSessions')) return;
      clearInterval(poll);
      child.kill('SIGINT');
    }, 10);
  }).finally(() => mock.close());
  expect(status).toBe(2);
  expect(stderr).toBe('vbem conformance: The run was interrupted; its logon session was closed\n');
  expect(opened.length).toBeGreaterThan(0);
  expect(state.logons.size).toBe(0);
}, 300_000);

it('ends quietly, status 0, when its output pipe closes (`vbem … | head`)', async () => {
  const { status, stderr } = await vbem(['conformance', '--sample', '1'], {}, (child) => child.stdout!.destroy());
  expect(stderr).toBe('');
  expect(status).toBe(0);
}, 300_000);

it('says `vbem …`, not `pnpm vbem …`, when run as the installed bin', async () => {
  const { stdout } = await vbem(['conformance', '--sample', '0']);
  expect(stdout).toMatch(/\n  VBEM_PASSWORD=… vbem conformance --base-url/);
}, 300_000);

it('loads the packages it is made of with require(), as CommonJS users on Node 20.19+ do', async () => {
  const script = "for (const p of ['@vbem/client', '@vbem/mock', '@vbem/conformance']) if (typeof require(p) !== 'object') process.exit(1)";
  const child = spawn(process.execPath, ['-e', script], { cwd: root });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED|Error/);
  expect(status).toBe(0);
}, 300_000);

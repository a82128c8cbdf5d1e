import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, loadSpec, modelsDir } from './index.js';

describe('the committed generated files', () => {
  const files = generate(loadSpec());

  it.each([...files.keys()])('%s is what pnpm generate writes', (path) => {
    const full = join(modelsDir, path);
    const committed = existsSync(full) ? readFileSync(full, 'utf8') : '(missing)';
    expect(committed, `packages/models/${path} is stale: run \`pnpm generate\` and commit the result`).toBe(files.get(path));
  });

  it('is the same on a second run (deterministic output)', () => {
    expect(generate(loadSpec())).toEqual(files);
  });
});

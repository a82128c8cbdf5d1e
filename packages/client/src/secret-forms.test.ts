import { describe, expect, it } from 'vitest';
import { secretForms } from './secret-forms.js';

describe('the forms of a secret', () => {
  it('are the secret, URL-encoded, base64 and base64 without its padding, each once', () => {
    expect(secretForms('p@ss')).toEqual(['p@ss', 'p%40ss', 'cEBzcw==', 'cEBzcw']);
    expect(secretForms('pass')).toEqual(['pass', 'cGFzcw==', 'cGFzcw']);
  });
});

import { describe, expect, it } from 'vitest';
import { BaseUrlError } from './errors.js';
import { normalizeBaseUrl } from './normalize-base-url.js';

const thrown = (input: string) => {
  try {
    normalizeBaseUrl(input);
  } catch (error) {
    return error as BaseUrlError;
  }
  throw new Error(`expected normalizeBaseUrl('${input}') to throw`);
};

describe('normalizeBaseUrl', () => {
  it.each([
    'https://em.example.com:9398',
    'https://em.example.com:9398/',
    'https://em.example.com:9398/api',
    'https://em.example.com:9398/api/',
    'https://em.example.com:9398/api//',
    ' https://em.example.com:9398/api?x=1#top ',
  ])('reads %j as the server https://em.example.com:9398/', (input) => {
    expect(normalizeBaseUrl(input).href).toBe('https://em.example.com:9398/');
  });

  it('keeps a path prefix in front of /api (a reverse proxy)', () => {
    expect(normalizeBaseUrl('https://gw.example.com/veeam/api/').href).toBe('https://gw.example.com/veeam');
    expect(normalizeBaseUrl('https://gw.example.com/veeam/').href).toBe('https://gw.example.com/veeam');
  });

  it('refuses a host without a scheme and shows the fix', () => {
    const error = thrown('localhost:9399');
    expect(error).toBeInstanceOf(BaseUrlError);
    expect(error.name).toBe('BaseUrlError');
    expect(error.message).toBe("baseUrl: expected an absolute http(s) URL such as https://em.example.com:9398, got 'localhost:9399', which has no scheme; did you mean https://localhost:9399?");
    expect(error.suggestion).toBe('https://localhost:9399');
  });

  it('suggests the URL without /api for a schemeless host with it', () => {
    expect(thrown('em.example.com:9398/api').suggestion).toBe('https://em.example.com:9398');
  });

  it.each(['https://svc:hunter2-secret@em.example.com:9398/api', 'svc:hunter2-secret@em.example.com:9398', 'https://hunter2-secret@em.example.com', 'https://:hunter2-secret@em.example.com:9398/api'])(
    'refuses credentials in %j without echoing them',
    (input) => {
      const error = thrown(input);
      expect(error).toBeInstanceOf(BaseUrlError);
      expect(error.message).toMatch(/expected a URL without a user name or password/);
      expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toMatch(/hunter2|svc:/);
    },
  );

  it('refuses other schemes', () => {
    expect(thrown('ftp://em.example.com').message).toMatch(/expected an http: or https: URL, got ftp:/);
  });
});

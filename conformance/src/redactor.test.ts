import { expect, it } from 'vitest';
import { REDACTED, Redactor } from './redactor.js';

it('scrubs a secret and its URL-encoded and base64 forms from text', () => {
  const r = new Redactor();
  r.add('p@ss word+1');
  r.add('44cfbdbe-5a95-4156-8867-91f069b7c2cc');
  const text = `p@ss word+1 p%40ss%20word%2B1 /logonSessions/44cfbdbe-5a95-4156-8867-91f069b7c2cc NDRjZmJkYmUtNWE5NS00MTU2LTg4NjctOTFmMDY5YjdjMmNj`;
  expect(r.text(text)).toBe(`${REDACTED} ${REDACTED} /logonSessions/${REDACTED} ${REDACTED}`);
});

it('blanks the session header, cookies and credentials, keeping the auth scheme', () => {
  const headers = new Redactor().headers({ 'X-RestSvcSessionId': 'tok', Authorization: 'Basic dXNlcjpwdw==', 'Set-Cookie': 'X-RestSvcSessionId=tok; Path=/api', Accept: 'application/xml' });
  expect(headers).toEqual({ 'x-restsvcsessionid': REDACTED, authorization: `Basic ${REDACTED}`, 'set-cookie': REDACTED, accept: 'application/xml' });
  expect(new Redactor().headers({ authorization: 'bare-token' }).authorization).toBe(REDACTED);
});

it('leaves text alone until it knows a secret, and ignores secrets too short to scrub', () => {
  const r = new Redactor();
  r.add('ab');
  expect(r.text('about abba')).toBe('about abba');
});

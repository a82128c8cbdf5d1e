import { NetworkError } from '@vbem/client';
import { TargetUnreachableError } from '@vbem/conformance';
import { expect, it } from 'vitest';
import { describeFailure } from './describe-failure.js';

const altname = "fetch failed: Hostname/IP does not match certificate's altnames: Host: 10.0.0.5. is not in the cert's altnames: DNS:em.example.com (ERR_TLS_CERT_ALTNAME_INVALID)";

it('explains a certificate name mismatch and names --servername', () => {
  const text = describeFailure(new TargetUnreachableError('https://10.0.0.5:9398/', altname));
  expect(text).toMatch(/certificate names another host than the one in --base-url.*--servername NAME/);
  expect(text).not.toMatch(/--ca FILE/);
});

it('gives the same hint for the client of `vbem list`', () => {
  const error = new NetworkError({ operation: 'logon', method: 'POST', url: 'https://10.0.0.5:9398/api/sessionMngr/' }, Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('altnames'), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }) }));
  expect(describeFailure(error)).toMatch(/^NetworkError: .*--servername NAME\)$/);
});

it('suggests --ca for an untrusted certificate', () => {
  expect(describeFailure(new TargetUnreachableError('https://em:9398/', 'fetch failed: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)'))).toMatch(/--ca FILE, or --insecure/);
});

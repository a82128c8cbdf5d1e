import type { Check } from '../check-result.js';
import { actionTask } from './action-task.js';
import { authAfterLogoff } from './auth-after-logoff.js';
import { authInvalidSession } from './auth-invalid-session.js';
import { authLogoff } from './auth-logoff.js';
import { authLogon } from './auth-logon.js';
import { authNoSession } from './auth-no-session.js';
import { authWrongPassword } from './auth-wrong-password.js';
import { bodyNamespace } from './body-namespace.js';
import { bodyJson } from './body-json.js';
import { bodyRoot } from './body-root.js';
import { bodyShape } from './body-shape.js';
import { bodyXml } from './body-xml.js';
import { dataRules } from './data-rules.js';
import { entryVersions } from './entry-versions.js';
import { errorStatusCode } from './error-status-code.js';
import { headersContentLength } from './headers-content-length.js';
import { headersContentType } from './headers-content-type.js';
import { headersDocumented } from './headers-documented.js';
import { jsonCasing } from './json-casing.js';
import { linksAlternate } from './links-alternate.js';
import { linksDocumented } from './links-documented.js';
import { linksOrigin } from './links-origin.js';
import { linksUp } from './links-up.js';
import { queryFilter } from './query-filter.js';
import { queryPaging } from './query-paging.js';
import { querySort } from './query-sort.js';
import { representationsAgree } from './representations-agree.js';
import { statusDocumented } from './status-documented.js';
import { statusExpected } from './status-expected.js';
import { statusUnknownId } from './status-unknown-id.js';
import { transport } from './transport.js';
import { uidForm } from './uid-form.js';
import { xsdValid } from './xsd-valid.js';

/** The checks that judge a server's responses (the server target, live or the built-in fake). */
export const serverChecks: readonly Check[] = [
  transport,
  statusDocumented,
  statusExpected,
  statusUnknownId,
  headersContentType,
  headersContentLength,
  headersDocumented,
  bodyXml,
  bodyJson,
  bodyNamespace,
  bodyRoot,
  bodyShape,
  jsonCasing,
  uidForm,
  entryVersions,
  actionTask,
  dataRules,
  linksDocumented,
  linksOrigin,
  authLogon,
  authWrongPassword,
  authNoSession,
  authInvalidSession,
  authLogoff,
  authAfterLogoff,
  errorStatusCode,
  linksAlternate,
  linksUp,
  queryPaging,
  queryFilter,
  querySort,
  representationsAgree,
  xsdValid,
];

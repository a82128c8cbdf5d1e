import { successOf } from '@vbem/models';
import { rebase } from '../at-origin.js';
import type { Responder } from '../request-context.js';
import { documentedEntryPoint } from './documented-entry-point.js';

/** `GET /api/`: the documented entry point, its links on the request's origin. */
export const getEntryPoint: Responder = ({ operation, url }) => ({
  status: successOf(operation).status,
  body: { type: 'EnterpriseManager', value: rebase(documentedEntryPoint(), url.origin) },
});

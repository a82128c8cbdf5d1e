import type { ResponseSpec } from '@vbem/models';

/** One `?format=` form of a response body (the spec's per-operation representation; not XML vs JSON). */
export type BodyFormat = ResponseSpec['formats'][number];

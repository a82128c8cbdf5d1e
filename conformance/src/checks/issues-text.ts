import type { CodecIssue } from '@vbem/models';
import { listOf } from './verdict.js';

/** Codec issues as one message: where, what was expected, what came. */
export const issuesText = (issues: readonly CodecIssue[]): string =>
  listOf(issues.map((i) => `${i.path}: expected ${i.expected}, got ${i.actual}`));

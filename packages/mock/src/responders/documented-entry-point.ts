import { decode, examples, operations, successOf, type EnterpriseManager } from '@vbem/models';

let cached: EnterpriseManager | undefined;

/** The documented entry point body (its hrefs on the documentation's origin), decoded once. */
export function documentedEntryPoint(): EnterpriseManager {
  const status = successOf(operations.getEntryPoint).status;
  const ex = examples.find((e) => e.operation === operations.getEntryPoint.id && e.status === status);
  cached ??= ex ? decode('EnterpriseManager', ex.xml) : { SupportedVersions: [] };
  return cached;
}

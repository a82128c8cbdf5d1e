import { buildSpec, parseSpecFile, type Spec, type SpecFile } from '../src/index.js';

const API = `title: t
namespace: http://www.veeam.com/ent/v1.0
basePath: /api
mediaType: application/xml
sessionHeader: X-RestSvcSessionId
formatParam: format
docs: https://helpcenter.veeam.com/docs/backup/em_rest/
errorBody: ErrorBody
errors: { GET: [401] }
`;

const ERROR_BODY = `types:
  ErrorBody:
    root: Error
    attributes:
      Message: { type: string }
`;

/** A spec from resource-file fragments, beside a minimal api.yaml and Error body. */
export function specFrom(...resources: string[]): Spec {
  return specWithApi('', ...resources);
}

/** The same, with lines added to api.yaml (`protocol: …`). */
export function specWithApi(apiLines: string, ...resources: string[]): Spec {
  const files = [API + apiLines, ERROR_BODY, ...resources].map((text, i) => {
    const file = parseSpecFile(i === 0 ? 'spec/api.yaml' : `spec/resources/r${i}.yaml`, text);
    if (!('data' in file)) throw new Error(`${file.file}:${file.line}: ${file.message}`);
    return file as SpecFile;
  });
  return buildSpec(files, (name) => `<Example file="${name}"/>`);
}

import type { FieldCondition, FieldRule, LinkSpec } from '@vbem/models';
import { clientNamesOf } from './client-names.js';
import { flatten } from './flatten.js';
import { MethodNameCollisionError, SpecError, type SpecProblem } from './spec-error.js';
import type { SpecFile } from './spec-file.js';
import {
  isScalar,
  RAW_XML,
  TEXT_FIELD,
  type ExampleDef,
  type FieldDef,
  type ObjectDef,
  type OperationDef,
  type ParamDef,
  type RepresentationDef,
  type ResponseDef,
  type Spec,
  type TypeDef,
} from './spec-model.js';

// The raw shapes below are what the format's JSON Schema has already admitted.
type Raw = Record<string, any>;
const API_KEYS = ['title', 'namespace', 'basePath', 'mediaType', 'sessionHeader', 'formatParam', 'docs', 'errorBody', 'errors'] as const;

/** Resolves the names the files use for each other and reports every dangling one. */
export function buildSpec(files: readonly SpecFile[], readExample: (file: string) => string | undefined): Spec {
  const problems: SpecProblem[] = [];
  const apiFile = files[0]!;
  for (const key of API_KEYS) {
    if (apiFile.data[key] === undefined) problems.push(apiFile.problem([], `missing required key '${key}'`));
  }
  const api = apiFile.data as Spec['api'];

  const typeFile = new Map<string, SpecFile>();
  const types: TypeDef[] = [];
  for (const file of files) {
    for (const [name, raw] of Object.entries((file.data.types ?? {}) as Record<string, Raw>)) {
      if (typeFile.has(name)) {
        problems.push(file.problem(['types', name], `type '${name}' is already defined in ${typeFile.get(name)!.name}`));
        continue;
      }
      typeFile.set(name, file);
      types.push(toTypeDef(name, raw));
    }
  }
  const typeByName = new Map(types.map((t) => [t.name, t]));
  const isObject = (n: string) => typeByName.get(n)?.kind === 'object';
  const fieldNames = (n: string): Set<string> => {
    const t = typeByName.get(n);
    if (t?.kind !== 'object') return new Set();
    return new Set([...(t.extends ? fieldNames(t.extends) : []), ...t.attributes.map((a) => a.name), ...t.elements.map((e) => e.name)]);
  };
  /** A list document: a type whose only child element repeats (EntityReferences, Tasks). */
  const isListType = (n: string) => {
    const t = typeByName.get(n);
    if (t?.kind !== 'object') return false;
    const { elements } = flatten({ types }, t);
    return elements.length === 1 && elements[0]!.repeated;
  };
  const rootOf = (n: string) => {
    const t = typeByName.get(n);
    return t?.kind === 'object' ? t.root : undefined;
  };

  for (const type of types) {
    if (type.kind !== 'object') continue;
    const file = typeFile.get(type.name)!;
    const at = (...path: (string | number)[]) => ['types', type.name, ...path];
    if (type.extends !== undefined && !isObject(type.extends)) {
      problems.push(file.problem(at('extends'), unknownType(type.extends, types)));
    }
    for (const a of type.attributes) {
      if (!isScalar(a.type) && typeByName.get(a.type)?.kind !== 'enum') {
        problems.push(file.problem(at('attributes', a.name, 'type'), unknownType(a.type, types, 'scalar or enum ')));
      }
    }
    for (const e of type.elements) {
      if (e.type === RAW_XML) {
        if (e.item !== undefined || e.repeated) problems.push(file.problem(at('elements', e.name), `an ${RAW_XML} element is one element, not a list or repeated`));
      } else if (!isScalar(e.type) && !typeByName.has(e.type)) {
        problems.push(file.problem(at('elements', e.name, e.item ? 'list' : 'type'), unknownType(e.type, types)));
      }
    }
    for (const [kind, f] of [...type.attributes.map((a) => ['attributes', a] as const), ...type.elements.map((e) => ['elements', e] as const)]) {
      if (f.refers !== undefined && !isObject(f.refers)) problems.push(file.problem(at(kind, f.name, 'refers'), unknownType(f.refers, types, 'entity ')));
      else if (f.where !== undefined) problems.push(...whereProblems(f, typeByName).map((message) => file.problem(at(kind, f.name, 'where'), message)));
    }
    const { elements: flat, attributes: flatAttributes, text } = flatten({ types }, type);
    if (text) problems.push(...textProblems(text, flat, flatAttributes, typeByName).map(([path, message]) => file.problem(at(...path), message)));
    for (const e of type.elements) {
      for (const form of Object.keys(e.forms ?? {})) {
        const other = flat.find((x) => x.name !== e.name && (x.name === form || (x.forms && form in x.forms)));
        if (form === e.name || other) problems.push(file.problem(at('elements', e.name, 'forms', form), `'${form}' is ${other ? `already <${other.name}>'s name or form` : 'the element\'s own name'}: a form must tell the element apart`));
      }
      if (e.itemForms && e.item !== undefined && e.item in e.itemForms) problems.push(file.problem(at('elements', e.name, 'list', 'forms', e.item), `'${e.item}' is the item's own name`));
    }
    if (type.choice && (type.extends !== undefined || type.attributes.length > 0 || type.elements.length < 2 || type.elements.some((e) => e.repeated))) {
      problems.push(file.problem(at('choice'), `a choice is of two or more elements, none repeated, with no attributes and no base: ${type.name} has ${type.elements.length} element(s)${type.attributes.length > 0 ? ', attributes' : ''}${type.extends ? ', a base' : ''}${type.elements.some((e) => e.repeated) ? ', a repeated element' : ''}`));
    }
    for (const field of Object.keys(type.json?.names ?? {})) {
      if (!fieldNames(type.name).has(field)) problems.push(file.problem(at('json', 'names', field), `'${field}' is not a field of ${type.name}${suggest(field, [...fieldNames(type.name)])}`));
    }
    for (const [i, rule] of type.rules.entries()) problems.push(...ruleProblems(rule, flatten({ types }, type), typeByName).map((message) => file.problem(at('rules', i), message)));
  }
  if (!isObject(api.errorBody)) problems.push(apiFile.problem(['errorBody'], unknownType(api.errorBody, types)));

  const operations: OperationDef[] = [];
  const operationFile = new Map<string, SpecFile>();
  const examples: ExampleDef[] = [];
  const addExample = (file: SpecFile, path: (string | number)[], def: Omit<ExampleDef, 'xml'>) => {
    const xml = readExample(def.file);
    if (xml === undefined) problems.push(file.problem([...path, 'file'], `no such file spec/examples/${def.file}`));
    else examples.push({ ...def, xml });
  };

  for (const file of files) {
    for (const [i, raw] of ((file.data.examples ?? []) as Raw[]).entries()) {
      if (!rootOf(raw.type)) problems.push(file.problem(['examples', i, 'type'], unknownRoot(raw.type, types)));
      else addExample(file, ['examples', i], { file: raw.file, type: raw.type, summary: raw.summary, ...(raw.expect ? { expect: raw.expect } : {}) });
    }
    for (const [id, raw] of Object.entries((file.data.operations ?? {}) as Record<string, Raw>)) {
      const at = (...path: (string | number)[]) => ['operations', id, ...path];
      if (operations.some((o) => o.id === id)) {
        problems.push(file.problem(at(), `operation '${id}' is defined twice`));
        continue;
      }
      const built = toOperationDef(id, raw, api);
      const body = built.responses.find((r) => !r.error)?.formats.find((f) => f.format === 'default')?.body;
      const names = clientNamesOf(built, api.basePath, body !== undefined && isListType(body));
      const op: OperationDef = { ...built, resource: names.group, methods: names.methods };
      operations.push(op);
      if (raw.resource !== undefined && raw.resource !== op.resource) {
        problems.push(file.problem(at('resource'), `the client group the path gives is '${op.resource}', not '${raw.resource}': drop resource (the path names it)`));
      }
      operationFile.set(id, file);

      const templated = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      for (const name of templated) {
        if (!op.params.some((p) => p.name === name)) problems.push(file.problem(at('path'), `path parameter '{${name}}' is not declared in params`));
      }
      for (const p of op.params) {
        if (!templated.includes(p.name)) problems.push(file.problem(at('params', p.name), `parameter '${p.name}' does not appear in the path`));
      }
      if (op.requestBody && !rootOf(op.requestBody.type)) {
        problems.push(file.problem(at('requestBody', 'type'), unknownRoot(op.requestBody.type, types)));
      }
      for (const [status, response] of Object.entries((raw.responses ?? {}) as Record<string, Raw>)) {
        const reps = response.formats ? Object.entries(response.formats as Record<string, Raw>) : [['', response] as const];
        for (const [format, rep] of reps) {
          const where = format ? at('responses', status, 'formats', format, 'body') : at('responses', status, 'body');
          if (rep.body !== undefined && !rootOf(rep.body)) problems.push(file.problem(where, unknownRoot(rep.body, types)));
          for (const link of toLinks(rep.links) ?? []) {
            if (link.when === undefined) continue;
            const linkAt = [...where.slice(0, -1), 'links', link.rel, 'when'];
            if (op.entity === undefined || !isObject(op.entity)) problems.push(file.problem(linkAt, `a link with when needs the operation's entity: its fields say when the link is there`));
            else problems.push(...ruleProblems({ summary: '', when: link.when, then: {} }, flatten({ types }, typeByName.get(op.entity) as ObjectDef), typeByName).map((m) => file.problem(linkAt, m.replace('of the type', `of ${op.entity}`))));
          }
        }
      }
      for (const name of [op.entity, ...(op.task?.creates ?? [])]) {
        if (name !== undefined && !isObject(name)) problems.push(file.problem(at(name === op.entity ? 'entity' : 'task'), unknownType(name, types, 'entity ')));
      }
      for (const [field, source] of Object.entries(op.queryFields ?? {})) {
        const [head, tail] = source.split('.') as [string, string | undefined];
        const known = tail !== undefined ? isObject(head) : op.entity !== undefined && fieldNames(op.entity).has(head);
        if (!known) problems.push(file.problem(at('queryFields', field), `'${source}' is neither a field of ${op.entity ?? 'the operation\'s entity (declare entity:)'} nor a related entity's UID or Name`));
      }
      for (const [i, ex] of ((raw.examples ?? []) as Raw[]).entries()) {
        if (ex.request === true) {
          if (!op.requestBody) problems.push(file.problem(at('examples', i, 'request'), `'${id}' declares no requestBody`));
          else addExample(file, at('examples', i), { file: ex.file, type: op.requestBody.type, operation: id, request: true, ...(ex.summary ? { summary: ex.summary } : {}), ...(ex.expect ? { expect: ex.expect } : {}) });
          continue;
        }
        const response = op.responses.find((r) => r.status === ex.status);
        const rep = response?.formats.find((f) => f.format === (ex.format ?? 'default'));
        if (!response) problems.push(file.problem(at('examples', i, 'status'), `status ${ex.status} is not a response of '${id}'`));
        else if (!rep) problems.push(file.problem(at('examples', i, 'format'), `'${id}' has no ${ex.format ?? 'default'} representation for status ${ex.status}`));
        else addExample(file, at('examples', i), { ...ex, type: rep.body, operation: id } as Omit<ExampleDef, 'xml'>);
      }
    }
  }
  if (operations.length > 0 && api.protocol === undefined) problems.push(apiFile.problem([], "missing required key 'protocol' (the operations that log on, log off…)"));
  for (const [part, id] of Object.entries(api.protocol ?? {})) {
    if (!operations.some((o) => o.id === id)) problems.push(apiFile.problem(['protocol', part], `unknown operation '${id}'${suggest(id, operations.map((o) => o.id))}`));
  }
  if (problems.length > 0) throw new SpecError(problems);
  const collisions = methodCollisions(operations, api, (op, message) => operationFile.get(op.id)!.problem(['operations', op.id, 'path'], message));
  if (collisions.length > 0) throw new MethodNameCollisionError(collisions);
  return { api, types, operations, examples };
}

/**
 * Two operations the client would give one method (`client.jobs.get`), by the path rule of clientNamesOf;
 * the protocol's logon and logoff are the lifecycle's (`client.logon()`), and the task group keeps `wait`.
 */
function methodCollisions(operations: readonly OperationDef[], api: Spec['api'], problem: (op: OperationDef, message: string) => SpecProblem): SpecProblem[] {
  const owner = new Map<string, string>();
  const task = operations.find((o) => o.id === api.protocol?.task);
  if (task) owner.set(`${task.resource}.wait`, 'tasks.wait');
  const out: SpecProblem[] = [];
  for (const op of operations) {
    if (op.id === api.protocol?.logon || op.id === api.protocol?.logoff) continue;
    for (const method of Object.values(op.methods)) {
      const name = `${op.resource}.${method}`;
      const taken = owner.get(name);
      if (taken !== undefined) out.push(problem(op, `client.${name} would be both ${taken}'s and ${op.id}'s (${op.method} ${op.path}): the path rule gives two operations one method name`));
      else owner.set(name, op.id);
    }
  }
  return out;
}

function toTypeDef(name: string, raw: Raw): TypeDef {
  if (raw.enum) return { kind: 'enum', name, summary: raw.summary, values: raw.enum };
  const attributes: FieldDef[] = Object.entries((raw.attributes ?? {}) as Record<string, Raw>).map(([n, f]) => ({
    name: n,
    type: f.type,
    repeated: false,
    optional: f.optional === true,
    summary: f.summary,
    refers: f.refers,
    where: f.where,
  }));
  const elements: FieldDef[] = Object.entries((raw.elements ?? {}) as Record<string, Raw>).map(([n, f]) => {
    const list = typeof f.list === 'string' ? { item: f.list, type: f.list } : f.list;
    return {
      name: n,
      type: list ? list.type : f.type,
      item: list?.item,
      repeated: f.repeated === true,
      // An alternative of a choice is optional on its own: the choice says that one of them is there.
      optional: f.optional === true || raw.choice === true,
      summary: f.summary,
      refers: f.refers,
      where: f.where,
      ...(f.forms ? { forms: f.forms } : {}),
      ...(list?.forms ? { itemForms: list.forms } : {}),
    };
  });
  const text: FieldDef | undefined = raw.text && { name: TEXT_FIELD, type: raw.text.type, repeated: false, optional: raw.text.optional === true, summary: raw.text.summary };
  return { kind: 'object', name, summary: raw.summary, root: raw.root, extends: raw.extends, ...(raw.choice === true ? { choice: true as const } : {}), attributes, elements, ...(text ? { text } : {}), rules: ((raw.rules ?? []) as Raw[]).map(toRule), ...(raw.json ? { json: raw.json } : {}) };
}

/**
 * What is wrong with a type's text (`text:`): a type that is not a scalar or an enum, elements beside
 * it (XSD simpleContent has none), an attribute that takes its field's name.
 */
function textProblems(text: FieldDef, elements: readonly FieldDef[], attributes: readonly FieldDef[], typeByName: ReadonlyMap<string, TypeDef>): [string[], string][] {
  const problems: [string[], string][] = [];
  const kind = typeByName.get(text.type)?.kind;
  if (!isScalar(text.type) && kind !== 'enum') {
    problems.push([['text', 'type'], kind === 'object' ? `'${text.type}' is an object type: text is a scalar or an enum` : unknownType(text.type, [...typeByName.values()], 'scalar or enum ')]);
  }
  if (elements.length > 0) problems.push([['text'], `a type with text has no child elements, and this one has <${elements[0]!.name}>: model it as elements, or the text as text alone`]);
  if (attributes.some((a) => a.name === TEXT_FIELD)) problems.push([['attributes', TEXT_FIELD], `the attribute '${TEXT_FIELD}' would take the name of the type's text (its field '${TEXT_FIELD}')`]);
  return problems;
}

/** What is wrong with a `where`: no `refers`, fields the referred type lacks as scalars, values their enums lack. */
function whereProblems(f: FieldDef, typeByName: ReadonlyMap<string, TypeDef>): string[] {
  if (f.refers === undefined) return [`where needs refers: it says which entities of the referred type '${f.name}' may name`];
  const referred = typeByName.get(f.refers) as ObjectDef;
  const fields = flatten({ types: [...typeByName.values()] }, referred);
  return Object.entries(f.where!).flatMap(([name, values]) => {
    const field = [...fields.attributes, ...fields.elements].find((x) => x.name === name);
    const t = field && typeByName.get(field.type);
    if (!field || field.repeated || field.item !== undefined || (!isScalar(field.type) && t?.kind !== 'enum')) return [`'${name}' is not a scalar field of ${f.refers}`];
    return t?.kind === 'enum' ? values.filter((v) => !t.values.includes(v)).map((v) => `'${v}' is not a value of ${f.refers}.${name} (${t.name}: ${t.values.join(', ')})`) : [];
  });
}

/** What is wrong with a rule: fields that are not scalars of the type, values its enums lack, `absent` on a required field, `notBefore` between non-date-times. */
function ruleProblems(rule: FieldRule, fields: { attributes: FieldDef[]; elements: FieldDef[] }, typeByName: ReadonlyMap<string, TypeDef>): string[] {
  const problems: string[] = [];
  const scalarField = (name: string): FieldDef | undefined => {
    const f = [...fields.attributes, ...fields.elements].find((x) => x.name === name);
    if (f && !f.repeated && f.item === undefined && (isScalar(f.type) || typeByName.get(f.type)?.kind === 'enum')) return f;
    problems.push(`'${name}' is not a scalar field of the type`);
    return undefined;
  };
  const values = (f: FieldDef, oneOf: readonly string[]) => {
    const t = typeByName.get(f.type);
    const known = t?.kind === 'enum' ? t.values : undefined;
    for (const v of oneOf) if (known && !known.includes(v)) problems.push(`'${v}' is not a value of ${f.name} (${t!.name}: ${known.join(', ')})`);
  };
  const when = rule.when && scalarField(rule.when.field);
  if (when) values(when, rule.when!.oneOf);
  for (const [name, condition] of Object.entries(rule.then)) {
    const f = scalarField(name);
    if (!f) continue;
    if ('oneOf' in condition) values(f, condition.oneOf);
    if ('absent' in condition && !f.optional) problems.push(`'${name}' is required: it cannot be absent`);
    if ('notBefore' in condition) {
      const other = scalarField(condition.notBefore);
      if (f.type !== 'dateTime' || (other && other.type !== 'dateTime')) problems.push(`notBefore compares date-times: ${name} and ${condition.notBefore} must both be dateTime`);
    }
    if ('atMost' in condition) {
      const other = scalarField(condition.atMost);
      const numeric = (t: string) => t === 'int' || t === 'long';
      if (!numeric(f.type) || (other && !numeric(other.type))) problems.push(`atMost compares numbers: ${name} and ${condition.atMost} must both be int or long`);
    }
  }
  return problems;
}

function toRule(raw: Raw): FieldRule {
  const when = raw.when ? Object.entries(raw.when as Record<string, string[]>)[0]! : undefined;
  const condition = (c: Raw | string | string[]): FieldCondition =>
    Array.isArray(c) ? { oneOf: c } : c === 'present' ? { present: true } : c === 'absent' ? { absent: true } : ((c as Raw).atMost !== undefined ? { atMost: (c as Raw).atMost } : { notBefore: (c as Raw).notBefore });
  const then = Object.fromEntries(Object.entries(raw.then as Raw).map(([f, c]) => [f, condition(c)]));
  return { summary: raw.summary, ...(when ? { when: { field: when[0], oneOf: when[1] } } : {}), then };
}

function toParams(raw: Record<string, Raw> | undefined): ParamDef[] {
  return Object.entries(raw ?? {}).map(([name, p]) => ({ name, ...p, optional: p.optional === true || p.default !== undefined }) as ParamDef);
}

function toOperationDef(id: string, raw: Raw, api: Spec['api']): OperationDef {
  const responses: ResponseDef[] = Object.entries((raw.responses ?? {}) as Record<string, Raw>).map(([status, r]) => {
    const formats: RepresentationDef[] = r.formats
      ? Object.entries(r.formats as Record<string, Raw>).map(([format, f]) => ({ format, ...f, links: toLinks(f.links) }) as RepresentationDef)
      : r.body
        ? [{ format: 'default', body: r.body, linkType: r.linkType, links: toLinks(r.links) }]
        : [];
    const headers = Object.entries((r.headers ?? {}) as Record<string, Raw>).map(([name, h]) => ({ name, ...h, optional: h.optional === true }));
    const code = Number(status);
    return { status: code, error: code >= 400, summary: r.summary, headers, formats };
  });
  const errorStatuses: readonly number[] = raw.errors ?? api.errors[raw.method] ?? [];
  for (const status of errorStatuses) {
    if (responses.some((r) => r.status === status)) continue;
    responses.push({ status, error: true, headers: [], formats: [{ format: 'default', body: api.errorBody }] });
  }
  responses.sort((a, b) => a.status - b.status);
  return {
    id,
    resource: raw.resource,
    methods: {},
    summary: raw.summary,
    docs: new URL(raw.docs, api.docs).href,
    method: raw.method,
    path: raw.path,
    auth: raw.auth,
    params: toParams(raw.params),
    query: toParams(raw.query),
    requestBody: raw.requestBody && { type: raw.requestBody.type, optional: raw.requestBody.optional === true },
    responses,
    entity: raw.entity,
    task: raw.task && { operation: raw.task.operation, ...(raw.task.creates !== undefined ? { creates: [raw.task.creates].flat() } : {}) },
    queryFields: raw.queryFields,
  };
}

/**
 * `{ Up: [A, B], Alternate: C, Related: { type: D, when: { State: [Stopped] } } }` → `[{ rel: Up, type: A }, { rel: Up, type: B },
 * { rel: Alternate, type: C }, { rel: Related, type: D, when: { field: State, oneOf: [Stopped] } }]`.
 */
function toLinks(raw: Record<string, string | string[] | Raw> | undefined): LinkSpec[] | undefined {
  return (
    raw &&
    Object.entries(raw).flatMap(([rel, declared]) => {
      const { type, when, optional } = typeof declared === 'string' || Array.isArray(declared) ? { type: declared } : (declared as Raw);
      const condition = when ? Object.entries(when as Record<string, string[]>)[0]! : undefined;
      return [type as string | string[]].flat().map((t) => ({
        rel,
        type: t,
        ...(condition ? { when: { field: condition[0], oneOf: condition[1] } } : {}),
        ...(optional === true ? { optional: true as const } : {}),
      }));
    })
  );
}

function unknownType(name: string, types: readonly TypeDef[], kind = ''): string {
  return `unknown ${kind}type '${name}'${suggest(name, types.map((t) => t.name))}`;
}

function unknownRoot(name: string, types: readonly TypeDef[]): string {
  const known = types.some((t) => t.name === name);
  return known ? `type '${name}' has no root element and cannot be a body` : unknownType(name, types);
}

/** A close known name, for typos: edit distance at most 2. */
function suggest(name: string, known: readonly string[]): string {
  const close = known.find((k) => distance(k.toLowerCase(), name.toLowerCase()) <= 2);
  return close ? ` (did you mean '${close}'?)` : '';
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

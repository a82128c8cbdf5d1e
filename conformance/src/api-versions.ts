import { matchOperation, type ApiModel, type Link, type ParamSpec } from '@vbem/models';

/**
 * The API versions of the protocol, read from the spec alone: the logon's query parameter that
 * lists them (its `enum`, with the newest-version alias as its default), and the logon links an
 * entry point carries, one per version it supports.
 */

/** The logon's version parameter: its query parameter with a documented list of values. */
export const versionParamOf = (model: ApiModel): ParamSpec | undefined => model.operations[model.api.protocol.logon]?.query.find((q) => q.enum !== undefined);

/** One logon link of the entry point: the version it logs on with ('' when its URL names none). */
export interface AdvertisedVersion {
  readonly version: string;
  readonly href: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !(v instanceof Date);

/** Every link in a decoded body, wherever it sits. */
function linksIn(value: unknown): Link[] {
  if (Array.isArray(value)) return value.flatMap(linksIn);
  if (!isObject(value)) return [];
  const own = Array.isArray(value.Links) ? (value.Links as Link[]).filter((l) => isObject(l) && typeof l.Href === 'string') : [];
  return [...own, ...Object.entries(value).flatMap(([key, child]) => (key === 'Links' ? [] : linksIn(child)))];
}

/**
 * The logon links of a decoded entry point and the version each names, in document order
 * (duplicates kept: the check reports them).
 * @example advertisedVersions(entry, model).map((a) => a.version) // ['latest', 'v1_5', 'v1_6', 'v1_7']
 */
export function advertisedVersions(entry: unknown, model: ApiModel): AdvertisedVersion[] {
  const param = versionParamOf(model);
  const logon = model.api.protocol.logon;
  if (!param) return [];
  return linksIn(entry).flatMap((link) => {
    if (!URL.canParse(link.Href)) return [];
    const url = new URL(link.Href);
    if (matchOperation('POST', url, model)?.operation.id !== logon) return [];
    return [{ version: url.searchParams.get(param.name) ?? '', href: link.Href }];
  });
}

/** A version name's numbers, for ordering (`v1_10` after `v1_9`). */
const numbersOf = (name: string) => (name.match(/\d+/g) ?? []).map(Number);

/**
 * The newest of version names (by their numbers), or undefined for none.
 * @example newestVersion(['v1_5', 'v1_7', 'v1_6']) // 'v1_7'
 */
export function newestVersion(names: readonly string[]): string | undefined {
  const later = (a: string, b: string) => {
    const [x, y] = [numbersOf(a), numbersOf(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) > (y[i] ?? -1);
    return false;
  };
  return names.reduce<string | undefined>((best, n) => (best === undefined || later(n, best) ? n : best), undefined);
}

/** The version a run logs on with, and the API version that answers it. */
export interface ApiVersionChoice {
  /** The value of the logon's version parameter sent (`latest`, `v1_7`), or undefined for the spec's default. */
  readonly asked?: string;
  /** The API version that answered: the one asked, or the newest advertised for the alias; undefined when the entry point named none. */
  readonly version?: string;
}

/**
 * Which version to log on with: the newest-version alias (the parameter's default) where the entry
 * point offers it, else the newest version it advertises, else the default unnamed.
 * @example chooseVersion(advertisedVersions(entry, model), model) // { asked: 'latest', version: 'v1_7' }
 */
export function chooseVersion(advertised: readonly AdvertisedVersion[], model: ApiModel): ApiVersionChoice {
  const alias = versionParamOf(model)?.default;
  const named = advertised.map((a) => a.version).filter((v) => v !== '' && v !== alias);
  const newest = newestVersion(named);
  if (alias !== undefined && advertised.some((a) => a.version === alias)) return { asked: String(alias), ...(newest ? { version: newest } : {}) };
  return newest ? { asked: newest, version: newest } : {};
}

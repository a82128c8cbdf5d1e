/**
 * A Map that counts its changes: the mock caches the bodies it builds from collections of these
 * until one of them changes.
 */
export class VersionedMap<K, V> extends Map<K, V> {
  #version = 0;

  get version(): number {
    return this.#version;
  }

  override set(key: K, value: V): this {
    this.#version++;
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.#version++;
    return super.delete(key);
  }

  override clear(): void {
    this.#version++;
    super.clear();
  }
}

/**
 * The revision of a state's collections (changes in any of them move it), or undefined when one of
 * them is a plain Map whose changes cannot be seen: then nothing is cached.
 * @example stateRevision(state.collections) // '3:0:1:…'
 */
export function stateRevision(collections: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string | undefined {
  let revision = '';
  for (const c of collections.values()) {
    if (!(c instanceof VersionedMap)) return undefined;
    revision += `${c.version}:`;
  }
  return revision;
}

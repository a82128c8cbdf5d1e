/**
 * A Map that counts its changes, so the mock can cache bodies built from it and know when they
 * go stale. Replace entries with `set` rather than changing them in place.
 * @example const m = new VersionedMap([['a', 1]]); m.set('b', 2); m.version // 1
 */
export class VersionedMap<K, V> extends Map<K, V> {
  /** How many times `set`, `delete` or `clear` changed the map. */
  version = 0;

  override set(key: K, value: V): this {
    super.set(key, value);
    // Map's constructor calls set() for the initial entries before this class's field exists;
    // the field initialiser then starts the count at 0.
    this.version = (this.version ?? 0) + 1;
    return this;
  }

  override delete(key: K): boolean {
    const deleted = super.delete(key);
    if (deleted) this.version++;
    return deleted;
  }

  override clear(): void {
    super.clear();
    this.version++;
  }
}

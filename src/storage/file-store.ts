/**
 * Where files that every instance must reach are kept (evidence photos), by key — a relative path
 * such as `evidence/2026/11/<sha256>.jpg`. The database stores keys, never a machine's absolute
 * path, so any instance can read what another one stored. `fileStoreFrom` (from-config.ts) picks
 * the implementation; docs/operations.md ("Growing") says which to use when.
 */
export interface FileStore {
  /** Stores the bytes under the key; storing a key again replaces its bytes. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes stored under the key, or undefined when nothing is stored there. */
  get(key: string): Promise<Uint8Array | undefined>;
  has(key: string): Promise<boolean>;
}

/** A key is a relative path of plain segments: nothing a request could use to leave the store. */
export function checkKey(key: string): string {
  const segments = key.split("/");
  const plain = (segment: string) => /^[A-Za-z0-9._-]+$/.test(segment) && segment !== "." && segment !== "..";
  if (!key || !segments.every(plain)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}

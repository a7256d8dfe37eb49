/**
 * Where the registry keeps its manifest and model bytes: an async key → bytes-or-text map. Node
 * tests and scripts use memoryBlobStore; the browser uses IndexedDB
 * (components/storage/idb-blob-store.ts). Errors propagate unchanged, with their names
 * (QuotaExceededError), so the registry can tell a full disk from other failures.
 */
export type BlobValue = Uint8Array | string;

export interface BlobStore {
  /** The stored value, or undefined when there is none. */
  get(key: string): Promise<BlobValue | undefined>;
  set(key: string, value: BlobValue): Promise<void>;
  /** Removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export interface MemoryBlobStore extends BlobStore {
  readonly map: Map<string, BlobValue>;
  /** Every write fails with a QuotaExceededError while set. */
  failWrites: boolean;
  /** Writes that would take the total stored size over this many bytes fail with a QuotaExceededError. */
  quotaBytes: number;
  /** Total stored size (text counted as 2 bytes a character). */
  usedBytes(): number;
  /** Every key written or deleted, in order: tests use it to prove what was (not) written. */
  readonly log: { op: 'set' | 'delete'; key: string }[];
}

const sizeOf = (v: BlobValue) => (typeof v === 'string' ? v.length * 2 : v.byteLength);

/** Values are copied in and out, as IndexedDB's structured clone does. */
export function memoryBlobStore(
  initial: Record<string, BlobValue> = {},
  options: { quotaBytes?: number } = {},
): MemoryBlobStore {
  const map = new Map<string, BlobValue>(
    Object.entries(initial).map(([k, v]) => [k, copy(v)] as const),
  );
  const usedBytes = () => [...map.values()].reduce((s, v) => s + sizeOf(v), 0);
  const store: MemoryBlobStore = {
    map,
    failWrites: false,
    quotaBytes: options.quotaBytes ?? Infinity,
    usedBytes,
    log: [],
    async get(key) {
      const v = map.get(key);
      return v === undefined ? undefined : copy(v);
    },
    async set(key, value) {
      const previous = map.get(key);
      const after = usedBytes() - (previous ? sizeOf(previous) : 0) + sizeOf(value);
      if (store.failWrites || after > store.quotaBytes) throw quotaError();
      store.log.push({ op: 'set', key });
      map.set(key, copy(value));
    },
    async delete(key) {
      store.log.push({ op: 'delete', key });
      map.delete(key);
    },
  };
  return store;
}

function copy(v: BlobValue): BlobValue {
  return typeof v === 'string' ? v : v.slice();
}

function quotaError(): Error {
  const error = new Error('The quota has been exceeded.');
  error.name = 'QuotaExceededError';
  return error;
}

/** Whether a failed write was the browser running out of storage. */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | null;
  return e?.name === 'QuotaExceededError' || /quota/i.test(String(e?.message ?? ''));
}

/** A Uint8Array, including one from another realm (a worker, a test's fake IndexedDB). */
export function isBytes(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array || Object.prototype.toString.call(v) === '[object Uint8Array]';
}

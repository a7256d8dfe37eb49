import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { BlobStore, BlobValue } from '@/lib/registry/blob-store';
import type { KeyValueAdapter } from '@/lib/storage/adapter';

/**
 * IndexedDB behind the registry's BlobStore and the documents' KeyValueAdapter. Each gets its own
 * database (idb-keyval opens one object store per database), opened on first use, so importing
 * this during server rendering is harmless. Errors propagate unchanged, with their names
 * (QuotaExceededError, InvalidStateError, …).
 */
export const MODELS_DB = 'mlsd-lab-models';
export const DOCUMENTS_DB = 'mlsd-lab-documents';

/** Model bytes and the registry manifest. */
export function idbBlobStore(dbName = MODELS_DB, storeName = 'blobs'): BlobStore {
  const store: UseStore = createStore(dbName, storeName);
  return {
    async get(key) {
      return asBlobValue(key, await get<unknown>(key, store));
    },
    async set(key, value) {
      // Structured clone copies a view's whole buffer: store exactly the bytes meant.
      const tight =
        typeof value === 'string' ||
        (value.byteOffset === 0 && value.byteLength === value.buffer.byteLength)
          ? value
          : value.slice();
      await set(key, tight, store);
    },
    async delete(key) {
      await del(key, store);
    },
  };
}

/** Text documents (e.g. diagrams) under the same never-lose-work rules as localStorage ones. */
export function idbKeyValueAdapter(
  dbName = DOCUMENTS_DB,
  storeName = 'documents',
): KeyValueAdapter {
  const store: UseStore = createStore(dbName, storeName);
  return {
    async get(key) {
      const value = await get<unknown>(key, store);
      if (value === undefined) return null;
      // Never report something unexpected as "nothing saved": that would let it be overwritten.
      if (typeof value !== 'string') throw new TypeError(`IndexedDB entry "${key}" is not text.`);
      return value;
    },
    async set(key, value) {
      await set(key, value, store);
    },
  };
}

function asBlobValue(key: string, value: unknown): BlobValue | undefined {
  if (value === undefined || typeof value === 'string') return value;
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value))
    return new Uint8Array(
      value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength),
    );
  throw new TypeError(`IndexedDB entry "${key}" is neither text nor bytes.`);
}

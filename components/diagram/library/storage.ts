import { createStore, del, keys, type UseStore } from 'idb-keyval';
import type { KeyValueAdapter } from '@/lib/storage/adapter';
import { DOCUMENTS_DB, idbKeyValueAdapter } from '@/components/storage/idb-blob-store';

/**
 * Where diagrams live: the documents database in IndexedDB, read and written through the shared
 * adapter (so lib/storage/document's rules apply), plus the two things a key-value adapter does
 * not do: list the stored keys (to recover diagrams the list lost) and delete a diagram the
 * learner chose to delete.
 */
export interface DiagramStorage {
  adapter: KeyValueAdapter;
  listKeys(): Promise<string[]>;
  remove(key: string): Promise<void>;
}

export function idbDiagramStorage(): DiagramStorage {
  const adapter = idbKeyValueAdapter();
  let store: UseStore | undefined;
  const raw = () => (store ??= createStore(DOCUMENTS_DB, 'documents'));
  return {
    adapter,
    async listKeys() {
      return (await keys(raw())).filter((k): k is string => typeof k === 'string');
    },
    async remove(key) {
      await del(key, raw());
    },
  };
}

/** In memory, for tests; `failWrites` behaves like a full disk. */
export function memoryDiagramStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  const storage = {
    map,
    failWrites: false as boolean,
    adapter: {
      async get(key: string) {
        return map.get(key) ?? null;
      },
      async set(key: string, value: string) {
        if (storage.failWrites) {
          const error = new Error('The quota has been exceeded.');
          error.name = 'QuotaExceededError';
          throw error;
        }
        map.set(key, value);
      },
    } satisfies KeyValueAdapter,
    async listKeys() {
      return [...map.keys()];
    },
    async remove(key: string) {
      map.delete(key);
    },
  };
  return storage;
}

/**
 * Where saved documents live. The browser passes localStorage or IndexedDB behind this
 * interface; tests pass an in-memory map that can be told to fail like a full disk.
 */
export interface KeyValueAdapter {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** An in-memory adapter for tests and for Node; `failWrites` simulates a quota error. */
export function memoryAdapter(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  const adapter = {
    map,
    failWrites: false as boolean,
    async get(key: string) {
      return map.get(key) ?? null;
    },
    async set(key: string, value: string) {
      if (adapter.failWrites) {
        const error = new Error('The quota has been exceeded.');
        error.name = 'QuotaExceededError';
        throw error;
      }
      map.set(key, value);
    },
  };
  return adapter;
}

/** A sentence a learner can act on for a failed write. */
export function describeWriteError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(String((error as Error)?.message ?? '')))
    return 'Your browser storage is full, so the latest changes were not saved. They are kept in this tab: free some space (or download a copy) and keep working to retry.';
  return `Saving failed (${(error as Error)?.message ?? String(error)}). Your changes are kept in this tab and saving will be retried.`;
}

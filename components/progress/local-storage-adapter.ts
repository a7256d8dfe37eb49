import type { KeyValueAdapter } from '@/lib/storage/adapter';

/** localStorage behind the async adapter interface; errors (quota, disabled storage) propagate. */
export const localStorageAdapter: KeyValueAdapter = {
  async get(key) {
    return window.localStorage.getItem(key);
  },
  async set(key, value) {
    window.localStorage.setItem(key, value);
  },
};

'use client';

import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createMockStore, type MockState, type MockStore } from '@/lib/mock/store';
import { localStorageAdapter } from '../progress/local-storage-adapter';

let store: MockStore | null = null;

/**
 * One mock store per tab, kept across client-side navigation between /mock/ and
 * /mock/session/, so a mock that could not be saved (full storage) is still there in memory.
 */
export function getMockStore(): MockStore {
  store ??= createMockStore(localStorageAdapter);
  return store;
}

export function useMock<T>(selector: (s: MockState) => T): T {
  return useStore(getMockStore(), selector);
}

/** Loads saved mocks once (nothing is written before this has finished). */
export function useMockInit(): boolean {
  const loaded = useMock((s) => s.loaded);
  useEffect(() => {
    void getMockStore().getState().init();
  }, []);
  return loaded;
}

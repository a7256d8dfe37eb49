'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createLibraryStore, type LibraryState, type LibraryStore } from './library-store';
import { idbDiagramStorage, type DiagramStorage } from './storage';

interface LibraryContextValue {
  store: LibraryStore;
  storage: DiagramStorage;
}

const LibraryContext = createContext<LibraryContextValue | null>(null);

/** The learner's diagrams in IndexedDB: one library store, loaded once when the page starts. */
export function LibraryProvider({ children }: { children: ReactNode }) {
  const [value] = useState<LibraryContextValue>(() => {
    const storage = idbDiagramStorage();
    return { storage, store: createLibraryStore(storage) };
  });
  useEffect(() => {
    void value.store.getState().init();
  }, [value]);
  return <LibraryContext.Provider value={value}>{children}</LibraryContext.Provider>;
}

function useLibraryContext(): LibraryContextValue {
  const value = useContext(LibraryContext);
  if (!value)
    throw new Error('MLSD-DIAGRAM-002: library hooks must be used inside <LibraryProvider>.');
  return value;
}

export function useLibraryApi(): LibraryStore {
  return useLibraryContext().store;
}

export function useDiagramStorage(): DiagramStorage {
  return useLibraryContext().storage;
}

export function useLibrary<T>(selector: (state: LibraryState) => T): T {
  return useStore(useLibraryContext().store, selector);
}

'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import {
  createProgressStore,
  PROGRESS_KEY,
  type ProgressState,
  type ProgressStore,
} from '@/lib/progress/store';
import { localStorageAdapter } from './local-storage-adapter';

const ProgressContext = createContext<ProgressStore | null>(null);

/** One progress store for the app, loaded once on mount and refreshed when another tab saves. */
export function ProgressProvider({ children }: { children: ReactNode }) {
  const [store, setStore] = useState(() => createProgressStore(localStorageAdapter));

  useEffect(() => {
    void store
      .getState()
      .init()
      .then(() => {
        // Lets tests (and anything else) know the page is interactive and progress is loaded.
        document.documentElement.dataset.hydrated = 'true';
      });
    const onStorage = (event: StorageEvent) => {
      if (event.key !== PROGRESS_KEY) return;
      // Another tab saved: reload from storage so this tab never writes over newer progress.
      const fresh = createProgressStore(localStorageAdapter);
      void fresh
        .getState()
        .init()
        .then(() => setStore(fresh));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);

  return <ProgressContext.Provider value={store}>{children}</ProgressContext.Provider>;
}

export function useProgress<T>(selector: (state: ProgressState) => T): T {
  const store = useContext(ProgressContext);
  if (!store) throw new Error('MLSD-001: useProgress must be used inside <ProgressProvider>.');
  return useStore(store, selector);
}

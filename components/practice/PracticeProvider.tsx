'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { PRACTICE_KEY } from '@/lib/practice/schema';
import { createPracticeStore, type PracticeState, type PracticeStore } from '@/lib/practice/store';
import { localStorageAdapter } from '@/components/progress/local-storage-adapter';

const PracticeContext = createContext<PracticeStore | null>(null);

/** The learner's saved practice (answers, attempts, review cards) for the pages that use it. */
export function PracticeProvider({ children }: { children: ReactNode }) {
  const [store, setStore] = useState(() => createPracticeStore(localStorageAdapter));

  useEffect(() => {
    void store
      .getState()
      .init()
      .then(() => {
        document.documentElement.dataset.practiceLoaded = 'true';
      });
    const onStorage = (event: StorageEvent) => {
      if (event.key !== PRACTICE_KEY) return;
      // Another tab saved: reload so this tab never writes over newer practice.
      const fresh = createPracticeStore(localStorageAdapter);
      void fresh
        .getState()
        .init()
        .then(() => setStore(fresh));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);

  return <PracticeContext.Provider value={store}>{children}</PracticeContext.Provider>;
}

export function usePractice<T>(selector: (state: PracticeState) => T): T {
  return useStore(usePracticeApi(), selector);
}

/** The store itself, for event handlers that call actions without re-rendering on every change. */
export function usePracticeApi(): PracticeStore {
  const store = useContext(PracticeContext);
  if (!store)
    throw new Error('MLSD-PRACTICE-001: usePractice must be used inside <PracticeProvider>.');
  return store;
}

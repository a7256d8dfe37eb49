'use client';

import type { LoadStatus } from '@/lib/storage/document';
import {
  BlockedBanner,
  RepairedBanner,
  SaveFailedBanner,
} from '@/components/storage/StorageBanners';
import { getMockStore, useMock } from './mock-store';

const thing = (which: 'session' | 'history') => {
  const what = which === 'session' ? 'mock in progress' : 'mock history';
  return {
    newer: `Your saved ${what} was written by a newer version of MLSD Lab.`,
    unreadable: `Your saved ${what} could not be read`,
    pronoun: 'it',
    noun: `saved ${what}`,
    backupFile: `mlsd-lab-mock-${which}-backup.json`,
  } as const;
};

/** Explains saved mock data that could not be read, was repaired, or could not be written. */
export function MockStorageBanner() {
  const sessionLoad = useMock((s) => s.sessionLoad);
  const historyLoad = useMock((s) => s.historyLoad);
  const save = useMock((s) => s.save);
  return (
    <>
      <LoadBanner which="session" load={sessionLoad} />
      <LoadBanner which="history" load={historyLoad} />
      {save.kind === 'failed' && (
        <SaveFailedBanner message={save.message} testId="mock-storage-banner" />
      )}
    </>
  );
}

function LoadBanner({ which, load }: { which: 'session' | 'history'; load: LoadStatus }) {
  const testId = 'mock-storage-banner';
  if (load.kind === 'repaired')
    return (
      <RepairedBanner
        load={load}
        thing={thing(which)}
        testId={testId}
        state={`repaired-${which}`}
      />
    );
  if (load.kind !== 'blocked') return null;
  return (
    <BlockedBanner
      load={load}
      thing={thing(which)}
      testId={testId}
      state={`blocked-${which}`}
      onStartFresh={() => void getMockStore().getState().startFresh(which)}
    />
  );
}

'use client';

import {
  BlockedBanner,
  RepairedBanner,
  SaveFailedBanner,
} from '@/components/storage/StorageBanners';
import { useProgress } from './ProgressProvider';

const PROGRESS = {
  newer: 'Your progress was saved by a newer version of MLSD Lab.',
  unreadable: 'Your saved progress could not be read',
  pronoun: 'it',
  noun: 'saved progress',
  backupFile: 'mlsd-lab-progress-backup.json',
} as const;

/** Tells the learner, in words they can act on, when saved progress could not be read or written. */
export function StorageBanner() {
  const load = useProgress((s) => s.load);
  const save = useProgress((s) => s.save);
  const startFresh = useProgress((s) => s.startFresh);
  const testId = 'storage-banner';
  if (load.kind === 'blocked')
    return (
      <BlockedBanner
        load={load}
        thing={PROGRESS}
        testId={testId}
        state={`blocked-${load.reason}`}
        onStartFresh={() => void startFresh()}
      />
    );
  if (save.kind === 'failed') return <SaveFailedBanner message={save.message} testId={testId} />;
  if (load.kind === 'repaired')
    return <RepairedBanner load={load} thing={PROGRESS} testId={testId} state="repaired" />;
  return null;
}

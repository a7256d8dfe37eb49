'use client';

import {
  BlockedBanner,
  RepairedBanner,
  SaveFailedBanner,
} from '@/components/storage/StorageBanners';
import { usePractice } from './PracticeProvider';

const PRACTICE = {
  newer: 'Your practice was saved by a newer version of MLSD Lab.',
  unreadable: 'Your saved practice answers could not be read',
  pronoun: 'them',
  noun: 'saved practice',
  backupFile: 'mlsd-lab-practice-backup.json',
} as const;

/** Says, in words a learner can act on, when saved practice could not be read or written. */
export function PracticeBanner() {
  const load = usePractice((s) => s.load);
  const save = usePractice((s) => s.save);
  const startFresh = usePractice((s) => s.startFresh);
  const testId = 'practice-banner';
  if (load.kind === 'blocked')
    return (
      <BlockedBanner
        load={load}
        thing={PRACTICE}
        testId={testId}
        state={`blocked-${load.reason}`}
        onStartFresh={() => void startFresh()}
      />
    );
  if (save.kind === 'failed') return <SaveFailedBanner message={save.message} testId={testId} />;
  if (load.kind === 'repaired')
    return <RepairedBanner load={load} thing={PRACTICE} testId={testId} state="repaired" />;
  return null;
}

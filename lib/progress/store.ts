import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KeyValueAdapter } from '../storage/adapter';
import { createDocument, type LoadStatus, type SaveStatus } from '../storage/document';
import {
  emptyProgress,
  PROGRESS_CHAIN,
  PROGRESS_KIND,
  restoreProgress,
  type Progress,
  type SelfCheckResult,
} from './schema';

export const PROGRESS_KEY = 'mlsd-lab:progress';

export interface ProgressState {
  progress: Progress;
  load: LoadStatus;
  save: SaveStatus;
  /** Reads saved progress; nothing is written before this has finished. */
  init(): Promise<void>;
  setLessonDone(slug: string, done: boolean): void;
  answerSelfCheck(lesson: string, id: string, result: SelfCheckResult, choice?: number): void;
  clearSelfCheck(lesson: string, id: string): void;
  /** After a blocked load: keep a backup of the stored data and start saving again. */
  startFresh(): Promise<void>;
  /** Replaces progress with an imported copy (already restored). */
  replace(progress: Progress): void;
}

export type ProgressStore = StoreApi<ProgressState>;

export function createProgressStore(
  adapter: KeyValueAdapter,
  now: () => Date = () => new Date(),
): ProgressStore {
  const doc = createDocument(adapter, {
    key: PROGRESS_KEY,
    kind: PROGRESS_KIND,
    chain: PROGRESS_CHAIN,
    empty: emptyProgress,
    restore: restoreProgress,
    now,
  });
  let initialising: Promise<void> | null = null;

  return createStore<ProgressState>()((set, get) => {
    // Writes are serialised and always send the latest state, so a slow write never lands after a newer one.
    let writing: Promise<void> = Promise.resolve();
    const persist = () => {
      writing = writing.then(async () => {
        if (!doc.writable) return;
        set({ save: await doc.save(get().progress) });
      });
    };
    const update = (fn: (p: Progress) => Progress) => {
      set({ progress: fn(get().progress) });
      persist();
    };

    return {
      progress: emptyProgress(),
      load: { kind: 'loading' },
      save: { kind: 'idle' },
      init() {
        initialising ??= (async () => {
          const { value, status } = await doc.load();
          set({ progress: mergeProgress(value, get().progress), load: status });
          // Anything done while loading, or repaired on load, is saved now that reading is over.
          if (
            status.kind === 'repaired' ||
            Object.keys(get().progress.lessons).length +
              Object.keys(get().progress.selfChecks).length >
              0
          )
            persist();
        })();
        return initialising;
      },
      setLessonDone(slug, done) {
        update((p) => {
          const lessons = { ...p.lessons };
          if (done) lessons[slug] = { completedAt: now().toISOString() };
          else delete lessons[slug];
          return { ...p, lessons };
        });
      },
      answerSelfCheck(lesson, id, result, choice) {
        update((p) => ({
          ...p,
          selfChecks: {
            ...p.selfChecks,
            [`${lesson}/${id}`]: { result, choice, at: now().toISOString() },
          },
        }));
      },
      clearSelfCheck(lesson, id) {
        update((p) => {
          const selfChecks = { ...p.selfChecks };
          delete selfChecks[`${lesson}/${id}`];
          return { ...p, selfChecks };
        });
      },
      async startFresh() {
        const result = await doc.startFresh();
        if (!result.ok) {
          set({ save: { kind: 'failed', message: result.message } });
          return;
        }
        set({ load: { kind: 'ok' } });
        persist();
      },
      replace(progress) {
        update(() => progress);
      },
    };
  });
}

/** Saved progress plus anything recorded in this tab before loading finished (the tab's wins on conflict). */
function mergeProgress(saved: Progress, inTab: Progress): Progress {
  return {
    lessons: { ...saved.lessons, ...inTab.lessons },
    selfChecks: { ...saved.selfChecks, ...inTab.selfChecks },
  };
}

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Diagram } from '../diagram/schema';
import { exerciseKey, type Exercise } from '../grading/exercise';
import { gradeExercise, missedItems } from '../grading/grade-exercise';
import type { Answer } from '../grading/types';
import { addMissed, cardId, reviewCard, type ReviewRating } from '../review/cards';
import type { KeyValueAdapter } from '../storage/adapter';
import { createDocument, type LoadStatus, type SaveStatus } from '../storage/document';
import {
  emptyPractice,
  emptyRecord,
  MAX_ATTEMPTS,
  PRACTICE_CHAIN,
  PRACTICE_KEY,
  PRACTICE_KIND,
  restorePractice,
  type ExerciseRecord,
  type PracticeData,
} from './schema';

export interface PracticeState {
  data: PracticeData;
  load: LoadStatus;
  save: SaveStatus;
  /** Reads saved practice; nothing is written before this has finished. */
  init(): Promise<void>;
  setAnswer(key: string, itemId: string, answer: Answer): void;
  setNote(key: string, itemId: string, text: string): void;
  setDiagram(key: string, diagram: Diagram): void;
  /** Grades the current answers, records the attempt and turns missed items into review cards. */
  submit(exercise: Exercise): void;
  /** Back to editing, answers kept. */
  retry(key: string): void;
  /** Clears the answers and the drawing; past attempts are kept. */
  reset(key: string): void;
  rate(cardId: string, rating: ReviewRating): void;
  startFresh(): Promise<void>;
}

export type PracticeStore = StoreApi<PracticeState>;

export function createPracticeStore(
  adapter: KeyValueAdapter,
  now: () => Date = () => new Date(),
): PracticeStore {
  const doc = createDocument(adapter, {
    key: PRACTICE_KEY,
    kind: PRACTICE_KIND,
    chain: PRACTICE_CHAIN,
    empty: emptyPractice,
    restore: restorePractice,
    now,
  });
  let initialising: Promise<void> | null = null;

  return createStore<PracticeState>()((set, get) => {
    // Serialised writes that always send the latest state, as in lib/progress/store.ts.
    let writing: Promise<void> = Promise.resolve();
    let changedWhileLoading = false;
    const persist = () => {
      writing = writing.then(async () => {
        if (!doc.writable) return;
        set({ save: await doc.save(get().data) });
      });
    };
    const update = (fn: (d: PracticeData) => PracticeData) => {
      set({ data: fn(get().data) });
      if (get().load.kind === 'loading') changedWhileLoading = true;
      else persist();
    };
    const updateRecord = (key: string, fn: (r: ExerciseRecord) => ExerciseRecord) =>
      update((d) => ({
        ...d,
        exercises: { ...d.exercises, [key]: fn(d.exercises[key] ?? emptyRecord()) },
      }));

    return {
      data: emptyPractice(),
      load: { kind: 'loading' },
      save: { kind: 'idle' },
      init() {
        initialising ??= (async () => {
          const { value, status } = await doc.load();
          const inTab = get().data;
          set({
            data: {
              exercises: { ...value.exercises, ...inTab.exercises },
              cards: { ...value.cards, ...inTab.cards },
            },
            load: status,
          });
          if (status.kind === 'repaired' || changedWhileLoading) persist();
        })();
        return initialising;
      },
      setAnswer(key, itemId, answer) {
        updateRecord(key, (r) => ({ ...r, answers: { ...r.answers, [itemId]: answer } }));
      },
      setNote(key, itemId, text) {
        updateRecord(key, (r) => ({ ...r, notes: { ...r.notes, [itemId]: text } }));
      },
      setDiagram(key, diagram) {
        updateRecord(key, (r) => ({ ...r, diagram }));
      },
      submit(exercise) {
        const key = exerciseKey(exercise.caseId, exercise.step);
        const record = get().data.exercises[key] ?? emptyRecord();
        const grade = gradeExercise(exercise, record.answers, record.diagram);
        const missed = missedItems(grade);
        const at = now();
        update((d) => ({
          exercises: {
            ...d.exercises,
            [key]: {
              ...record,
              submitted: true,
              attempts: [
                ...record.attempts,
                { at: at.toISOString(), score: grade.score, missed },
              ].slice(-MAX_ATTEMPTS),
            },
          },
          cards: addMissed(
            d.cards,
            missed.map((id) => cardId(exercise.caseId, exercise.step, id)),
            at,
          ),
        }));
      },
      retry(key) {
        updateRecord(key, (r) => ({ ...r, submitted: false }));
      },
      reset(key) {
        updateRecord(key, (r) => ({ ...emptyRecord(), attempts: r.attempts }));
      },
      rate(id, rating) {
        const card = get().data.cards[id];
        if (!card) return;
        update((d) => ({ ...d, cards: { ...d.cards, [id]: reviewCard(card, rating, now()) } }));
      },
      async startFresh() {
        const result = await doc.startFresh();
        if (!result.ok) return set({ save: { kind: 'failed', message: result.message } });
        set({ load: { kind: 'ok' } });
        persist();
      },
    };
  });
}

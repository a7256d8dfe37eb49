/**
 * The mock interview's state: the session in progress and the history, each loaded before
 * anything is written and saved after every change (serialised, always the latest value).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KeyValueAdapter } from '../storage/adapter';
import { createDocument, type LoadStatus, type SaveStatus } from '../storage/document';
import { addAttempt, emptyHistory, toAttempt, type MockHistory } from './history';
import { afterLoad, startSession, touch, type MockSession, type StartOptions } from './session';
import { historySpec, sessionSpec } from './storage';

export interface MockState {
  loaded: boolean;
  session: MockSession | null;
  history: MockHistory;
  sessionLoad: LoadStatus;
  historyLoad: LoadStatus;
  save: SaveStatus;
  init(): Promise<void>;
  start(o: Omit<StartOptions, 'now'>): Promise<void>;
  /** Applies a pure session function (lib/mock/session.ts) at the current time and saves. */
  update(fn: (s: MockSession, now: number) => MockSession): void;
  /** Saves the clock's last-seen time while the mock runs. */
  heartbeat(): void;
  /** Adds the finished, graded session to the history. */
  record(): Promise<boolean>;
  startFresh(which: 'session' | 'history'): Promise<void>;
}

export type MockStore = StoreApi<MockState>;

export function createMockStore(adapter: KeyValueAdapter, now: () => number = Date.now): MockStore {
  const date = () => new Date(now());
  const sessionDoc = createDocument(adapter, sessionSpec(date));
  const historyDoc = createDocument(adapter, historySpec(date));
  let initialising: Promise<void> | null = null;

  return createStore<MockState>()((set, get) => {
    let writing: Promise<void> = Promise.resolve();
    const persist = (which: 'session' | 'history') => {
      writing = writing.then(async () => {
        const doc = which === 'session' ? sessionDoc : historyDoc;
        if (!doc.writable) return;
        const status =
          which === 'session'
            ? await sessionDoc.save({ session: get().session })
            : await historyDoc.save(get().history);
        set({ save: status });
      });
      return writing;
    };
    const setSession = (session: MockSession | null) => {
      set({ session: session && touch(session, now()) });
      return persist('session');
    };

    return {
      loaded: false,
      session: null,
      history: emptyHistory(),
      sessionLoad: { kind: 'loading' },
      historyLoad: { kind: 'loading' },
      save: { kind: 'idle' },
      init() {
        initialising ??= (async () => {
          const [s, h] = await Promise.all([sessionDoc.load(), historyDoc.load()]);
          const session = s.value.session && afterLoad(s.value.session, now());
          set({
            loaded: true,
            session: get().session ?? session,
            history: h.value,
            sessionLoad: s.status,
            historyLoad: h.status,
          });
          if (s.status.kind === 'repaired') void persist('session');
          if (h.status.kind === 'repaired') void persist('history');
        })();
        return initialising;
      },
      async start(o) {
        await setSession(startSession({ ...o, now: now() }));
      },
      update(fn) {
        const s = get().session;
        if (s) void setSession(fn(s, now()));
      },
      heartbeat() {
        const s = get().session;
        if (s) void setSession(s);
      },
      async record() {
        const s = get().session;
        const attempt = s && toAttempt(s, now());
        if (!s || !attempt) return false;
        set({ history: addAttempt(get().history, attempt) });
        await persist('history');
        await setSession({ ...s, recordedAs: attempt.id });
        return true;
      },
      async startFresh(which) {
        const result = await (which === 'session' ? sessionDoc : historyDoc).startFresh();
        if (!result.ok) {
          set({ save: { kind: 'failed', message: result.message } });
          return;
        }
        set(
          which === 'session' ? { sessionLoad: { kind: 'ok' } } : { historyLoad: { kind: 'ok' } },
        );
        await persist(which);
      },
    };
  });
}

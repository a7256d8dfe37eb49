import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  diagramDocumentSpec,
  exportDiagramJson,
  restoreDiagram,
  type Diagram,
} from '@/lib/diagram';
import type { KeyValueAdapter } from '@/lib/storage/adapter';
import { createDocument, type LoadStatus, type SaveStatus } from '@/lib/storage/document';
import { diagramKey } from './library-spec';

/**
 * Autosave for one open diagram. Nothing is written before the stored copy was read; data that
 * could not be read (or was written by a newer version) is never written over; a failed write
 * keeps the work in the tab and is retried at the next change (or on request).
 */
export interface SessionState {
  load: LoadStatus;
  save: SaveStatus;
  /** Changes not yet written. */
  pending: boolean;
}

/**
 * IndexedDB writes started while a page unloads are dropped by browsers, so on pagehide the
 * pending diagram is also copied, synchronously, to a rescue slot (localStorage). The next open
 * takes it (through restoreDiagram), saves it and clears the slot.
 */
export interface RescueSlot {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export const RESCUE_PREFIX = 'mlsd-lab:diagram-rescue:';

export const localStorageRescue: RescueSlot = {
  get(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // No room: the IndexedDB write started at the same time is the only chance left.
    }
  },
  remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to do: a stale rescue copy is only ever applied over an older save.
    }
  },
};

export interface DiagramSession {
  state: StoreApi<SessionState>;
  /** Reads the stored diagram (an empty one when there is none). */
  open(): Promise<Diagram>;
  /** A change happened: save soon, reading the latest diagram when the time comes. */
  schedule(read: () => Diagram): void;
  /** Writes pending changes now (page hidden, editor closed). */
  flush(): Promise<void>;
  /** The page is going away: keep a rescue copy synchronously, then try to write as usual. */
  flushOnExit(): void;
  /** After a blocked load: back the stored data up, then save this tab's diagram. */
  startFresh(): Promise<void>;
}

export const SAVE_DELAY_MS = 400;
const MAX_DELAY_MS = 2000;

export function createDiagramSession(
  adapter: KeyValueAdapter,
  id: string,
  onSaved: (diagram: Diagram, at: string) => void = () => {},
  now?: () => Date,
  rescue: RescueSlot = localStorageRescue,
): DiagramSession {
  const doc = createDocument(adapter, diagramDocumentSpec(diagramKey(id), id, now));
  const rescueKey = `${RESCUE_PREFIX}${id}`;
  const state = createStore<SessionState>()(() => ({
    load: { kind: 'loading' },
    save: { kind: 'idle' },
    pending: false,
  }));
  let read: (() => Diagram) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (!read || !state.getState().pending) return writing;
    const latest = read;
    writing = writing.then(async () => {
      if (!doc.writable || !state.getState().pending) return;
      state.setState({ pending: false });
      const diagram = latest();
      const result = await doc.save(diagram);
      // A failed write leaves the change pending: the next edit (or "Try again") writes it.
      state.setState(result.kind === 'failed' ? { save: result, pending: true } : { save: result });
      if (result.kind === 'saved') {
        if (!state.getState().pending) rescue.remove(rescueKey);
        onSaved(diagram, result.at);
      }
    });
    return writing;
  };

  return {
    state,
    async open() {
      const { value, status } = await doc.load();
      state.setState({ load: status });
      let diagram = value;
      const rescued = status.kind === 'blocked' ? null : rescue.get(rescueKey);
      const restored = rescued === null ? undefined : restoreDiagram(rescued);
      // A rescue copy is newer than the stored one (it is only written when a save was pending).
      if (restored && !restored.error) diagram = { ...restored.diagram, id };
      if (diagram !== value || status.kind === 'repaired') {
        // Write it now (a repaired original was backed up by load).
        read = () => diagram;
        state.setState({ pending: true });
        await flush();
      }
      return diagram;
    },
    schedule(next) {
      read = next;
      const t = Date.now();
      if (!state.getState().pending) firstPendingAt = t;
      state.setState({ pending: true });
      clearTimeout(timer);
      const wait = Math.max(0, Math.min(SAVE_DELAY_MS, firstPendingAt + MAX_DELAY_MS - t));
      timer = setTimeout(() => void flush(), wait);
    },
    flush,
    flushOnExit() {
      if (read && state.getState().pending && doc.writable)
        rescue.set(rescueKey, exportDiagramJson(read()));
      void flush();
    },
    async startFresh() {
      const result = await doc.startFresh();
      if (!result.ok) {
        state.setState({ save: { kind: 'failed', message: result.message } });
        return;
      }
      state.setState({ load: { kind: 'ok' }, pending: true });
      await flush();
    },
  };
}

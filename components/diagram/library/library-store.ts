import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_TITLE, diagramDocumentSpec, restoreDiagram, type Diagram } from '@/lib/diagram';
import { createDocument, type LoadStatus, type SaveStatus } from '@/lib/storage/document';
import {
  diagramKey,
  idFromKey,
  libraryDocumentSpec,
  type Library,
  type LibraryEntry,
} from './library-spec';
import type { DiagramStorage } from './storage';

/** What the page shows after an import or copy: every problem restore reported, as sentences. */
export interface Notice {
  title: string;
  lines: string[];
  /** The diagram it is about (its editor shows it); unset for notices about the list. */
  for?: string;
}

export type Outcome = { ok: true; id: string } | { ok: false; message: string };

export interface LibraryState {
  entries: LibraryEntry[];
  load: LoadStatus;
  save: SaveStatus;
  notice: Notice | null;
  init(): Promise<void>;
  /** Saves `diagram` as a new diagram (fresh id, nothing overwritten). */
  create(diagram: Diagram, notice?: Notice): Promise<Outcome>;
  rename(id: string, title: string): Promise<Outcome>;
  duplicate(id: string): Promise<Outcome>;
  remove(id: string): Promise<Outcome>;
  /** An open diagram was saved: keep its title and time in the list. */
  touch(id: string, title: string, at: string): void;
  startFresh(): Promise<void>;
  clearNotice(): void;
}

export type LibraryStore = StoreApi<LibraryState>;

export function newDiagramId(): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `d-${Date.now().toString(36)}-${random}`;
}

export function createLibraryStore(
  storage: DiagramStorage,
  now: () => Date = () => new Date(),
  makeId: () => string = newDiagramId,
): LibraryStore {
  const doc = createDocument(storage.adapter, libraryDocumentSpec(now));
  let initialising: Promise<void> | null = null;

  return createStore<LibraryState>()((set, get) => {
    let writing: Promise<void> = Promise.resolve();
    const persist = () => {
      writing = writing.then(async () => {
        if (!doc.writable) return;
        const library: Library = { diagrams: get().entries };
        set({ save: await doc.save(library) });
      });
      return writing;
    };
    const setEntries = (entries: LibraryEntry[]) => {
      set({ entries });
      return persist();
    };
    const openDoc = (id: string) =>
      createDocument(storage.adapter, diagramDocumentSpec(diagramKey(id), id, now));

    /** Diagrams stored but missing from the list (a list that was damaged or not saved). */
    const recover = async (entries: LibraryEntry[]): Promise<LibraryEntry[]> => {
      let stored: string[];
      try {
        stored = await storage.listKeys();
      } catch {
        return entries;
      }
      const ids = new Set(stored.map(idFromKey).filter((id): id is string => id !== undefined));
      const kept = entries.filter((e) => ids.has(e.id));
      const known = new Set(kept.map((e) => e.id));
      for (const id of ids) {
        if (known.has(id)) continue;
        const raw = await storage.adapter.get(diagramKey(id)).catch(() => null);
        const restored = raw === null ? undefined : restoreDiagram(raw);
        kept.push({
          id,
          title: restored && !restored.error ? restored.diagram.title : 'Unreadable diagram',
          updatedAt: '',
        });
      }
      return kept;
    };

    const save = async (id: string, diagram: Diagram): Promise<Outcome> => {
      const target = openDoc(id);
      const { status } = await target.load();
      if (status.kind !== 'ok')
        return { ok: false, message: 'That diagram could not be read, so it was not changed.' };
      const result = await target.save({ ...diagram, id });
      return result.kind === 'failed' ? { ok: false, message: result.message } : { ok: true, id };
    };

    return {
      entries: [],
      load: { kind: 'loading' },
      save: { kind: 'idle' },
      notice: null,

      init() {
        initialising ??= (async () => {
          const { value, status } = await doc.load();
          const entries = await recover(value.diagrams);
          set({ entries, load: status });
          const changed =
            entries.length !== value.diagrams.length ||
            entries.some((e, i) => e !== value.diagrams[i]);
          if (changed || status.kind === 'repaired') await persist();
        })();
        return initialising;
      },

      async create(diagram, notice) {
        let id = makeId();
        // Never write over a stored diagram: the id must be free (collisions are all but impossible).
        while ((await storage.adapter.get(diagramKey(id))) !== null) id = makeId();
        const title = diagram.title.trim() === '' ? DEFAULT_TITLE : diagram.title;
        const outcome = await save(id, { ...diagram, title });
        if (!outcome.ok) return outcome;
        await setEntries([{ id, title, updatedAt: now().toISOString() }, ...get().entries]);
        if (notice) set({ notice: { ...notice, for: id } });
        return outcome;
      },

      async rename(id, title) {
        const source = openDoc(id);
        const { value, status } = await source.load();
        if (status.kind === 'blocked')
          return {
            ok: false,
            message: 'This diagram could not be read, so it cannot be renamed. Open it to see why.',
          };
        const result = await source.save({ ...value, title });
        if (result.kind === 'failed') return { ok: false, message: result.message };
        await setEntries(
          get().entries.map((e) =>
            e.id === id ? { ...e, title, updatedAt: now().toISOString() } : e,
          ),
        );
        return { ok: true, id };
      },

      async duplicate(id) {
        const { value, status } = await openDoc(id).load();
        if (status.kind === 'blocked')
          return {
            ok: false,
            message:
              'This diagram could not be read, so it cannot be duplicated. Open it to see why.',
          };
        return get().create({ ...value, title: `${value.title} (copy)` });
      },

      async remove(id) {
        try {
          await storage.remove(diagramKey(id));
        } catch (error) {
          return {
            ok: false,
            message: `The diagram could not be deleted (${(error as Error).message}).`,
          };
        }
        await setEntries(get().entries.filter((e) => e.id !== id));
        return { ok: true, id };
      },

      touch(id, title, at) {
        const entries = get().entries;
        const found = entries.find((e) => e.id === id);
        if (found && found.title === title && found.updatedAt === at) return;
        const entry = { id, title, updatedAt: at };
        void setEntries(
          found ? entries.map((e) => (e.id === id ? entry : e)) : [entry, ...entries],
        );
      },

      async startFresh() {
        const result = await doc.startFresh();
        if (!result.ok) {
          set({ save: { kind: 'failed', message: result.message } });
          return;
        }
        set({ load: { kind: 'ok' } });
        await persist();
      },

      clearNotice() {
        set({ notice: null });
      },
    };
  });
}

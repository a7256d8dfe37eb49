import { describe, expect, it } from 'vitest';
import { emptyDiagram, exportDiagramJson, sampleDiagram } from '@/lib/diagram';
import {
  DIAGRAM_KEY_PREFIX,
  LIBRARY_KEY,
  diagramKey,
  idFromKey,
  restoreLibrary,
} from './library-spec';
import { createLibraryStore } from './library-store';
import { createDiagramSession, RESCUE_PREFIX, type RescueSlot } from './session';
import { memoryDiagramStorage } from './storage';

const ids = () => {
  let n = 0;
  return () => `d${++n}`;
};

function memoryRescue(): RescueSlot & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: (k) => map.get(k) ?? null,
    set: (k, v) => void map.set(k, v),
    remove: (k) => void map.delete(k),
  };
}

describe('the library of diagrams', () => {
  it('creates, renames, duplicates and deletes; nothing is written before the list was read', async () => {
    const storage = memoryDiagramStorage();
    const lib = createLibraryStore(storage, undefined, ids());
    const early = await lib.getState().create(emptyDiagram());
    // Before init, the list is not writable: the diagram itself is saved, the list is not.
    expect(early.ok).toBe(true);
    expect(storage.map.has(LIBRARY_KEY)).toBe(false);
    await lib.getState().init();
    expect(lib.getState().entries.map((e) => e.id)).toEqual(['d1']);
    expect(storage.map.has(LIBRARY_KEY)).toBe(true);

    const made = await lib.getState().create({ ...sampleDiagram(5, 1), title: 'Five' });
    expect(made).toEqual({ ok: true, id: 'd2' });
    expect(await lib.getState().rename('d2', 'Renamed')).toEqual({ ok: true, id: 'd2' });
    expect(storage.map.get(diagramKey('d2'))).toContain('"title":"Renamed"');
    const copy = await lib.getState().duplicate('d2');
    expect(copy.ok && storage.map.get(diagramKey(copy.id))).toContain('"title":"Renamed (copy)"');
    await lib.getState().remove('d2');
    expect(storage.map.has(diagramKey('d2'))).toBe(false);
    expect(
      lib
        .getState()
        .entries.map((e) => e.title)
        .sort(),
    ).toEqual(['Renamed (copy)', 'Untitled diagram']);
  });

  it('a damaged list is left untouched, and the diagrams are found from the stored keys', async () => {
    const damaged = '{"app":"mlsd-lab","kind":"diagram-library","version":1,"data":{"diag';
    const storage = memoryDiagramStorage({
      [LIBRARY_KEY]: damaged,
      [diagramKey('a')]: exportDiagramJson({ ...emptyDiagram('a'), title: 'Alpha' }),
      [`${diagramKey('a')}.backup.2026-01-01T00:00:00.000Z`]: 'old',
      [diagramKey('b')]: 'not json',
    });
    const lib = createLibraryStore(storage, undefined, ids());
    await lib.getState().init();
    expect(lib.getState().load.kind).toBe('blocked');
    expect(lib.getState().entries.map((e) => [e.id, e.title])).toEqual([
      ['a', 'Alpha'],
      ['b', 'Unreadable diagram'],
    ]);
    await lib.getState().create(emptyDiagram());
    expect(storage.map.get(LIBRARY_KEY)).toBe(damaged);
  });

  it('a full disk is reported and nothing half-made is listed', async () => {
    const storage = memoryDiagramStorage();
    const lib = createLibraryStore(storage, undefined, ids());
    await lib.getState().init();
    storage.failWrites = true;
    const outcome = await lib.getState().create(emptyDiagram());
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toContain('storage is full');
    expect(lib.getState().entries).toEqual([]);
  });

  it('reads ids from keys, skipping backups and other documents', () => {
    expect(idFromKey(`${DIAGRAM_KEY_PREFIX}abc`)).toBe('abc');
    expect(idFromKey(`${DIAGRAM_KEY_PREFIX}abc.backup.2026`)).toBeUndefined();
    expect(idFromKey('mlsd-lab:progress')).toBeUndefined();
    expect(restoreLibrary({ diagrams: [{ id: 'a', title: 1 }, { id: '' }, 'x'] })).toEqual({
      value: { diagrams: [{ id: 'a', title: 'Untitled diagram', updatedAt: '' }] },
      dropped: ['entry #2 of the list of diagrams', 'entry #3 of the list of diagrams'],
    });
  });
});

describe('autosave of one diagram', () => {
  it('saves after changes, keeps failed work pending, never writes over unreadable data', async () => {
    const storage = memoryDiagramStorage({ [diagramKey('bad')]: '{broken' });
    const bad = createDiagramSession(storage.adapter, 'bad', undefined, undefined, memoryRescue());
    await bad.open();
    expect(bad.state.getState().load.kind).toBe('blocked');
    bad.schedule(() => sampleDiagram(3, 1));
    await bad.flush();
    expect(storage.map.get(diagramKey('bad'))).toBe('{broken');

    const good = createDiagramSession(
      storage.adapter,
      'good',
      undefined,
      undefined,
      memoryRescue(),
    );
    await good.open();
    storage.failWrites = true;
    good.schedule(() => ({ ...sampleDiagram(3, 1), id: 'good' }));
    await good.flush();
    expect(good.state.getState()).toMatchObject({ pending: true, save: { kind: 'failed' } });
    storage.failWrites = false;
    await good.flush();
    expect(good.state.getState()).toMatchObject({ pending: false, save: { kind: 'saved' } });
    expect(storage.map.get(diagramKey('good'))).toContain('"id":"good"');
  });

  it('a rescue copy left on pagehide wins at the next open, is saved, and is cleared', async () => {
    const storage = memoryDiagramStorage();
    const rescue = memoryRescue();
    const first = createDiagramSession(storage.adapter, 'x', undefined, undefined, rescue);
    await first.open();
    first.schedule(() => ({ ...sampleDiagram(4, 2), id: 'x', title: 'Latest' }));
    first.flushOnExit();
    expect(rescue.map.get(`${RESCUE_PREFIX}x`)).toContain('Latest');
    // Suppose the IndexedDB write was dropped as the page went away.
    storage.map.delete(diagramKey('x'));
    const second = createDiagramSession(storage.adapter, 'x', undefined, undefined, rescue);
    const opened = await second.open();
    expect(opened.title).toBe('Latest');
    expect(storage.map.get(diagramKey('x'))).toContain('Latest');
    expect(rescue.map.size).toBe(0);
  });
});

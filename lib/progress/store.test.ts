import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../storage/adapter';
import { wrap } from '../storage/envelope';
import { PROGRESS_KEY, createProgressStore } from './store';

const clock = () => new Date('2026-11-22T10:00:00Z');
const settle = () => new Promise((r) => setTimeout(r, 0));

function saved(adapter: ReturnType<typeof memoryAdapter>) {
  const raw = adapter.map.get(PROGRESS_KEY);
  return raw ? JSON.parse(raw) : null;
}

describe('progress store', () => {
  it('starts empty, saves a completed lesson and reads it back in a new store', async () => {
    const adapter = memoryAdapter();
    const store = createProgressStore(adapter, clock);
    await store.getState().init();
    store.getState().setLessonDone('evaluation', true);
    store.getState().answerSelfCheck('evaluation', 'auc-meaning', 'correct', 1);
    await settle();
    expect(saved(adapter)).toMatchObject({ app: 'mlsd-lab', kind: 'progress', version: 1 });

    const again = createProgressStore(adapter, clock);
    await again.getState().init();
    expect(again.getState().progress.lessons.evaluation).toEqual({
      completedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(again.getState().progress.selfChecks['evaluation/auc-meaning']).toMatchObject({
      result: 'correct',
      choice: 1,
    });
  });

  it('never writes before the saved state was read', async () => {
    const adapter = memoryAdapter({
      [PROGRESS_KEY]: wrap(
        'progress',
        1,
        { lessons: { overview: { completedAt: '2026-01-01T00:00:00Z' } }, selfChecks: {} },
        clock(),
      ),
    });
    let releaseRead!: () => void;
    const gate = new Promise<void>((r) => (releaseRead = r));
    const slow = {
      ...adapter,
      get: async (k: string) => (await gate, adapter.get(k)),
      set: adapter.set,
    };
    const store = createProgressStore(slow, clock);
    const init = store.getState().init();
    store.getState().setLessonDone('evaluation', true);
    await settle();
    // The earlier lesson is still on disk untouched: no write happened before the read.
    expect(Object.keys(saved(adapter).data.lessons)).toEqual(['overview']);
    releaseRead();
    await init;
    await settle();
    expect(Object.keys(saved(adapter).data.lessons).sort()).toEqual(['evaluation', 'overview']);
  });

  it('keeps a corrupt blob untouched, loads with a blocked status, and backs it up before starting fresh', async () => {
    const adapter = memoryAdapter({ [PROGRESS_KEY]: '{"app":"mlsd-lab", truncated' });
    const store = createProgressStore(adapter, clock);
    await store.getState().init();
    expect(store.getState().load).toMatchObject({
      kind: 'blocked',
      reason: 'corrupt',
      raw: '{"app":"mlsd-lab", truncated',
    });
    store.getState().setLessonDone('overview', true);
    await settle();
    expect(adapter.map.get(PROGRESS_KEY)).toBe('{"app":"mlsd-lab", truncated');
    expect(store.getState().progress.lessons.overview).toBeDefined();

    await store.getState().startFresh();
    await settle();
    const backups = [...adapter.map.keys()].filter((k) => k.startsWith(`${PROGRESS_KEY}.backup.`));
    expect(backups).toHaveLength(1);
    expect(adapter.map.get(backups[0]!)).toBe('{"app":"mlsd-lab", truncated');
    expect(saved(adapter).data.lessons.overview).toBeDefined();
  });

  it('never overwrites progress saved by a newer version', async () => {
    const future = wrap('progress', 99, { whatever: true }, clock());
    const adapter = memoryAdapter({ [PROGRESS_KEY]: future });
    const store = createProgressStore(adapter, clock);
    await store.getState().init();
    expect(store.getState().load).toMatchObject({ kind: 'blocked', reason: 'future' });
    store.getState().setLessonDone('overview', true);
    await settle();
    expect(adapter.map.get(PROGRESS_KEY)).toBe(future);
  });

  it('salvages the valid entries of a damaged record and backs up the original', async () => {
    const raw = wrap(
      'progress',
      1,
      {
        lessons: {
          overview: { completedAt: '2026-01-01T00:00:00Z' },
          'BAD SLUG': { completedAt: 'x' },
          evaluation: { completedAt: 'never' },
        },
        selfChecks: {
          'overview/clock': { result: 'got-it', at: '2026-01-01T00:00:00Z' },
          'overview/x': { result: 'maybe', at: '2026-01-01T00:00:00Z' },
        },
      },
      clock(),
    );
    const adapter = memoryAdapter({ [PROGRESS_KEY]: raw });
    const store = createProgressStore(adapter, clock);
    await store.getState().init();
    await settle();
    const { load, progress } = store.getState();
    expect(load.kind).toBe('repaired');
    if (load.kind === 'repaired') {
      expect(load.dropped).toHaveLength(3);
      expect(adapter.map.get(load.backupKey)).toBe(raw);
    }
    expect(Object.keys(progress.lessons)).toEqual(['overview']);
    expect(Object.keys(progress.selfChecks)).toEqual(['overview/clock']);
    expect(Object.keys(saved(adapter).data.lessons)).toEqual(['overview']);
  });

  it('reports a failed write (quota), keeps the state in memory and saves on the next change', async () => {
    const adapter = memoryAdapter();
    const store = createProgressStore(adapter, clock);
    await store.getState().init();
    adapter.failWrites = true;
    store.getState().setLessonDone('overview', true);
    await settle();
    expect(store.getState().save).toMatchObject({ kind: 'failed' });
    if (store.getState().save.kind === 'failed')
      expect((store.getState().save as { message: string }).message).toMatch(/storage is full/);
    expect(store.getState().progress.lessons.overview).toBeDefined();
    expect(adapter.map.has(PROGRESS_KEY)).toBe(false);

    adapter.failWrites = false;
    store.getState().setLessonDone('evaluation', true);
    await settle();
    expect(store.getState().save.kind).toBe('saved');
    expect(Object.keys(saved(adapter).data.lessons).sort()).toEqual(['evaluation', 'overview']);
  });

  it('stays blocked when the backup before starting fresh cannot be written', async () => {
    const adapter = memoryAdapter({ [PROGRESS_KEY]: 'garbage' });
    const store = createProgressStore(adapter, clock);
    await store.getState().init();
    adapter.failWrites = true;
    await store.getState().startFresh();
    expect(store.getState().load.kind).toBe('blocked');
    expect(adapter.map.get(PROGRESS_KEY)).toBe('garbage');
  });

  it('ignores prototype-polluting keys in stored data', async () => {
    const raw = `{"app":"mlsd-lab","kind":"progress","version":1,"savedAt":"2026-01-01T00:00:00Z","data":{"lessons":{"__proto__":{"completedAt":"2026-01-01T00:00:00Z"},"overview":{"completedAt":"2026-01-01T00:00:00Z"}},"selfChecks":{}}}`;
    const store = createProgressStore(memoryAdapter({ [PROGRESS_KEY]: raw }), clock);
    await store.getState().init();
    expect(Object.keys(store.getState().progress.lessons)).toEqual(['overview']);
    expect(({} as Record<string, unknown>).completedAt).toBeUndefined();
  });
});

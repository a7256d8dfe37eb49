import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../storage/adapter';
import { DIMENSION_IDS } from './grading';
import { askQuestion, elapsedMs, finish, goToStep, grade, setNotes } from './session';
import { MOCK_HISTORY_KEY, MOCK_SESSION_KEY } from './storage';
import { createMockStore } from './store';

const T0 = Date.parse('2026-11-22T09:00:00Z');

function setup(initial: Record<string, string> = {}) {
  const adapter = memoryAdapter(initial);
  let t = T0;
  const clock = { set: (v: number) => (t = v) };
  const store = createMockStore(adapter, () => t);
  return { adapter, store, clock };
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('mock store', () => {
  it('runs a mock to the history and survives a reload with the clock running', async () => {
    const { adapter, store, clock } = setup();
    await store.getState().init();
    await store.getState().start({ id: 'a1', caseId: 'ad-click', totalMinutes: 1 });
    clock.set(T0 + 5_000);
    store
      .getState()
      .update((s, now) => askQuestion(setNotes(s, 'clarify', 'revenue'), 'calibration', now));
    store.getState().update((s, now) => goToStep(s, 'frame', now));
    await settle();

    clock.set(T0 + 8_000);
    const reloaded = createMockStore(adapter, () => T0 + 8_000);
    await reloaded.getState().init();
    const s = reloaded.getState().session!;
    expect(s.notes.clarify).toBe('revenue');
    expect(s.asked.map((q) => q.id)).toEqual(['calibration']);
    expect(elapsedMs(s, T0 + 8_000)).toBe(8_000);

    reloaded.getState().update((x, now) => finish(x, now));
    for (const d of DIMENSION_IDS) reloaded.getState().update((x) => grade(x, d, 3));
    expect(await reloaded.getState().record()).toBe(true);
    await settle();
    const history = JSON.parse(adapter.map.get(MOCK_HISTORY_KEY)!);
    expect(history.data.attempts).toHaveLength(1);
    expect(history.data.attempts[0]).toMatchObject({
      caseId: 'ad-click',
      band: 'hire',
      changingAsked: 1,
    });
  });

  it('refuses to record an ungraded mock', async () => {
    const { store } = setup();
    await store.getState().init();
    await store.getState().start({ id: 'a2', caseId: 'video-recs' });
    store.getState().update((x, now) => finish(x, now));
    expect(await store.getState().record()).toBe(false);
  });

  it('never writes over corrupt saved data, and backs it up before starting fresh', async () => {
    const corrupt = '{"app":"mlsd-lab","kind":"mock-history","version":1,"data":{"attem';
    const { adapter, store } = setup({ [MOCK_HISTORY_KEY]: corrupt });
    await store.getState().init();
    expect(store.getState().historyLoad.kind).toBe('blocked');
    await store.getState().start({ id: 'a3', caseId: 'video-recs' });
    store.getState().update((x, now) => finish(x, now));
    for (const d of DIMENSION_IDS) store.getState().update((x) => grade(x, d, 4));
    await store.getState().record();
    await settle();
    expect(adapter.map.get(MOCK_HISTORY_KEY)).toBe(corrupt);
    await store.getState().startFresh('history');
    const backup = [...adapter.map.keys()].find((k) => k.startsWith(`${MOCK_HISTORY_KEY}.backup.`));
    expect(adapter.map.get(backup!)).toBe(corrupt);
    expect(JSON.parse(adapter.map.get(MOCK_HISTORY_KEY)!).data.attempts).toHaveLength(1);
  });

  it('sets damaged parts aside and keeps the rest', async () => {
    const { store } = setup();
    await store.getState().init();
    await store.getState().start({ id: 'a4', caseId: 'video-recs' });
    const good = store.getState().session!;
    const saved = JSON.stringify({
      app: 'mlsd-lab',
      kind: 'mock-session',
      version: 1,
      savedAt: new Date(T0).toISOString(),
      data: { session: { ...good, notes: { clarify: 'kept', nope: 'x' }, asked: [{ id: 7 }] } },
    });
    const second = setup({ [MOCK_SESSION_KEY]: saved });
    await second.store.getState().init();
    const load = second.store.getState().sessionLoad;
    expect(load.kind).toBe('repaired');
    expect(load.kind === 'repaired' && load.dropped).toEqual(['notes "nope"', 'a question asked']);
    expect(second.store.getState().session!.notes).toEqual({ clarify: 'kept' });
  });

  it('drops a session for an unknown case but says so', async () => {
    const saved = JSON.stringify({
      app: 'mlsd-lab',
      kind: 'mock-session',
      version: 1,
      savedAt: new Date(T0).toISOString(),
      data: { session: { id: 'x', caseId: 'no-such-case' } },
    });
    const { store } = setup({ [MOCK_SESSION_KEY]: saved });
    await store.getState().init();
    expect(store.getState().session).toBeNull();
    expect(store.getState().sessionLoad.kind).toBe('repaired');
  });
});

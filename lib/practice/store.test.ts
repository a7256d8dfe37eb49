import { describe, expect, it } from 'vitest';
import { VIDEO_RECS_EXERCISES } from '../../case-studies/video-recs/reference/exercises';
import { VIDEO_RECS_REFERENCE } from '../../case-studies/video-recs/reference/diagram';
import { referenceAnswer } from '../grading/items';
import { memoryAdapter } from '../storage/adapter';
import { wrap } from '../storage/envelope';
import { PRACTICE_KEY } from './schema';
import { createPracticeStore } from './store';

const T0 = new Date('2026-11-22T09:00:00.000Z');
const clock = () => T0;
const frame = VIDEO_RECS_EXERCISES.exercises.find((e) => e.step === 'frame')!;
const serve = VIDEO_RECS_EXERCISES.exercises.find((e) => e.step === 'serve')!;
const settle = () => new Promise((r) => setTimeout(r, 0));

async function loaded(adapter = memoryAdapter()) {
  const store = createPracticeStore(adapter, clock);
  await store.getState().init();
  return { store, adapter };
}

describe('practice store', () => {
  it('submitting records the attempt, makes cards of missed items, and survives a reload', async () => {
    const { store, adapter } = await loaded();
    const s = store.getState();
    const [objective, label] = frame.items;
    s.setAnswer('video-recs/frame', objective!.id, referenceAnswer(objective!));
    s.setAnswer('video-recs/frame', label!.id, { type: 'choice', selected: ['survey'] });
    s.submit(frame);
    await settle();

    const record = store.getState().data.exercises['video-recs/frame']!;
    expect(record.submitted).toBe(true);
    expect(record.attempts).toEqual([
      { at: T0.toISOString(), score: 1 / 3, missed: ['label', 'stage-tasks'] },
    ]);
    expect(Object.keys(store.getState().data.cards).sort()).toEqual([
      'video-recs/frame/label',
      'video-recs/frame/stage-tasks',
    ]);

    const again = await loaded(adapter);
    expect(again.store.getState().data).toEqual(store.getState().data);
    expect(again.store.getState().load).toEqual({ kind: 'ok' });
  });

  it('keeps the drawn diagram and grades it with the exercise', async () => {
    const { store, adapter } = await loaded();
    store.getState().setDiagram('video-recs/serve', VIDEO_RECS_REFERENCE.diagram);
    store.getState().submit(serve);
    await settle();
    const attempt = store.getState().data.exercises['video-recs/serve']!.attempts[0]!;
    expect(attempt.missed).toEqual(['latency-split', 'serving-mode']);
    const again = await loaded(adapter);
    expect(again.store.getState().data.exercises['video-recs/serve']!.diagram?.nodes).toHaveLength(
      VIDEO_RECS_REFERENCE.diagram.nodes.length,
    );
  });

  it('retry keeps answers, reset clears them but keeps the history; rating reschedules a card', async () => {
    const { store } = await loaded();
    const s = store.getState();
    s.setAnswer('video-recs/frame', 'label', { type: 'choice', selected: ['survey'] });
    s.submit(frame);
    s.retry('video-recs/frame');
    expect(store.getState().data.exercises['video-recs/frame']!.submitted).toBe(false);
    expect(store.getState().data.exercises['video-recs/frame']!.answers.label).toBeDefined();
    s.reset('video-recs/frame');
    const record = store.getState().data.exercises['video-recs/frame']!;
    expect(record.answers).toEqual({});
    expect(record.attempts).toHaveLength(1);
    s.rate('video-recs/frame/label', 'good');
    expect(Date.parse(store.getState().data.cards['video-recs/frame/label']!.due)).toBeGreaterThan(
      T0.getTime(),
    );
  });

  it('corrupt saved practice is never overwritten, and is backed up before starting fresh', async () => {
    const corrupt = '{"app":"mlsd-lab","kind":"practice","version":1,"data":{"exer';
    const adapter = memoryAdapter({ [PRACTICE_KEY]: corrupt });
    const { store } = await loaded(adapter);
    expect(store.getState().load).toMatchObject({ kind: 'blocked', reason: 'corrupt' });
    store.getState().setAnswer('video-recs/frame', 'label', { type: 'choice', selected: ['x'] });
    await settle();
    expect(adapter.map.get(PRACTICE_KEY)).toBe(corrupt);
    await store.getState().startFresh();
    await settle();
    const backup = [...adapter.map.keys()].find((k) => k.startsWith(`${PRACTICE_KEY}.backup.`));
    expect(adapter.map.get(backup!)).toBe(corrupt);
    expect(adapter.map.get(PRACTICE_KEY)).toContain('"label"');
  });

  it('practice from a newer version is left alone', async () => {
    const future = wrap('practice', 7, { exercises: {} }, T0);
    const adapter = memoryAdapter({ [PRACTICE_KEY]: future });
    const { store } = await loaded(adapter);
    expect(store.getState().load).toMatchObject({ kind: 'blocked', reason: 'future' });
    store.getState().submit(frame);
    await settle();
    expect(adapter.map.get(PRACTICE_KEY)).toBe(future);
  });

  it('damaged entries are set aside one by one and the rest is kept', async () => {
    const good = { answers: {}, notes: {}, submitted: true, attempts: [] };
    const raw = wrap(
      'practice',
      1,
      {
        exercises: {
          'video-recs/frame': good,
          'video-recs/data': { ...good, answers: { leaks: { type: 'choice', selected: 5 } } },
          'video-recs/serve': { ...good, diagram: 'not a diagram' },
        },
        cards: { 'a/b/c': { id: 'a/b/c', due: 'never' } },
      },
      T0,
    );
    const adapter = memoryAdapter({ [PRACTICE_KEY]: raw });
    const { store } = await loaded(adapter);
    const load = store.getState().load;
    expect(load.kind).toBe('repaired');
    if (load.kind === 'repaired')
      expect(load.dropped).toEqual([
        'answers to exercise "video-recs/data"',
        'the diagram drawn for "video-recs/serve"',
        'review card "a/b/c"',
      ]);
    expect(Object.keys(store.getState().data.exercises).sort()).toEqual([
      'video-recs/frame',
      'video-recs/serve',
    ]);
    await settle();
    expect([...adapter.map.keys()].some((k) => k.includes('.backup.'))).toBe(true);
  });

  it('a full disk is reported and the work stays in memory', async () => {
    const { store, adapter } = await loaded();
    adapter.failWrites = true;
    store.getState().setAnswer('video-recs/frame', 'label', { type: 'choice', selected: ['x'] });
    await settle();
    expect(store.getState().save).toMatchObject({ kind: 'failed' });
    expect(store.getState().data.exercises['video-recs/frame']!.answers.label).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { STEPS } from '@/lib/framework/steps';
import { cardId } from '@/lib/review/cards';
import { cardSubject, EXERCISE_SETS, findExercise, referenceDiagram } from './catalogue';

describe('exercise catalogue', () => {
  it('has an exercise for every case and step, and a reference diagram per case', () => {
    for (const { set } of EXERCISE_SETS) {
      expect(referenceDiagram(set.caseId)?.nodes.length).toBeGreaterThan(5);
      for (const s of STEPS) expect(findExercise(set.caseId, s.id)?.step).toBe(s.id);
    }
  });

  it('every item and diagram task resolves as a review card linked to its step lesson', () => {
    for (const { set } of EXERCISE_SETS)
      for (const e of set.exercises) {
        const lesson = STEPS.find((s) => s.id === e.step)!.lesson;
        for (const item of e.items)
          expect(cardSubject(cardId(set.caseId, e.step, item.id))).toMatchObject({
            kind: 'item',
            item: { id: item.id },
            lesson,
          });
        if (e.diagram)
          expect(cardSubject(cardId(set.caseId, e.step, e.diagram.id))).toMatchObject({
            kind: 'diagram',
            lesson,
          });
      }
  });

  it('cards for items that no longer exist resolve to nothing', () => {
    expect(cardSubject('video-recs/frame/gone')).toBeUndefined();
    expect(cardSubject('no-case/frame/label')).toBeUndefined();
    expect(cardSubject('video-recs/no-step/label')).toBeUndefined();
    expect(cardSubject('broken')).toBeUndefined();
  });
});

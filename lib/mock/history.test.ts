import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS, type Level } from './grading';
import { addAttempt, emptyHistory, summarizeHistory, toAttempt } from './history';
import { finish, goToStep, grade, startSession } from './session';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const MIN = 60_000;

function attempt(id: string, level: Level, totalMinutes = 45) {
  let s = startSession({ id, caseId: 'video-recs', now: T0, totalMinutes });
  s = goToStep(s, 'frame', T0 + 6 * MIN);
  s = finish(s, T0 + 10 * MIN);
  for (const d of DIMENSION_IDS) s = grade(s, d, level);
  return toAttempt(s, T0 + 11 * MIN)!;
}

describe('mock history', () => {
  it('records time per step and the band', () => {
    const a = attempt('a', 4);
    expect(a.stepMs.clarify).toBe(6 * MIN);
    expect(a.stepMs.frame).toBe(4 * MIN);
    expect(a.band).toBe('strong-hire');
    expect(a.changingTotal).toBeGreaterThan(5);
  });

  it('summarises attempts, replacing one recorded twice', () => {
    let h = addAttempt(emptyHistory(), attempt('a', 2));
    h = addAttempt(h, attempt('b', 4, 1));
    h = addAttempt(h, attempt('b', 3, 1));
    const s = summarizeHistory(h);
    expect(s.count).toBe(2);
    expect(s.fullLength).toBe(1);
    expect(s.averages).toEqual([2, 3]);
    expect(s.bestBand).toBe('hire');
    expect(s.latest).toMatchObject({ band: 'hire', average: 3 });
    expect(s.meanStepMinutes.clarify).toBe(6);
    expect(summarizeHistory(emptyHistory()).latest).toBeNull();
  });
});

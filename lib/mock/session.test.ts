import { describe, expect, it } from 'vitest';
import {
  afterLoad,
  askQuestion,
  clampMinutes,
  currentStep,
  elapsedMs,
  finish,
  goToStep,
  nextStep,
  pause,
  readStep,
  resume,
  RESUME_GAP_MS,
  setNotes,
  startSession,
  stepBudgetMs,
  stepTimes,
  touch,
} from './session';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const MIN = 60_000;
const start = (totalMinutes?: number) =>
  startSession({ id: 'm1', caseId: 'video-recs', now: T0, totalMinutes });

describe('mock session clock', () => {
  it('runs from the start, pauses and resumes', () => {
    let s = start();
    expect(elapsedMs(s, T0 + 3 * MIN)).toBe(3 * MIN);
    s = pause(s, T0 + 3 * MIN);
    expect(elapsedMs(s, T0 + 10 * MIN)).toBe(3 * MIN);
    s = resume(s, T0 + 10 * MIN);
    expect(elapsedMs(s, T0 + 11 * MIN)).toBe(4 * MIN);
  });

  it('keeps running through a reload but pauses after a long absence', () => {
    const s = touch(start(), T0 + 2 * MIN);
    const reloaded = afterLoad(s, T0 + 2 * MIN + 5_000);
    expect(elapsedMs(reloaded, T0 + 2 * MIN + 5_000)).toBe(2 * MIN + 5_000);
    const away = afterLoad(s, T0 + 2 * MIN + RESUME_GAP_MS + 1);
    expect(elapsedMs(away, T0 + 3 * 60 * MIN)).toBe(2 * MIN);
  });

  it('freezes at the finish', () => {
    const s = finish(start(), T0 + 30 * MIN);
    expect(elapsedMs(s, T0 + 90 * MIN)).toBe(30 * MIN);
    expect(goToStep(s, 'model', T0 + 91 * MIN)).toBe(s);
  });
});

describe('steps', () => {
  it('counts the time of every visit, including going back', () => {
    let s = start();
    s = goToStep(s, 'frame', T0 + 4 * MIN);
    s = goToStep(s, 'data', T0 + 10 * MIN);
    s = goToStep(s, 'frame', T0 + 12 * MIN);
    const t = stepTimes(s, T0 + 13 * MIN);
    expect(t.clarify).toBe(4 * MIN);
    expect(t.frame).toBe(7 * MIN);
    expect(t.data).toBe(2 * MIN);
    expect(t.model).toBe(0);
    expect(currentStep(s)).toBe('frame');
    expect(nextStep(s)).toBe('data');
  });

  it('signals a step over its budget, scaled to a shortened mock', () => {
    expect(stepBudgetMs(45, 'model')).toBe(9 * MIN);
    expect(stepBudgetMs(1, 'clarify')).toBeCloseTo((5 / 45) * MIN);
    const s = start();
    expect(readStep(s, T0 + 3 * MIN)).toMatchObject({ over: false, near: false });
    expect(readStep(s, T0 + 4.5 * MIN)).toMatchObject({ over: false, near: true });
    expect(readStep(s, T0 + 6 * MIN)).toMatchObject({ over: true, spentMs: 6 * MIN });
  });

  it('records each question once, with the step it was asked in', () => {
    let s = goToStep(start(), 'data', T0 + MIN);
    s = askQuestion(s, 'position-bias', T0 + 2 * MIN);
    s = askQuestion(s, 'position-bias', T0 + 3 * MIN);
    expect(s.asked).toEqual([{ id: 'position-bias', step: 'data', atMs: 2 * MIN }]);
  });

  it('caps notes', () => {
    expect(setNotes(start(), 'clarify', 'x'.repeat(30_000)).notes.clarify).toHaveLength(20_000);
  });
});

describe('clampMinutes', () => {
  it('accepts 1–45 whole minutes and falls back to 45', () => {
    expect(clampMinutes('1')).toBe(1);
    expect(clampMinutes(45)).toBe(45);
    for (const bad of ['0', '46', '1.5', 'abc', '', null, undefined, '-3'])
      expect(clampMinutes(bad)).toBe(45);
  });
});

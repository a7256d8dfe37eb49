import { describe, expect, it } from 'vitest';
import { formatClock, interviewPhases, readClock } from './clock';
import { INTERVIEW_MINUTES } from './steps';

describe('interview clock', () => {
  it('lays the phases end to end over exactly 45 minutes', () => {
    const phases = interviewPhases();
    expect(phases.map((p) => p.id)).toEqual([
      'intro',
      'clarify',
      'frame',
      'data',
      'model',
      'evaluate',
      'serve',
      'monitor',
      'questions',
    ]);
    const last = phases[phases.length - 1]!;
    expect(last.startMinute + last.minutes).toBe(INTERVIEW_MINUTES);
    for (let i = 1; i < phases.length; i++)
      expect(phases[i]!.startMinute).toBe(phases[i - 1]!.startMinute + phases[i - 1]!.minutes);
  });

  it('reads the phase at a given time, with boundaries belonging to the next phase', () => {
    expect(readClock(0).phase.id).toBe('intro');
    expect(readClock(3 * 60 - 1).phase.id).toBe('intro');
    expect(readClock(3 * 60)).toMatchObject({ phase: { id: 'clarify' }, secondsLeftInPhase: 300 });
    expect(readClock(20 * 60).phase.id).toBe('model');
  });

  it('reports an overrun after 45 minutes and stays on the last phase', () => {
    const r = readClock(46 * 60);
    expect(r).toMatchObject({
      overrun: true,
      fraction: 1,
      phase: { id: 'questions' },
      secondsLeftInPhase: -60,
    });
  });

  it('formats minutes and seconds, with a sign when over', () => {
    expect(formatClock(125)).toBe('2:05');
    expect(formatClock(-61)).toBe('−1:01');
  });
});

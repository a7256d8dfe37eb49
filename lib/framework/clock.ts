import { INTRO_MINUTES, QUESTIONS_MINUTES, STEPS } from './steps';

/** One stretch of the interview timeline: the intro, a step, or the closing questions. */
export interface Phase {
  id: string;
  label: string;
  short: string;
  startMinute: number;
  minutes: number;
}

/** The interview as a timeline: intro, the seven steps in order, then the candidate's questions. */
export function interviewPhases(): Phase[] {
  const phases: Phase[] = [];
  let t = 0;
  const push = (id: string, label: string, short: string, minutes: number) => {
    phases.push({ id, label, short, startMinute: t, minutes });
    t += minutes;
  };
  push('intro', 'Introductions', 'Intro', INTRO_MINUTES);
  for (const s of STEPS) push(s.id, `${s.number}. ${s.title}`, s.short, s.minutes);
  push('questions', 'Your questions', 'Q&A', QUESTIONS_MINUTES);
  return phases;
}

export interface ClockReading {
  phase: Phase;
  /** Seconds left in the current phase (negative once the interview has run over). */
  secondsLeftInPhase: number;
  overrun: boolean;
  fraction: number;
}

/** Where an interview that started `elapsedSeconds` ago should be. */
export function readClock(
  elapsedSeconds: number,
  phases: readonly Phase[] = interviewPhases(),
): ClockReading {
  const last = phases[phases.length - 1]!;
  const total = (last.startMinute + last.minutes) * 60;
  const t = Math.max(0, elapsedSeconds);
  const phase = phases.find((p) => t < (p.startMinute + p.minutes) * 60) ?? last;
  return {
    phase,
    secondsLeftInPhase: (phase.startMinute + phase.minutes) * 60 - t,
    overrun: t >= total,
    fraction: Math.min(1, t / total),
  };
}

export function formatClock(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(Math.round(seconds));
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A mock interview as a pure state machine. Every function takes the current time (`now`, epoch
 * milliseconds) and returns a new session, so tests drive it with a fixed clock.
 *
 * The clock is saved as time banked plus the moment it started running, so a reload continues
 * from where it was without counting on periodic saves. If the page was closed for longer than
 * RESUME_GAP_MS, the mock resumes paused at the time of the last save: a tab left closed over
 * lunch should not come back 40 minutes over time.
 */
import type { Diagram } from '../diagram';
import { INTERVIEW_MINUTES, STEP_IDS, STEPS, type StepId } from '../framework/steps';
import type { Grades, DimensionId, Level } from './grading';

export const MAX_NOTES_CHARS = 20_000;
export const MIN_MINUTES = 1;
export const RESUME_GAP_MS = 5 * 60_000;

export interface MockClock {
  /** Time banked while paused. */
  bankedMs: number;
  /** Epoch ms the clock last started running; null while paused. */
  runningSince: number | null;
}

export interface StepVisit {
  step: StepId;
  /** Interview time (elapsed ms) the step was entered. */
  atMs: number;
}

export interface AskedQuestion {
  id: string;
  step: StepId;
  atMs: number;
}

export interface MockSession {
  id: string;
  caseId: string;
  /** The seed that drew the case, when it was drawn at random. */
  seed: number | null;
  /** 45 for a real mock; fewer only through the test-only `?minutes=` setting. */
  totalMinutes: number;
  startedAt: string;
  clock: MockClock;
  /** Epoch ms of the last save: decides whether a reload resumes running or paused. */
  lastSeenAt: number;
  visits: StepVisit[];
  notes: Partial<Record<StepId, string>>;
  asked: AskedQuestion[];
  diagram: Diagram | null;
  /** Interview time at which the learner finished; null while the interview runs. */
  finishedAtMs: number | null;
  grades: Grades;
  /** Set once the attempt is in the history. */
  recordedAs: string | null;
}

export interface StartOptions {
  id: string;
  caseId: string;
  seed?: number | null;
  totalMinutes?: number;
  now: number;
}

export function startSession(o: StartOptions): MockSession {
  return {
    id: o.id,
    caseId: o.caseId,
    seed: o.seed ?? null,
    totalMinutes: clampMinutes(o.totalMinutes ?? INTERVIEW_MINUTES),
    startedAt: new Date(o.now).toISOString(),
    clock: { bankedMs: 0, runningSince: o.now },
    lastSeenAt: o.now,
    visits: [{ step: 'clarify', atMs: 0 }],
    notes: {},
    asked: [],
    diagram: null,
    finishedAtMs: null,
    grades: {},
    recordedAs: null,
  };
}

/** Reads `?minutes=` safely: anything that is not a whole number of 1–45 minutes means 45. */
export function clampMinutes(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) return INTERVIEW_MINUTES;
  return n >= MIN_MINUTES && n <= INTERVIEW_MINUTES ? n : INTERVIEW_MINUTES;
}

export function elapsedMs(s: MockSession, now: number): number {
  if (s.finishedAtMs !== null) return s.finishedAtMs;
  const running = s.clock.runningSince === null ? 0 : Math.max(0, now - s.clock.runningSince);
  return s.clock.bankedMs + running;
}

export function isRunning(s: MockSession): boolean {
  return s.finishedAtMs === null && s.clock.runningSince !== null;
}

export function pause(s: MockSession, now: number): MockSession {
  if (!isRunning(s)) return s;
  return { ...s, clock: { bankedMs: elapsedMs(s, now), runningSince: null } };
}

export function resume(s: MockSession, now: number): MockSession {
  if (s.finishedAtMs !== null || s.clock.runningSince !== null) return s;
  return { ...s, clock: { ...s.clock, runningSince: now } };
}

/** After loading: a short gap (a reload) keeps the clock running; a long one pauses it. */
export function afterLoad(s: MockSession, now: number): MockSession {
  if (!isRunning(s) || now - s.lastSeenAt <= RESUME_GAP_MS) return s;
  return { ...s, clock: { bankedMs: elapsedMs(s, s.lastSeenAt), runningSince: null } };
}

export function touch(s: MockSession, now: number): MockSession {
  return { ...s, lastSeenAt: now };
}

export function currentStep(s: MockSession): StepId {
  return s.visits[s.visits.length - 1]!.step;
}

export function goToStep(s: MockSession, step: StepId, now: number): MockSession {
  if (s.finishedAtMs !== null || currentStep(s) === step) return s;
  return { ...s, visits: [...s.visits, { step, atMs: elapsedMs(s, now) }] };
}

/** The next step, or null on the last one. */
export function nextStep(s: MockSession): StepId | null {
  return STEP_IDS[STEP_IDS.indexOf(currentStep(s)) + 1] ?? null;
}

export function previousStep(s: MockSession): StepId | null {
  const i = STEP_IDS.indexOf(currentStep(s));
  return i > 0 ? STEP_IDS[i - 1]! : null;
}

export function setNotes(s: MockSession, step: StepId, text: string): MockSession {
  return { ...s, notes: { ...s.notes, [step]: text.slice(0, MAX_NOTES_CHARS) } };
}

export function askQuestion(s: MockSession, id: string, now: number): MockSession {
  if (s.asked.some((q) => q.id === id)) return s;
  return { ...s, asked: [...s.asked, { id, step: currentStep(s), atMs: elapsedMs(s, now) }] };
}

export function setDiagram(s: MockSession, diagram: Diagram): MockSession {
  return { ...s, diagram };
}

export function finish(s: MockSession, now: number): MockSession {
  if (s.finishedAtMs !== null) return s;
  const at = elapsedMs(s, now);
  return { ...s, finishedAtMs: at, clock: { bankedMs: at, runningSince: null } };
}

export function grade(s: MockSession, dimension: DimensionId, level: Level): MockSession {
  return { ...s, grades: { ...s.grades, [dimension]: level } };
}

/** Time spent in each step: the sum of its visits, the last one running until now or the finish. */
export function stepTimes(s: MockSession, now: number): Record<StepId, number> {
  const out = Object.fromEntries(STEP_IDS.map((id) => [id, 0])) as Record<StepId, number>;
  const end = elapsedMs(s, now);
  s.visits.forEach((v, i) => {
    const until = s.visits[i + 1]?.atMs ?? end;
    out[v.step] += Math.max(0, until - v.atMs);
  });
  return out;
}

/** A step's share of the mock: its minutes in the 45-minute plan, scaled to this mock's length. */
export function stepBudgetMs(totalMinutes: number, step: StepId): number {
  const minutes = STEPS.find((x) => x.id === step)!.minutes;
  return (minutes / INTERVIEW_MINUTES) * totalMinutes * 60_000;
}

export interface StepReading {
  step: StepId;
  spentMs: number;
  budgetMs: number;
  /** Over its budget: the UI says so gently, in words. */
  over: boolean;
  /** Past 80 % of its budget. */
  near: boolean;
}

export function readStep(s: MockSession, now: number): StepReading {
  const step = currentStep(s);
  const spentMs = stepTimes(s, now)[step];
  const budgetMs = stepBudgetMs(s.totalMinutes, step);
  return { step, spentMs, budgetMs, over: spentMs > budgetMs, near: spentMs > 0.8 * budgetMs };
}

export function totalMs(s: MockSession): number {
  return s.totalMinutes * 60_000;
}

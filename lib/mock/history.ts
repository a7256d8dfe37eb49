/**
 * Finished mocks as a history of attempts: what the end screen records, and the summary other
 * pages (the progress dashboard) read through components/mock/mock-history.ts.
 */
import { STEP_IDS, type StepId } from '../framework/steps';
import { mockCase } from './cases';
import {
  averageLevel,
  bandFor,
  BANDS,
  DIMENSION_IDS,
  type Band,
  type DimensionId,
  type Level,
} from './grading';
import { stepTimes, type MockSession } from './session';

export interface MockAttempt {
  id: string;
  caseId: string;
  startedAt: string;
  finishedAt: string;
  totalMinutes: number;
  /** Milliseconds spent in each step. */
  stepMs: Record<StepId, number>;
  grades: Record<DimensionId, Level>;
  band: Band;
  questionsAsked: number;
  /** Of the questions whose answers change the design, how many were asked, out of how many. */
  changingAsked: number;
  changingTotal: number;
}

export interface MockHistory {
  attempts: MockAttempt[];
}

export const MAX_ATTEMPTS = 1000;

export function emptyHistory(): MockHistory {
  return { attempts: [] };
}

/** The attempt a finished, fully graded session becomes; null if it is not ready. */
export function toAttempt(s: MockSession, now: number): MockAttempt | null {
  const band = bandFor(s.grades);
  if (s.finishedAtMs === null || band === null) return null;
  const questions = mockCase(s.caseId)?.interviewer.questions ?? [];
  const changing = questions.filter((q) => q.changes).map((q) => q.id);
  return {
    id: s.id,
    caseId: s.caseId,
    startedAt: s.startedAt,
    finishedAt: new Date(now).toISOString(),
    totalMinutes: s.totalMinutes,
    stepMs: stepTimes(s, now),
    grades: Object.fromEntries(DIMENSION_IDS.map((d) => [d, s.grades[d]!])) as Record<
      DimensionId,
      Level
    >,
    band,
    questionsAsked: s.asked.length,
    changingAsked: s.asked.filter((q) => changing.includes(q.id)).length,
    changingTotal: changing.length,
  };
}

/** Adds an attempt (replacing one with the same id), oldest first, keeping the latest MAX_ATTEMPTS. */
export function addAttempt(h: MockHistory, a: MockAttempt): MockHistory {
  const attempts = [...h.attempts.filter((x) => x.id !== a.id), a];
  return { attempts: attempts.slice(-MAX_ATTEMPTS) };
}

export interface MockHistorySummary {
  count: number;
  /** Attempts at the full 45 minutes (shortened test mocks are counted apart). */
  fullLength: number;
  latest: { caseId: string; band: Band; finishedAt: string; average: number } | null;
  bestBand: Band | null;
  /** Mean self-grade (1–4) of each attempt, oldest first. */
  averages: number[];
  /** Mean minutes per step over all attempts. */
  meanStepMinutes: Record<StepId, number>;
}

export function summarizeHistory(h: MockHistory): MockHistorySummary {
  const n = h.attempts.length;
  const averages = h.attempts.map((a) => averageLevel(a.grades) ?? 0);
  const last = h.attempts[n - 1];
  const bandRank = (b: Band) => BANDS.indexOf(b);
  const bestBand = h.attempts.reduce<Band | null>(
    (best, a) => (best === null || bandRank(a.band) < bandRank(best) ? a.band : best),
    null,
  );
  const meanStepMinutes = Object.fromEntries(
    STEP_IDS.map((s) => [
      s,
      n === 0 ? 0 : h.attempts.reduce((t, a) => t + a.stepMs[s], 0) / n / 60_000,
    ]),
  ) as Record<StepId, number>;
  return {
    count: n,
    fullLength: h.attempts.filter((a) => a.totalMinutes === 45).length,
    latest: last
      ? {
          caseId: last.caseId,
          band: last.band,
          finishedAt: last.finishedAt,
          average: averages[n - 1]!,
        }
      : null,
    bestBand,
    averages,
    meanStepMinutes,
  };
}

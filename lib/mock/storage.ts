/**
 * How mocks are saved: the session in progress and the history of attempts, each its own
 * versioned document under the never-lose-work rules of lib/storage/document.ts. The restore
 * functions keep every valid part and name each part they drop.
 */
import { z } from 'zod';
import { restoreDiagram } from '../diagram';
import { STEP_IDS } from '../framework/steps';
import type { DocumentSpec, Restored } from '../storage/document';
import type { MigrationChain } from '../storage/envelope';
import { mockCase } from './cases';
import { BANDS, DIMENSION_IDS, LEVELS } from './grading';
import { MAX_ATTEMPTS, emptyHistory, type MockAttempt, type MockHistory } from './history';
import { MAX_NOTES_CHARS, type MockSession } from './session';

export const MOCK_SESSION_KEY = 'mlsd-lab:mock-session';
export const MOCK_HISTORY_KEY = 'mlsd-lab:mock-history';
export const MOCK_CHAIN: MigrationChain = { current: 1, migrations: [] };

/** What the session document holds: the mock in progress (or just finished), if any. */
export interface SavedSession {
  session: MockSession | null;
}

const id = z.string().regex(/^[a-z0-9-]{1,80}$/);
const ms = z.number().finite().min(0).max(1e13);
const isoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const step = z.enum(STEP_IDS);
const level = z.union(LEVELS.map((l) => z.literal(l)));
const caseId = id.refine((c) => mockCase(c) !== undefined, 'not a known case');

const sessionCore = z.object({
  id,
  caseId,
  seed: z.number().int().nullable(),
  totalMinutes: z.number().int().min(1).max(45),
  startedAt: isoDate,
  clock: z.object({ bankedMs: ms, runningSince: ms.nullable() }),
  lastSeenAt: ms,
  visits: z
    .array(z.object({ step, atMs: ms }))
    .min(1)
    .max(10_000),
  finishedAtMs: ms.nullable(),
  recordedAs: id.nullable(),
});
const asked = z.object({ id, step, atMs: ms });

export function restoreSession(data: unknown): Restored<SavedSession> {
  const raw = (data ?? {}) as { session?: unknown };
  if (typeof data !== 'object' || data === null) return dropAll('not an object');
  if (raw.session === null || raw.session === undefined)
    return { value: { session: null }, dropped: [] };
  const core = sessionCore.safeParse(raw.session);
  if (!core.success) return dropAll(core.error.issues[0]?.path.join('.') || 'bad fields');
  const s = raw.session as Record<string, unknown>;
  const dropped: string[] = [];
  const notes: MockSession['notes'] = {};
  for (const [k, v] of entries(s.notes)) {
    const stepId = step.safeParse(k);
    if (stepId.success && typeof v === 'string' && v.length <= MAX_NOTES_CHARS)
      notes[stepId.data] = v;
    else dropped.push(`notes "${k.slice(0, 40)}"`);
  }
  const askedOk: MockSession['asked'] = [];
  for (const q of Array.isArray(s.asked) ? s.asked : []) {
    const p = asked.safeParse(q);
    if (p.success) askedOk.push(p.data);
    else dropped.push('a question asked');
  }
  const grades: MockSession['grades'] = {};
  for (const [k, v] of entries(s.grades)) {
    const d = z.enum(DIMENSION_IDS).safeParse(k);
    const l = level.safeParse(v);
    if (d.success && l.success) grades[d.data] = l.data;
    else dropped.push(`grade "${k.slice(0, 40)}"`);
  }
  let diagram: MockSession['diagram'] = null;
  if (s.diagram !== null && s.diagram !== undefined) {
    const r = restoreDiagram(s.diagram);
    if (r.error) dropped.push(`the diagram (${r.error.message})`);
    else diagram = r.diagram;
    if (!r.error && r.problems.length > 0) dropped.push(...r.problems.map((p) => `diagram: ${p}`));
  }
  return { value: { session: { ...core.data, notes, asked: askedOk, grades, diagram } }, dropped };
}

function dropAll(why: string): Restored<SavedSession> {
  return { value: { session: null }, dropped: [`the mock in progress (${why})`] };
}

function entries(v: unknown): [string, unknown][] {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.entries(v) : [];
}

const stepMs = z.object(
  Object.fromEntries(STEP_IDS.map((s) => [s, ms])) as Record<(typeof STEP_IDS)[number], typeof ms>,
);
const attemptSchema: z.ZodType<MockAttempt> = z.object({
  id,
  caseId: id,
  startedAt: isoDate,
  finishedAt: isoDate,
  totalMinutes: z.number().int().min(1).max(45),
  stepMs,
  grades: z.object(
    Object.fromEntries(DIMENSION_IDS.map((d) => [d, level])) as Record<
      (typeof DIMENSION_IDS)[number],
      typeof level
    >,
  ),
  band: z.enum(BANDS),
  questionsAsked: z.number().int().min(0).max(1000),
  changingAsked: z.number().int().min(0).max(1000),
  changingTotal: z.number().int().min(0).max(1000),
});

export function restoreHistory(data: unknown): Restored<MockHistory> {
  const list = (data as { attempts?: unknown } | null)?.attempts;
  if (!Array.isArray(list))
    return { value: emptyHistory(), dropped: ['the attempt list (not a list)'] };
  const value = emptyHistory();
  const dropped: string[] = [];
  list.forEach((a, i) => {
    const p = attemptSchema.safeParse(a);
    if (p.success && value.attempts.length < MAX_ATTEMPTS) value.attempts.push(p.data);
    else dropped.push(`attempt ${i + 1}`);
  });
  return { value, dropped };
}

export function sessionSpec(now?: () => Date): DocumentSpec<SavedSession> {
  return {
    key: MOCK_SESSION_KEY,
    kind: 'mock-session',
    chain: MOCK_CHAIN,
    empty: () => ({ session: null }),
    restore: restoreSession,
    now,
  };
}

export function historySpec(now?: () => Date): DocumentSpec<MockHistory> {
  return {
    key: MOCK_HISTORY_KEY,
    kind: 'mock-history',
    chain: MOCK_CHAIN,
    empty: emptyHistory,
    restore: restoreHistory,
    now,
  };
}

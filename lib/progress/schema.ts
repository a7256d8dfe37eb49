import { z } from 'zod';
import type { Restored } from '../storage/document';
import type { MigrationChain } from '../storage/envelope';

/** What a learner's progress holds (format version 1). */
export const SELF_CHECK_RESULTS = ['correct', 'incorrect', 'got-it', 'missed'] as const;
export type SelfCheckResult = (typeof SELF_CHECK_RESULTS)[number];

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);
const checkKey = z.string().regex(/^[a-z0-9-]{1,80}\/[a-z0-9-]{1,80}$/);
const isoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

const lessonEntry = z.object({ completedAt: isoDate }).strip();
const selfCheckEntry = z
  .object({
    result: z.enum(SELF_CHECK_RESULTS),
    choice: z.number().int().min(0).max(20).optional(),
    at: isoDate,
  })
  .strip();

export type LessonEntry = z.infer<typeof lessonEntry>;
export type SelfCheckEntry = z.infer<typeof selfCheckEntry>;

export interface Progress {
  lessons: Record<string, LessonEntry>;
  /** Keyed by "lesson-slug/self-check-id". */
  selfChecks: Record<string, SelfCheckEntry>;
}

export const PROGRESS_KIND = 'progress';
export const PROGRESS_CHAIN: MigrationChain = { current: 1, migrations: [] };
const MAX_ENTRIES = 5000;

export function emptyProgress(): Progress {
  return { lessons: Object.create(null), selfChecks: Object.create(null) };
}

/** Keeps every valid entry of saved progress and names each one it had to drop. */
export function restoreProgress(data: unknown): Restored<Progress> {
  const value = emptyProgress();
  const dropped: string[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { value, dropped: ['the whole progress record (not an object)'] };
  }
  const record = data as Record<string, unknown>;
  restoreMap(record.lessons, 'lesson', slug, lessonEntry, value.lessons, dropped);
  restoreMap(
    record.selfChecks,
    'self-check answer',
    checkKey,
    selfCheckEntry,
    value.selfChecks,
    dropped,
  );
  return { value, dropped };
}

function restoreMap<T>(
  input: unknown,
  label: string,
  keySchema: z.ZodType<string>,
  entrySchema: z.ZodType<T>,
  out: Record<string, T>,
  dropped: string[],
) {
  if (input === undefined) return;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    dropped.push(`all ${label} entries (not a map)`);
    return;
  }
  let kept = 0;
  for (const [key, entry] of Object.entries(input)) {
    const parsed = entrySchema.safeParse(entry);
    if (!keySchema.safeParse(key).success || !parsed.success) {
      dropped.push(`${label} "${key.slice(0, 60)}"`);
    } else if (kept >= MAX_ENTRIES) {
      dropped.push(`${label} "${key.slice(0, 60)}" (over ${MAX_ENTRIES} entries)`);
    } else {
      out[key] = parsed.data;
      kept++;
    }
  }
}

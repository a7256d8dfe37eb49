import { unwrap, wrap } from '../storage/envelope';
import { PROGRESS_CHAIN, PROGRESS_KIND, restoreProgress, type Progress } from './schema';

/** A progress file the learner can keep or move to another browser. */
export function exportProgress(progress: Progress, now: Date): string {
  return wrap(PROGRESS_KIND, PROGRESS_CHAIN.current, progress, now);
}

export type ImportResult =
  { ok: true; progress: Progress; dropped: string[] } | { ok: false; message: string };

const MAX_FILE_CHARS = 5_000_000;

/** Reads an exported progress file; damaged entries are dropped and named, never fatal. */
export function importProgress(text: string): ImportResult {
  if (text.length > MAX_FILE_CHARS)
    return {
      ok: false,
      message: `This file is ${Math.round(text.length / 1e6)} MB; a progress file is far smaller. Is it the right file?`,
    };
  const unwrapped = unwrap(text, PROGRESS_KIND, PROGRESS_CHAIN);
  if (!unwrapped.ok)
    return { ok: false, message: `This file can't be imported: ${unwrapped.detail}.` };
  const { value, dropped } = restoreProgress(unwrapped.data);
  return { ok: true, progress: value, dropped };
}

/** Combines two progress records; for an entry in both, the more recent one wins. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const lessons = { ...a.lessons };
  for (const [k, v] of Object.entries(b.lessons))
    if (!lessons[k] || lessons[k].completedAt < v.completedAt) lessons[k] = v;
  const selfChecks = { ...a.selfChecks };
  for (const [k, v] of Object.entries(b.selfChecks))
    if (!selfChecks[k] || selfChecks[k].at < v.at) selfChecks[k] = v;
  return { lessons, selfChecks };
}

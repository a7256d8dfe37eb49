/**
 * Read-only access to the saved mock interview history, for other pages (the progress
 * dashboard). It never writes: a history that cannot be read is reported, not replaced.
 *
 *   const { status, summary, attempts } = await loadMockHistory();
 *   // status: 'ok' | 'repaired' (some attempts were damaged and are left out) | 'blocked'
 *   // summary: count, latest { caseId, band, finishedAt, average }, bestBand, averages,
 *   //          meanStepMinutes (see MockHistorySummary in lib/mock/history.ts)
 *   // attempts: every valid attempt, oldest first
 *
 * Bands and their labels are in lib/mock/grading.ts (BAND_LABELS); /mock/ is the page to link.
 */
import { createDocument } from '@/lib/storage/document';
import type { KeyValueAdapter } from '@/lib/storage/adapter';
import { summarizeHistory, type MockAttempt, type MockHistorySummary } from '@/lib/mock/history';
import { historySpec } from '@/lib/mock/storage';
import { localStorageAdapter } from '../progress/local-storage-adapter';

export interface LoadedMockHistory {
  status: 'ok' | 'repaired' | 'blocked';
  /** Why the history could not be read, when blocked. */
  detail?: string;
  summary: MockHistorySummary;
  attempts: MockAttempt[];
}

export async function loadMockHistory(
  adapter: KeyValueAdapter = localStorageAdapter,
): Promise<LoadedMockHistory> {
  // A read-only view of the adapter: loading a damaged history backs it up, never here.
  const readOnly: KeyValueAdapter = { get: (k) => adapter.get(k), set: async () => {} };
  const { value, status } = await createDocument(readOnly, historySpec()).load();
  const base = { summary: summarizeHistory(value), attempts: value.attempts };
  if (status.kind === 'blocked') return { ...base, status: 'blocked', detail: status.detail };
  return { ...base, status: status.kind === 'repaired' ? 'repaired' : 'ok' };
}

import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '@/lib/storage/adapter';
import { MOCK_HISTORY_KEY } from '@/lib/mock/storage';
import { loadMockHistory } from './mock-history';

const envelope = (data: unknown) =>
  JSON.stringify({
    app: 'mlsd-lab',
    kind: 'mock-history',
    version: 1,
    savedAt: '2026-11-22T09:00:00.000Z',
    data,
  });
const attempt = {
  id: 'a1',
  caseId: 'ad-click',
  startedAt: '2026-11-22T09:00:00.000Z',
  finishedAt: '2026-11-22T09:45:00.000Z',
  totalMinutes: 45,
  stepMs: { clarify: 1, frame: 1, data: 1, model: 1, evaluate: 1, serve: 1, monitor: 1 },
  grades: { navigation: 3, data: 3, modelling: 3, 'evaluation-serving': 3, communication: 3 },
  band: 'hire',
  questionsAsked: 4,
  changingAsked: 2,
  changingTotal: 9,
};

describe('loadMockHistory', () => {
  it('summarises the saved history without writing anything', async () => {
    const adapter = memoryAdapter({
      [MOCK_HISTORY_KEY]: envelope({ attempts: [attempt, { id: 'broken' }] }),
    });
    const before = new Map(adapter.map);
    const h = await loadMockHistory(adapter);
    expect(h.status).toBe('repaired');
    expect(h.summary).toMatchObject({ count: 1, bestBand: 'hire' });
    expect(adapter.map).toEqual(before);
  });

  it('reports unreadable history as blocked and an empty one as ok', async () => {
    const bad = await loadMockHistory(memoryAdapter({ [MOCK_HISTORY_KEY]: '{oops' }));
    expect(bad).toMatchObject({ status: 'blocked', summary: { count: 0 } });
    expect((await loadMockHistory(memoryAdapter())).status).toBe('ok');
  });
});

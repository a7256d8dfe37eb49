import { describe, expect, it } from 'vitest';
import { AD_CLICK_CASE } from '@/case-studies/ad-click/case';
import { VIDEO_RECS_CASE } from '@/case-studies/video-recs/case';
import { createRng } from '../random';
import { drawCase, MOCK_CASES } from './cases';
import { interviewerSchema, solutionSchema, fromRequirement } from './reference-schema';

const STORIES = { 'video-recs': VIDEO_RECS_CASE, 'ad-click': AD_CLICK_CASE } as const;

describe.each(MOCK_CASES.map((c) => [c.id, c] as const))('%s reference data', (id, c) => {
  it('passes the solution and interviewer schemas', () => {
    expect(solutionSchema.safeParse(c.solution).error?.issues ?? []).toEqual([]);
    expect(interviewerSchema.safeParse(c.interviewer).error?.issues ?? []).toEqual([]);
    expect(c.solution.caseId).toBe(id);
    expect(c.interviewer.caseId).toBe(id);
  });

  it('links every design change to an existing reference decision', () => {
    const decisions = new Set(c.solution.steps.flatMap((s) => s.decisions.map((d) => d.id)));
    const links = c.interviewer.questions.flatMap((q) => q.changes?.decisions ?? []);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((d) => !decisions.has(d))).toEqual([]);
  });

  it('asks about every hidden requirement of the case story', () => {
    const story = STORIES[id as keyof typeof STORIES];
    const asked = new Set(c.interviewer.questions.map((q) => q.requirement));
    expect(story.hiddenRequirements.filter((r) => !asked.has(r.id)).map((r) => r.id)).toEqual([]);
  });
});

describe('reference schemas', () => {
  it('reject steps out of order, duplicate ids and missing topics', () => {
    const c = MOCK_CASES[0]!;
    const swapped = { ...c.solution, steps: [...c.solution.steps].reverse() };
    expect(solutionSchema.safeParse(swapped).success).toBe(false);
    const dup = {
      ...c.interviewer,
      questions: [...c.interviewer.questions, c.interviewer.questions[0]!],
    };
    expect(interviewerSchema.safeParse(dup).success).toBe(false);
    const noLatency = {
      ...c.interviewer,
      questions: c.interviewer.questions.filter((q) => q.topic !== 'latency'),
    };
    expect(interviewerSchema.safeParse(noLatency).success).toBe(false);
  });

  it('refuse a question about a requirement the case does not have', () => {
    expect(() => fromRequirement([], 'nope', 'scale')).toThrow(/MLSD-MOCK-001/);
  });
});

describe('drawCase', () => {
  it('is seeded and reaches every case', () => {
    expect(drawCase(createRng(7)).id).toBe(drawCase(createRng(7)).id);
    const seen = new Set(Array.from({ length: 40 }, (_, i) => drawCase(createRng(i)).id));
    expect(seen.size).toBe(MOCK_CASES.length);
  });
});

/**
 * The case studies' exercise data: valid by schema, the reference answers score 100% on every
 * item and every exercise, known-wrong answers score what the rubric says, the numbers agree
 * with the case stories, and each reference architecture passes its own diagram task while
 * hand-broken copies lose exactly the named points.
 */
import { describe, expect, it } from 'vitest';
import { AD_CLICK_CASE } from '../../case-studies/ad-click/case';
import { AD_CLICK_EXERCISES } from '../../case-studies/ad-click/reference/exercises';
import { AD_CLICK_REFERENCE } from '../../case-studies/ad-click/reference/diagram';
import { VIDEO_RECS_CASE } from '../../case-studies/video-recs/case';
import { VIDEO_RECS_EXERCISES } from '../../case-studies/video-recs/reference/exercises';
import { VIDEO_RECS_REFERENCE } from '../../case-studies/video-recs/reference/diagram';
import type { Diagram } from '../diagram/schema';
import { gradeDiagram } from './diagram';
import { exerciseSetSchema, type ExerciseSet, type PracticeItem } from './exercise';
import { gradeExercise, missedItems } from './grade-exercise';
import { gradeItem, referenceAnswer } from './items';
import type { Answer } from './types';

const SETS: [ExerciseSet, Diagram][] = [
  [VIDEO_RECS_EXERCISES, VIDEO_RECS_REFERENCE.diagram],
  [AD_CLICK_EXERCISES, AD_CLICK_REFERENCE.diagram],
];
const allItems = SETS.flatMap(([set]) =>
  set.exercises.flatMap((e) =>
    e.items.map((item) => [`${e.caseId}/${e.step}/${item.id}`, item] as const),
  ),
);

/** A deliberately wrong answer per item and the score the rubric gives it. */
function wrong(item: PracticeItem): [Answer, number][] {
  switch (item.type) {
    case 'choice':
      if (item.multiple) {
        const right = item.options.filter((o) => o.correct).length;
        return [
          [
            { type: 'choice', selected: item.options.map((o) => o.id) },
            right / item.options.length,
          ],
          [{ type: 'choice', selected: [] }, 1 - right / item.options.length],
        ];
      }
      return [[{ type: 'choice', selected: [item.options.find((o) => !o.correct)!.id] }, 0]];
    case 'order':
      return [[{ type: 'order', order: item.steps.map((s) => s.id).reverse() }, 0]];
    case 'match': {
      const rights = item.pairs.map((p) => p.right);
      const shifted = Object.fromEntries(
        item.pairs.map((p, i) => [p.left, rights[(i + 1) % rights.length]!]),
      );
      return [[{ type: 'match', pairs: shifted }, 0]];
    }
    case 'number': {
      const halfway = (item.tolerance + item.partial) / 2;
      return [
        [{ type: 'number', value: item.answer * (1 + halfway) }, 0.5],
        [{ type: 'number', value: item.answer * (1 + item.partial) * 1.5 }, 0],
      ];
    }
    case 'rubric':
      return [
        [{ type: 'rubric', checked: [] }, 0],
        [{ type: 'rubric', checked: [item.points[0]!.id] }, 1 / item.points.length],
      ];
  }
}

describe('exercise data', () => {
  it.each(SETS.map(([s]) => [s.caseId, s] as const))('%s passes the schema', (_id, set) => {
    const parsed = exerciseSetSchema.safeParse(set);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('the schema rejects broken reference data', () => {
    const broken = structuredClone(VIDEO_RECS_EXERCISES);
    const choice = broken.exercises[0]!.items[0]!;
    if (choice.type === 'choice') choice.options.forEach((o) => (o.correct = true));
    expect(exerciseSetSchema.safeParse(broken).success).toBe(false);
    const noStep = { ...AD_CLICK_EXERCISES, exercises: AD_CLICK_EXERCISES.exercises.slice(1) };
    expect(exerciseSetSchema.safeParse(noStep).success).toBe(false);
  });

  it.each(allItems)('%s: the reference answer scores 100%', (_key, item) => {
    const grade = gradeItem(item, referenceAnswer(item));
    expect(grade.score).toBe(1);
    expect(grade.lines.every((l) => l.ok)).toBe(true);
  });

  it.each(allItems)('%s: known-wrong answers score what the rubric says', (_key, item) => {
    for (const [answer, score] of wrong(item))
      expect(gradeItem(item, answer).score).toBeCloseTo(score, 10);
  });

  it('every exercise scores 100% with the reference answers and reference diagram', () => {
    for (const [set, reference] of SETS)
      for (const e of set.exercises) {
        const answers = Object.fromEntries(e.items.map((i) => [i.id, referenceAnswer(i)]));
        const grade = gradeExercise(e, answers, reference);
        expect(grade.score, `${e.caseId}/${e.step}`).toBe(1);
        expect(missedItems(grade)).toEqual([]);
      }
  });

  it('an unanswered exercise scores 0 and every item is missed', () => {
    const e = VIDEO_RECS_EXERCISES.exercises.find((x) => x.diagram)!;
    const grade = gradeExercise(e, {});
    expect(grade.score).toBe(0);
    expect(missedItems(grade)).toEqual([...e.items.map((i) => i.id), e.diagram!.id]);
  });

  it('numeric answers agree with the case stories', () => {
    const video = (id: string) => VIDEO_RECS_CASE.scale.find((s) => s.id === id)!.value;
    const ads = (id: string) => AD_CLICK_CASE.scale.find((s) => s.id === id)!.value;
    const item = (set: ExerciseSet, step: string, id: string) => {
      const i = set.exercises.find((e) => e.step === step)!.items.find((x) => x.id === id)!;
      if (i.type !== 'number') throw new Error(`${id} is not a number item`);
      return i.answer;
    };
    expect(item(VIDEO_RECS_EXERCISES, 'clarify', 'peak-qps')).toBeCloseTo(
      (video('feed-requests-per-day') / 86_400) * 3,
      0,
    );
    expect(item(VIDEO_RECS_EXERCISES, 'data', 'impressions-per-day') * 1e9).toBe(
      video('feed-requests-per-day') * video('feed-size'),
    );
    expect(item(AD_CLICK_EXERCISES, 'clarify', 'auction-qps')).toBeCloseTo(
      ads('auctions-per-second'),
      -1,
    );
    const p = 0.1325;
    const w = 0.1;
    expect(item(AD_CLICK_EXERCISES, 'data', 'recalibrated')).toBeCloseTo(
      (100 * p) / (p + (1 - p) / w),
      1,
    );
    const base = ads('base-ctr');
    expect(item(AD_CLICK_EXERCISES, 'data', 'storage')).toBeCloseTo(
      (ads('impressions-per-day') * (base + (1 - base) * 0.1) * 500) / 1e12,
      3,
    );
    expect(VIDEO_RECS_CASE.latencyBudgetMs.endToEnd).toBe(200);
    expect(AD_CLICK_CASE.latencyBudgetMs.endToEnd).toBe(100);
  });
});

describe('diagram tasks against the reference architectures', () => {
  const task = (set: ExerciseSet) => set.exercises.find((e) => e.diagram)!.diagram!;

  it.each(SETS.map(([s, d]) => [s.caseId, s, d] as const))(
    '%s: the reference architecture scores 100%',
    (_id, set, reference) => {
      const g = gradeDiagram(reference, task(set).rubric);
      expect(g.lines.filter((l) => !l.ok)).toEqual([]);
      expect(g.score).toBe(1);
    },
  );

  const video = VIDEO_RECS_REFERENCE.diagram;
  const rubric = task(VIDEO_RECS_EXERCISES).rubric;

  it('a missing node (both feature stores) costs the component and its paths, one line each', () => {
    const gone = new Set(['features-online', 'features-batch']);
    const d: Diagram = {
      ...video,
      nodes: video.nodes.filter((n) => !gone.has(n.id)),
      edges: video.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
    };
    const g = gradeDiagram(d, rubric);
    expect(g.lines.filter((l) => !l.ok).map((l) => l.text)).toEqual([
      'Missing a feature store: Ranking and training must read the same features.',
      'Cannot check “ranking reads the feature store at request time” without a feature store.',
      'Cannot check “the feature store serves training” without a feature store.',
      'Cannot check “events update the feature store” without a feature store.',
    ]);
    expect(g.score).toBeCloseTo(0.4 * (7 / 8) + 0.6 * (5 / 8));
  });

  it('a wrong path (the ranker drawn before retrieval) earns half for that path', () => {
    const d: Diagram = {
      ...video,
      edges: video.edges.map((e) =>
        e.source === 'candidates' && e.target === 'ranking'
          ? { ...e, source: 'ranking', target: 'candidates' }
          : e,
      ),
    };
    const g = gradeDiagram(d, rubric);
    const bad = g.lines.filter((l) => !l.ok);
    expect(bad).toHaveLength(1);
    expect(bad[0]!.text).toMatch(
      /^“retrieval hands candidates to ranking on the request path”: the connection exists but the arrows point the other way/,
    );
    expect(g.score).toBeCloseTo(0.4 + 0.6 * (7.5 / 8));
  });

  it('a path along the wrong kind of edge does not count', () => {
    const d: Diagram = {
      ...video,
      edges: video.edges.map((e) =>
        e.source === 'ranking' && e.target === 'reranker' ? { ...e, kind: 'data' as const } : e,
      ),
    };
    const g = gradeDiagram(d, rubric);
    expect(g.lines.filter((l) => !l.ok).map((l) => l.text)).toEqual([
      'No path: ranking feeds the re-ranker. The cap is applied to the scored list.',
    ]);
  });

  it('an extra forbidden edge is named and costs 0.15', () => {
    const d: Diagram = {
      ...video,
      edges: [
        ...video.edges,
        { id: 'shortcut', source: 'events', target: 'ranking', kind: 'request', label: '' },
      ],
    };
    const g = gradeDiagram(d, rubric);
    expect(g.lines.filter((l) => !l.ok).map((l) => l.text)).toEqual([
      'Shortcut to remove: the ranker reads the raw event log. Scanning logs on the request path blows the latency budget; precompute features into the store.',
    ]);
    expect(g.score).toBeCloseTo(0.85);
  });
});

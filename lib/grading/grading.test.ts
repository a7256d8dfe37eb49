import { describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram, type DiagramEdge, type DiagramNode } from '../diagram/schema';
import type { NodeKind } from '../diagram/kinds';
import { gradeDiagram, type DiagramRubric } from './diagram';
import { gradeItem, referenceAnswer } from './items';
import type { ExerciseItem } from './types';

const items: ExerciseItem[] = [
  {
    type: 'choice',
    id: 'objective',
    prompt: 'What should the ranker predict?',
    options: [
      { id: 'a', text: 'Clicks only', correct: false, why: 'Clickbait wins.' },
      { id: 'b', text: 'Clicks and watch time', correct: true, why: 'Matches the objective.' },
    ],
  },
  {
    type: 'choice',
    id: 'leaks',
    prompt: 'Which features leak?',
    multiple: true,
    options: [
      { id: 'a', text: 'Watch time of this impression', correct: true, why: 'It is the label.' },
      {
        id: 'b',
        text: "User's watch history before the impression",
        correct: false,
        why: 'Known at request time.',
      },
      {
        id: 'c',
        text: 'Total views including the future',
        correct: true,
        why: 'Counts future events.',
      },
      { id: 'd', text: 'Video duration', correct: false, why: 'Known at upload.' },
    ],
  },
  {
    type: 'order',
    id: 'stages',
    prompt: 'Order the stages',
    steps: [
      { id: 'r', text: 'Retrieve' },
      { id: 'k', text: 'Rank' },
      { id: 'x', text: 'Re-rank' },
    ],
    explanation: 'Cheap to expensive.',
  },
  {
    type: 'match',
    id: 'metrics',
    prompt: 'Match',
    pairs: [
      { left: 'Retrieval', right: 'Recall@K', why: 'Coverage.' },
      { left: 'Ranking', right: 'NDCG', why: 'Order.' },
    ],
  },
  {
    type: 'number',
    id: 'qps',
    prompt: 'Peak QPS',
    unit: 'requests/s',
    answer: 58_000,
    tolerance: 0.25,
    partial: 1,
    working: '500M × 5 / 86,400 × 2.',
  },
  {
    type: 'rubric',
    id: 'serving',
    prompt: 'Explain serving',
    points: [
      { id: 'a', text: 'Two stages' },
      { id: 'b', text: 'Latency budget' },
    ],
    modelAnswer: '…',
  },
];

describe('exercise items', () => {
  it('the reference answer scores 100% on every item type', () => {
    for (const item of items) expect(gradeItem(item, referenceAnswer(item)).score).toBe(1);
  });

  it('a wrong single choice scores 0 and names the right answer with its reason', () => {
    const g = gradeItem(items[0]!, { type: 'choice', selected: ['a'] });
    expect(g.score).toBe(0);
    expect(g.lines.map((l) => l.text).join(' ')).toMatch(
      /Clicks and watch time.*Matches the objective/,
    );
  });

  it('multiple choice scores each option; choosing everything scores half', () => {
    expect(gradeItem(items[1]!, { type: 'choice', selected: ['a', 'b', 'c', 'd'] }).score).toBe(
      0.5,
    );
    expect(gradeItem(items[1]!, { type: 'choice', selected: ['a'] }).score).toBe(0.75);
  });

  it('ordering earns the share of pairs in the right relative order', () => {
    expect(gradeItem(items[2]!, { type: 'order', order: ['k', 'r', 'x'] }).score).toBeCloseTo(
      2 / 3,
    );
    expect(gradeItem(items[2]!, { type: 'order', order: ['x', 'k', 'r'] }).score).toBe(0);
    expect(gradeItem(items[2]!, { type: 'order', order: ['r', 'k'] }).score).toBe(0);
  });

  it('matching scores per pair and says what each should have been', () => {
    const g = gradeItem(items[3]!, {
      type: 'match',
      pairs: { Retrieval: 'NDCG', Ranking: 'NDCG' },
    });
    expect(g.score).toBe(0.5);
    expect(g.lines[0]!.text).toBe('Retrieval goes with Recall@K, not NDCG: Coverage.');
  });

  it('numeric estimates: full inside the tolerance, half inside the partial band, none beyond', () => {
    expect(gradeItem(items[4]!, { type: 'number', value: 70_000 }).score).toBe(1);
    expect(gradeItem(items[4]!, { type: 'number', value: 110_000 }).score).toBe(0.5);
    expect(gradeItem(items[4]!, { type: 'number', value: 580_000 }).score).toBe(0);
    expect(gradeItem(items[4]!, { type: 'number', value: NaN }).score).toBe(0);
  });

  it('rubrics score the checked share; a mismatched answer type scores 0 without throwing', () => {
    expect(gradeItem(items[5]!, { type: 'rubric', checked: ['b'] }).score).toBe(0.5);
    expect(gradeItem(items[5]!, { type: 'number', value: 1 })).toEqual({
      score: 0,
      lines: [{ ok: false, text: 'This answer does not fit the question.' }],
    });
  });
});

const rubric: DiagramRubric = {
  components: [
    {
      id: 'log',
      label: 'an event log',
      anyOf: ['event-log'],
      why: 'Interactions must be captured.',
    },
    {
      id: 'train',
      label: 'a training pipeline',
      anyOf: ['training-pipeline'],
      why: 'Models must be retrained.',
    },
    {
      id: 'fs',
      label: 'a feature store',
      anyOf: ['feature-store-online', 'feature-store-batch'],
      why: 'Features are shared.',
    },
    {
      id: 'rank',
      label: 'a ranking service',
      anyOf: ['ranking-service'],
      why: 'Someone must rank.',
    },
    { id: 'client', label: 'a client', anyOf: ['client'], why: 'Users.' },
  ],
  paths: [
    {
      id: 'log-train',
      from: 'log',
      to: 'train',
      label: 'the event log reaches training',
      why: 'Labels come from logged events.',
    },
    {
      id: 'fs-train',
      from: 'fs',
      to: 'train',
      label: 'the feature store serves training',
      why: 'Same features offline…',
    },
    {
      id: 'fs-rank',
      from: 'fs',
      to: 'rank',
      label: 'the feature store serves ranking',
      why: '…and online, or training/serving skew.',
    },
  ],
  forbidden: [
    {
      id: 'client-train',
      from: 'client',
      to: 'train',
      label: 'the client writes straight into training',
      why: 'Go through the event log.',
    },
  ],
};

function diagram(nodes: [string, NodeKind][], edges: [string, string][]): Diagram {
  const d = emptyDiagram();
  d.nodes = nodes.map(([id, kind], i): DiagramNode => ({
    id,
    kind,
    label: id,
    notes: '',
    position: { x: i * 200, y: 0 },
    size: { width: 160, height: 60 },
  }));
  d.edges = edges.map(([source, target], i): DiagramEdge => ({
    id: `e${i}`,
    source,
    target,
    kind: 'data',
    label: '',
  }));
  return d;
}

const complete = diagram(
  [
    ['c', 'client'],
    ['l', 'event-log'],
    ['t', 'training-pipeline'],
    ['f', 'feature-store-online'],
    ['r', 'ranking-service'],
  ],
  [
    ['c', 'l'],
    ['l', 't'],
    ['f', 't'],
    ['f', 'r'],
  ],
);

describe('diagram grading', () => {
  it('a diagram with every component and path scores 100% with no missing lines', () => {
    const g = gradeDiagram(complete, rubric);
    expect(g.score).toBe(1);
    expect(g.lines.every((l) => l.ok)).toBe(true);
  });

  it('a missing node costs its component and the paths through it, one line each', () => {
    const noStore = diagram(
      [
        ['c', 'client'],
        ['l', 'event-log'],
        ['t', 'training-pipeline'],
        ['r', 'ranking-service'],
      ],
      [
        ['c', 'l'],
        ['l', 't'],
      ],
    );
    const g = gradeDiagram(noStore, rubric);
    expect(g.score).toBeCloseTo(0.4 * (4 / 5) + 0.6 * (1 / 3));
    expect(g.lines.filter((l) => !l.ok).map((l) => l.text)).toEqual([
      'Missing a feature store: Features are shared.',
      'Cannot check “the feature store serves training” without a feature store.',
      'Cannot check “the feature store serves ranking” without a feature store.',
    ]);
  });

  it('a path drawn backwards earns half and says so; a multi-hop path counts', () => {
    const backwards = diagram(
      [
        ['c', 'client'],
        ['l', 'event-log'],
        ['s', 'stream-processing'],
        ['t', 'training-pipeline'],
        ['f', 'feature-store-online'],
        ['r', 'ranking-service'],
      ],
      [
        ['c', 'l'],
        ['l', 's'],
        ['s', 't'],
        ['f', 't'],
        ['r', 'f'],
      ],
    );
    const g = gradeDiagram(backwards, rubric);
    expect(g.score).toBeCloseTo(0.4 + 0.6 * (2.5 / 3));
    expect(g.lines.some((l) => /arrows point the other way/.test(l.text))).toBe(true);
  });

  it('a forbidden shortcut costs points and is named', () => {
    const shortcut = {
      ...complete,
      edges: [
        ...complete.edges,
        { id: 'bad', source: 'c', target: 't', kind: 'data' as const, label: '' },
      ],
    };
    const g = gradeDiagram(shortcut, rubric);
    expect(g.score).toBeCloseTo(0.85);
    expect(g.lines.at(-1)!.text).toMatch(
      /^Shortcut to remove: the client writes straight into training/,
    );
  });

  it('an empty diagram scores 0', () => {
    expect(gradeDiagram(emptyDiagram(), rubric).score).toBe(0);
  });
});

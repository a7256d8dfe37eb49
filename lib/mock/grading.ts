/**
 * The self-grade at the end of a mock: five dimensions, four levels each with a described
 * anchor, and one documented rule that maps the levels to an overall band.
 */
export const DIMENSION_IDS = [
  'navigation',
  'data',
  'modelling',
  'evaluation-serving',
  'communication',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

export interface Dimension {
  id: DimensionId;
  title: string;
  /** anchors[level - 1] describes what that level looks like. */
  anchors: readonly [string, string, string, string];
}

export const LEVEL_NAMES: Record<Level, string> = {
  1: 'Weak',
  2: 'Mixed',
  3: 'Solid',
  4: 'Excellent',
};

export const DIMENSIONS: readonly Dimension[] = [
  {
    id: 'navigation',
    title: 'Problem navigation',
    anchors: [
      'Jumped into a model without asking what the goal, scale or constraints were; lost track of time.',
      'Asked a few questions but missed ones that change the design; spent most time on one step.',
      'Clarified goal, scale and latency, followed the steps and kept roughly to the time budget.',
      'Found the requirements that change the design, said which assumptions they made, and moved through every step on time.',
    ],
  },
  {
    id: 'data',
    title: 'Data, features and labels',
    anchors: [
      'Did not say where labels come from or which features matter.',
      'Named labels and some features but missed leakage, bias or how negatives are chosen.',
      'Defined labels from logs, the main feature groups and a time-based split.',
      'Also handled point-in-time joins, position bias, sampling and cold start, with reasons.',
    ],
  },
  {
    id: 'modelling',
    title: 'Modelling',
    anchors: [
      'Named a model without connecting it to the objective or the scale.',
      'Chose a reasonable model but could not explain the loss or the trade-offs.',
      'Chose models per stage with their losses, starting from a baseline.',
      'Compared alternatives on quality, cost and latency and tied the choice to the hidden requirements.',
    ],
  },
  {
    id: 'evaluation-serving',
    title: 'Evaluation and serving',
    anchors: [
      'No offline or online metrics and no serving plan.',
      'Gave metrics or a serving path, but not both, or metrics that do not match the goal.',
      'Offline metrics per stage, an A/B test with guardrails, and a serving path within the latency budget.',
      'Also split the latency budget by stage, planned monitoring, retraining and fallbacks.',
    ],
  },
  {
    id: 'communication',
    title: 'Communication',
    anchors: [
      'Hard to follow; no structure, no diagram, no summary.',
      'Mostly clear but long pauses or unexplained jumps.',
      'Structured, said what they were doing and why, used the diagram.',
      'Led the conversation: signposted each step, checked in with the interviewer, summarised trade-offs.',
    ],
  },
];

export const BANDS = ['strong-hire', 'hire', 'lean-hire', 'lean-no-hire', 'no-hire'] as const;
export type Band = (typeof BANDS)[number];

export const BAND_LABELS: Record<Band, string> = {
  'strong-hire': 'Strong hire',
  hire: 'Hire',
  'lean-hire': 'Lean hire',
  'lean-no-hire': 'Lean no hire',
  'no-hire': 'No hire',
};

export type Grades = Partial<Record<DimensionId, Level>>;

/** The rule, in words, for the end screen. Keep in step with bandFor(). */
export const BAND_RULE =
  'Average of the five levels: 3.5 or more with no level below 3 is Strong hire; 3.0 or more with no level below 2 is Hire; 2.5 or more is Lean hire; 2.0 or more is Lean no hire; below 2.0 is No hire. A level of 1 anywhere caps the band at Lean no hire.';

export function averageLevel(grades: Grades): number | null {
  const levels = DIMENSION_IDS.map((d) => grades[d]);
  if (levels.some((l) => l === undefined)) return null;
  return (levels as Level[]).reduce((a, b) => a + b, 0) / levels.length;
}

/** The overall band for a complete self-grade, or null while a dimension is ungraded. */
export function bandFor(grades: Grades): Band | null {
  const avg = averageLevel(grades);
  if (avg === null) return null;
  const min = Math.min(...DIMENSION_IDS.map((d) => grades[d]!));
  let band: Band;
  if (avg >= 3.5 && min >= 3) band = 'strong-hire';
  else if (avg >= 3 && min >= 2) band = 'hire';
  else if (avg >= 2.5) band = 'lean-hire';
  else if (avg >= 2) band = 'lean-no-hire';
  else band = 'no-hire';
  // One weak dimension is a reason to say no in a real debrief, whatever the average.
  if (min === 1 && BANDS.indexOf(band) < BANDS.indexOf('lean-no-hire')) band = 'lean-no-hire';
  return band;
}

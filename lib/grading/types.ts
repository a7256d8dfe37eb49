/**
 * Exercise items and their grades. Every grade is deterministic and explained: a score in
 * [0, 1] per item plus one sentence per point won or lost, so the learner sees why.
 */
export interface Line {
  ok: boolean;
  text: string;
}

export interface Grade {
  /** 0..1 */
  score: number;
  lines: Line[];
}

/** Pick one (or several) options; each option carries the reason it is right or wrong. */
export interface ChoiceItem {
  type: 'choice';
  id: string;
  prompt: string;
  options: { id: string; text: string; correct: boolean; why: string }[];
  /** Several correct options may be chosen; scored per option. */
  multiple?: boolean;
}

/** Put steps in order; partial credit by the share of pairs in the right relative order. */
export interface OrderItem {
  type: 'order';
  id: string;
  prompt: string;
  /** In the correct order. */
  steps: { id: string; text: string }[];
  explanation: string;
}

/** Match each left entry to one right entry. */
export interface MatchItem {
  type: 'match';
  id: string;
  prompt: string;
  pairs: { left: string; right: string; why: string }[];
}

/** A number within a tolerance: full credit inside `tolerance`, half inside `partial`. */
export interface NumberItem {
  type: 'number';
  id: string;
  prompt: string;
  unit: string;
  answer: number;
  /** Relative tolerance for full credit, e.g. 0.25 = within 25%. */
  tolerance: number;
  /** Relative tolerance for half credit (estimates an order of magnitude off get nothing). */
  partial: number;
  working: string;
}

/** Free text, self-graded against a checklist of talking points. */
export interface RubricItem {
  type: 'rubric';
  id: string;
  prompt: string;
  points: { id: string; text: string }[];
  modelAnswer: string;
}

export type ExerciseItem = ChoiceItem | OrderItem | MatchItem | NumberItem | RubricItem;

export type Answer =
  | { type: 'choice'; selected: string[] }
  | { type: 'order'; order: string[] }
  | { type: 'match'; pairs: Record<string, string> }
  | { type: 'number'; value: number }
  | { type: 'rubric'; checked: string[] };

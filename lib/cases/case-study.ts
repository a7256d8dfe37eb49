/**
 * The shape every case study's case.ts fills in (case-studies/<id>/case.ts): the interviewer's
 * prompt, the scale behind it, the latency budget, and the hidden requirements a candidate has to
 * draw out before designing. Pure types.
 */

export interface ScaleFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** How the figure follows from the others, for figures that are derived. */
  derivation?: string;
}

export interface HiddenRequirement {
  id: string;
  title: string;
  /** The question that uncovers it. */
  question: string;
  /** What the interviewer says when asked. */
  answer: string;
  /** What goes wrong in a design that misses it. */
  ifMissed: string;
  /** Where the simulated world makes it real (so the lab can show it). */
  inWorld: string;
}

export interface CaseStudy {
  id: string;
  title: string;
  prompt: string;
  story: string;
  objective: { business: string; ml: string; input: string; output: string };
  scale: ScaleFigure[];
  latencyBudgetMs: { endToEnd: number; model: number };
  metrics: { offline: string[]; online: string[]; guardrails: string[] };
  hiddenRequirements: HiddenRequirement[];
}

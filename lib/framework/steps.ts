/**
 * The seven steps of the ML system design interview and how a 45-minute interview is spent on
 * them. The budget is ours: 40 minutes of design plus 5 for introductions and the candidate's
 * own questions, weighted toward modelling and data where interviewers probe hardest.
 */
export const STEP_IDS = [
  'clarify',
  'frame',
  'data',
  'model',
  'evaluate',
  'serve',
  'monitor',
] as const;

export type StepId = (typeof STEP_IDS)[number];

export interface Step {
  id: StepId;
  number: number;
  title: string;
  short: string;
  minutes: number;
  lesson: string;
}

export const STEPS: readonly Step[] = [
  {
    id: 'clarify',
    number: 1,
    title: 'Clarifying requirements',
    short: 'Clarify',
    minutes: 5,
    lesson: 'clarifying-requirements',
  },
  {
    id: 'frame',
    number: 2,
    title: 'Framing the problem as an ML task',
    short: 'Frame',
    minutes: 5,
    lesson: 'framing-the-ml-task',
  },
  {
    id: 'data',
    number: 3,
    title: 'Data preparation',
    short: 'Data',
    minutes: 7,
    lesson: 'data-preparation',
  },
  {
    id: 'model',
    number: 4,
    title: 'Model development',
    short: 'Model',
    minutes: 9,
    lesson: 'model-development',
  },
  {
    id: 'evaluate',
    number: 5,
    title: 'Evaluation',
    short: 'Evaluate',
    minutes: 6,
    lesson: 'evaluation',
  },
  {
    id: 'serve',
    number: 6,
    title: 'Deployment and serving',
    short: 'Serve',
    minutes: 5,
    lesson: 'deployment-and-serving',
  },
  {
    id: 'monitor',
    number: 7,
    title: 'Monitoring and infrastructure',
    short: 'Monitor',
    minutes: 3,
    lesson: 'monitoring-and-infrastructure',
  },
];

/** Minutes outside the seven steps: introductions at the start, the candidate's questions at the end. */
export const INTRO_MINUTES = 3;
export const QUESTIONS_MINUTES = 2;
export const WRAP_MINUTES = INTRO_MINUTES + QUESTIONS_MINUTES;
export const INTERVIEW_MINUTES = 45;

export function stepById(id: string): Step | undefined {
  return STEPS.find((s) => s.id === id);
}

/**
 * The one list of components a lesson author may use, and the structure each must have.
 * The compiler checks every lesson against it (validate.ts) and the UI maps each name to a
 * React component (components/mdx/registry.tsx, typed so a missing name is a type error).
 */
export interface ComponentRule {
  /** What the component is for, shown in errors and in content/STYLE.md. */
  purpose: string;
  /** The component may only appear directly inside one of these. */
  parents?: readonly string[];
  /** Required attributes. */
  required?: readonly string[];
  /** Attributes allowed besides the required ones. */
  optional?: readonly string[];
  /** Rules on the component's own children, by child component name. */
  children?: {
    only?: readonly string[];
    exactlyOne?: readonly string[];
    atMostOne?: readonly string[];
  };
  /** Self-closing components take no children. */
  empty?: boolean;
}

export const COMPONENT_RULES = {
  Note: { purpose: 'A side remark worth knowing.' },
  Pitfall: { purpose: 'A common mistake candidates make, and what to do instead.' },
  TalkingPoints: { purpose: 'Bullet points a strong candidate says out loud at this step.' },
  MinuteBudget: {
    purpose: 'How many minutes of a 45-minute interview this step gets.',
    required: ['step'],
    empty: true,
  },
  Dialogue: {
    purpose: 'A short candidate/interviewer exchange.',
    children: { only: ['Interviewer', 'Candidate'] },
  },
  Interviewer: { purpose: 'A line said by the interviewer.', parents: ['Dialogue'] },
  Candidate: { purpose: 'A line said by the candidate.', parents: ['Dialogue'] },
  DeepDive: { purpose: 'Optional detail, collapsed by default.', required: ['title'] },
  SelfCheck: {
    purpose: 'A question the learner answers before revealing ours.',
    required: ['id'],
    children: { exactlyOne: ['Answer'], atMostOne: ['Hint'] },
  },
  Choice: {
    purpose: 'One option of a multiple-choice self-check; mark the right one `correct`.',
    parents: ['SelfCheck'],
    optional: ['correct'],
  },
  Hint: { purpose: 'A nudge shown on request.', parents: ['SelfCheck'] },
  Answer: { purpose: 'The model answer, revealed on request.', parents: ['SelfCheck'] },
  LiveWidget: {
    purpose: 'A live, interactive widget, loaded lazily behind a placeholder of the same height.',
    required: ['name', 'height'],
    optional: ['caption'],
    empty: true,
  },
} as const satisfies Record<string, ComponentRule>;

export type ComponentName = keyof typeof COMPONENT_RULES;

/** Widgets a lesson may place with <LiveWidget name="…">. */
export const WIDGET_NAMES = [
  'threshold-explorer',
  'interview-clock',
  'video-recs-metrics',
  'video-recs-waterfall',
  'video-recs-click-log',
  'ad-calibration',
  'ad-auction',
  'ad-staleness',
] as const;
export type WidgetName = (typeof WIDGET_NAMES)[number];

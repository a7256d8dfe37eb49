import type { ComponentType } from 'react';
import type { ComponentName } from '@/lib/content/components';
import { DeepDive, Note, Pitfall, TalkingPoints } from './Callouts';
import { Candidate, Dialogue, Interviewer } from './Dialogue';
import { LiveWidget } from './LiveWidget';
import { MinuteBudget } from './MinuteBudget';
import { Answer, Choice, Hint, SelfCheck } from './SelfCheck';

/**
 * The React side of lib/content/components.ts: every name an author may use, and nothing else.
 * `satisfies` makes a component listed there but missing here a type error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- MDX passes each component its own props
type AnyComponent = ComponentType<any>;

export function mdxComponents(lesson: string) {
  return {
    Note,
    Pitfall,
    TalkingPoints,
    MinuteBudget,
    Dialogue,
    Interviewer,
    Candidate,
    DeepDive,
    SelfCheck: (props: Omit<Parameters<typeof SelfCheck>[0], 'lesson'>) => (
      <SelfCheck {...props} lesson={lesson} />
    ),
    Choice,
    Hint,
    Answer,
    LiveWidget,
  } satisfies Record<ComponentName, AnyComponent>;
}

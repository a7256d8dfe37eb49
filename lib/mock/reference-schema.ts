import { z } from 'zod';
import { STEP_IDS, type StepId } from '../framework/steps';

/**
 * The shapes of a case study's reference solution (reference/solution.ts) and scripted
 * interviewer (reference/interviewer.ts). Every case uses the same shapes, so the mock interview
 * serves all four; the zod schemas are checked against each case's data in tests.
 */

/** The topics a learner picks clarifying questions from. */
export const QUESTION_TOPICS = [
  'scale',
  'latency',
  'data',
  'labels',
  'personalization',
  'constraints',
] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

export const TOPIC_LABELS: Record<QuestionTopic, string> = {
  scale: 'Scale',
  latency: 'Latency',
  data: 'Data',
  labels: 'Labels',
  personalization: 'Personalization',
  constraints: 'Constraints',
};

export interface SolutionDecision {
  id: string;
  /** What a strong candidate decides, in one sentence. */
  decision: string;
  /** Why, in a sentence or two. */
  why: string;
}

export interface SolutionStep {
  step: StepId;
  /** The step in one or two sentences. */
  summary: string;
  decisions: SolutionDecision[];
  /** What a strong candidate says out loud at this step. */
  talkingPoints: string[];
}

export interface ReferenceSolution {
  caseId: string;
  steps: SolutionStep[];
}

/** How an answer changes what a good design is. */
export interface DesignChange {
  /** The reference decisions this answer makes necessary. */
  decisions: string[];
  /** What a design that never heard this answer would do. */
  without: string;
  /** What the design does once the answer is known. */
  with: string;
}

export interface InterviewerQuestion {
  id: string;
  topic: QuestionTopic;
  question: string;
  answer: string;
  /** The hidden requirement in case.ts this question uncovers, if any. */
  requirement?: string;
  changes?: DesignChange;
}

export interface ScriptedInterviewer {
  caseId: string;
  /** What the interviewer says to open the interview. */
  opening: string;
  questions: InterviewerQuestion[];
}

const id = z.string().regex(/^[a-z0-9-]{1,60}$/);
const text = z.string().min(8).max(600);

export const solutionSchema = z
  .object({
    caseId: id,
    steps: z
      .array(
        z
          .object({
            step: z.enum(STEP_IDS),
            summary: text,
            decisions: z
              .array(z.object({ id, decision: text, why: text }).strict())
              .min(2)
              .max(8),
            talkingPoints: z.array(text).min(2).max(8),
          })
          .strict(),
      )
      .length(STEP_IDS.length),
  })
  .strict()
  .refine((s) => s.steps.every((step, i) => step.step === STEP_IDS[i]), {
    message: 'steps must be the seven framework steps, in order',
  })
  .refine((s) => unique(s.steps.flatMap((st) => st.decisions.map((d) => d.id))), {
    message: 'decision ids must be unique',
  });

export const interviewerSchema = z
  .object({
    caseId: id,
    opening: text,
    questions: z
      .array(
        z
          .object({
            id,
            topic: z.enum(QUESTION_TOPICS),
            question: z.string().min(8).max(200),
            answer: text,
            requirement: id.optional(),
            changes: z
              .object({ decisions: z.array(id).min(1), without: text, with: text })
              .strict()
              .optional(),
          })
          .strict(),
      )
      .min(QUESTION_TOPICS.length),
  })
  .strict()
  .refine((s) => unique(s.questions.map((q) => q.id)), { message: 'question ids must be unique' })
  .refine((s) => QUESTION_TOPICS.every((t) => s.questions.some((q) => q.topic === t)), {
    message: 'every topic needs at least one question',
  });

function unique(ids: string[]): boolean {
  return new Set(ids).size === ids.length;
}

/**
 * A question that uncovers one of the case's hidden requirements (case.ts), with the case's own
 * question and answer, so the interviewer and the case story cannot drift apart.
 */
export function fromRequirement(
  requirements: readonly { id: string; question: string; answer: string }[],
  requirement: string,
  topic: QuestionTopic,
  changes?: DesignChange,
): InterviewerQuestion {
  const r = requirements.find((x) => x.id === requirement);
  if (!r) throw new Error(`MLSD-MOCK-001: no hidden requirement "${requirement}" in the case.`);
  return { id: r.id, topic, question: r.question, answer: r.answer, requirement, changes };
}

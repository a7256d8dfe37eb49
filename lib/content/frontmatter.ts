import { z } from 'zod';
import { STEP_IDS } from '../framework/steps';

/** The front matter every lesson must have; anything else in it is an error. */
export const lessonFrontMatter = z
  .object({
    title: z.string().min(3).max(80),
    description: z.string().min(20).max(200),
    step: z.enum(STEP_IDS).optional(),
  })
  .strict();

export type LessonFrontMatter = z.infer<typeof lessonFrontMatter>;

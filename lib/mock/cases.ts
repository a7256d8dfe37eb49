import { AD_CLICK_CASE } from '@/case-studies/ad-click/case';
import { AD_CLICK_INTERVIEWER } from '@/case-studies/ad-click/reference/interviewer';
import { AD_CLICK_SOLUTION } from '@/case-studies/ad-click/reference/solution';
import { VIDEO_RECS_CASE } from '@/case-studies/video-recs/case';
import { VIDEO_RECS_INTERVIEWER } from '@/case-studies/video-recs/reference/interviewer';
import { VIDEO_RECS_SOLUTION } from '@/case-studies/video-recs/reference/solution';
import type { Rng } from '../random';
import type { ReferenceSolution, ScriptedInterviewer } from './reference-schema';

/** A case the mock interview can run: its story, reference solution and scripted interviewer. */
export interface MockCase {
  id: string;
  title: string;
  prompt: string;
  story: string;
  solution: ReferenceSolution;
  interviewer: ScriptedInterviewer;
}

/** The built cases; harmful-content and event-recs join when their reference files exist. */
export const MOCK_CASES: readonly MockCase[] = [
  {
    id: VIDEO_RECS_CASE.id,
    title: VIDEO_RECS_CASE.title,
    prompt: VIDEO_RECS_CASE.prompt,
    story: VIDEO_RECS_CASE.story,
    solution: VIDEO_RECS_SOLUTION,
    interviewer: VIDEO_RECS_INTERVIEWER,
  },
  {
    id: AD_CLICK_CASE.id,
    title: AD_CLICK_CASE.title,
    prompt: AD_CLICK_CASE.prompt,
    story: AD_CLICK_CASE.story,
    solution: AD_CLICK_SOLUTION,
    interviewer: AD_CLICK_INTERVIEWER,
  },
];

export function mockCase(id: string): MockCase | undefined {
  return MOCK_CASES.find((c) => c.id === id);
}

/** Draws a case at random from the given (seeded) generator. */
export function drawCase(rng: Rng): MockCase {
  return MOCK_CASES[rng.int(MOCK_CASES.length)]!;
}

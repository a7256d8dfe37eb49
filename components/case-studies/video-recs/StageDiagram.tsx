'use client';

import { DIAGRAM_STAGE_NODES, type FeedResult } from '@/case-studies/video-recs/pipeline';
import { VIDEO_RECS_REFERENCE } from '@/case-studies/video-recs/reference/diagram';
import { StageDiagram as SharedStageDiagram } from '@/components/case-studies/shared/StageDiagram';

const STAGES_OF: Record<string, string[]> = Object.fromEntries(
  Object.entries(DIAGRAM_STAGE_NODES).map(([node, stage]) => [node, [stage]]),
);

/** The video reference architecture, live (components/case-studies/shared/StageDiagram). */
export function StageDiagram({ feed }: { feed: FeedResult | null }) {
  return (
    <SharedStageDiagram
      diagram={VIDEO_RECS_REFERENCE.diagram}
      stagesOf={STAGES_OF}
      details={feed?.details ?? null}
      hint="Click a node on the request path (user tower, candidate generation, ANN index, online features, ranking, re-ranker) to see that stage of the current request."
    />
  );
}

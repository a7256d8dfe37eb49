'use client';

import { useEffect, useRef, useState } from 'react';
import {
  DIAGRAM_STAGE_NODES,
  type FeedResult,
  type StageName,
} from '@/case-studies/video-recs/pipeline';
import { VIDEO_RECS_REFERENCE } from '@/case-studies/video-recs/reference/diagram';
import { DiagramViewer } from '@/components/diagram/DiagramViewer';
import styles from './video.module.css';

const labelOf = (id: string) =>
  VIDEO_RECS_REFERENCE.diagram.nodes.find((n) => n.id === id)?.label ?? id;

/**
 * The reference architecture, live: clicking (or pressing Enter on) a node that is a stage of
 * the pipeline shows that stage's inputs, outputs and latency for the current request.
 */
export function StageDiagram({ feed }: { feed: FeedResult | null }) {
  const [node, setNode] = useState<string | null>(null);
  const stage: StageName | undefined = node ? DIAGRAM_STAGE_NODES[node] : undefined;
  const detail = stage && feed ? feed.details[stage] : undefined;
  const box = useRef<HTMLDivElement>(null);
  // React Flow selects a focused node on Enter or Space without a click event: listen for the
  // key on the canvas and read the focused node's id.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const id = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset.id;
      if (id) setNode(id);
    };
    el.addEventListener('keydown', onKeyDown);
    return () => el.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <div className={styles.side}>
      <div ref={box}>
        <DiagramViewer
          diagram={VIDEO_RECS_REFERENCE.diagram}
          details={false}
          minimap={false}
          onNodeClick={setNode}
          className={styles.diagram}
        />
      </div>
      <div className={styles.stage} aria-live="polite" data-testid="stage-detail">
        {!node && (
          <p className={styles.muted}>
            Click a node on the request path (user tower, candidate generation, ANN index, online
            features, ranking, re-ranker) to see that stage of the current request.
          </p>
        )}
        {node && !stage && (
          <p>
            <strong>{labelOf(node)}</strong> is not a stage of the live request (it runs offline or
            outside this demo). Pick a node on the request path.
          </p>
        )}
        {node && stage && !detail && <p>Waiting for a feed…</p>}
        {node && stage && detail && (
          <>
            <strong>
              {labelOf(node)} → stage “{stage}”
            </strong>
            <dl>
              <dt>Inputs</dt>
              <dd>{detail.inputs}</dd>
              <dt>Outputs</dt>
              <dd>{detail.outputs}</dd>
              <dt>Latency</dt>
              <dd data-testid="stage-latency">{detail.ms.toFixed(2)} ms</dd>
            </dl>
          </>
        )}
      </div>
    </div>
  );
}

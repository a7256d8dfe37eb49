'use client';

import { useEffect, useRef, useState } from 'react';
import type { Diagram } from '@/lib/diagram';
import { DiagramViewer } from '@/components/diagram/DiagramViewer';
import styles from './stage-diagram.module.css';

/** What one pipeline stage took in, gave out and cost, for the current request. */
export interface StageDetail {
  inputs: string;
  outputs: string;
  ms: number;
}

export interface StageDiagramProps {
  diagram: Diagram;
  /** Diagram node id → the pipeline stages it stands for (in request order). */
  stagesOf: Readonly<Record<string, readonly string[]>>;
  /** The current request's stages, or null before the first request. */
  details: Readonly<Record<string, StageDetail>> | null;
  /** What to click, shown before a node is chosen. */
  hint: string;
}

/**
 * A reference architecture, live: clicking (or pressing Enter on) a node that is a stage of the
 * pipeline shows that stage's inputs, outputs and latency for the current request. Shared by
 * the case studies' live pages.
 */
export function StageDiagram({ diagram, stagesOf, details, hint }: StageDiagramProps) {
  const [node, setNode] = useState<string | null>(null);
  const stages = node ? (stagesOf[node] ?? []) : [];
  const label = diagram.nodes.find((n) => n.id === node)?.label ?? node;
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
          diagram={diagram}
          details={false}
          minimap={false}
          onNodeClick={setNode}
          className={styles.diagram}
        />
      </div>
      <div className={styles.stage} aria-live="polite" data-testid="stage-detail">
        {!node && <p className={styles.muted}>{hint}</p>}
        {node && stages.length === 0 && (
          <p>
            <strong>{label}</strong> is not a stage of the live request (it runs offline or outside
            this demo). Pick a node on the request path.
          </p>
        )}
        {node && stages.length > 0 && !details && <p>Waiting for a request…</p>}
        {node &&
          details &&
          stages.map((stage) => {
            const d = details[stage];
            if (!d) return null;
            return (
              <div key={stage}>
                <strong>
                  {label} → stage “{stage}”
                </strong>
                <dl>
                  <dt>Inputs</dt>
                  <dd>{d.inputs}</dd>
                  <dt>Outputs</dt>
                  <dd>{d.outputs}</dd>
                  <dt>Latency</dt>
                  <dd data-testid="stage-latency">{d.ms.toFixed(2)} ms</dd>
                </dl>
              </div>
            );
          })}
      </div>
    </div>
  );
}

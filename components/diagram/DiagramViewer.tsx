'use client';

import { ReactFlowProvider } from '@xyflow/react';
import type { Diagram } from '@/lib/diagram';
import { Canvas } from './Canvas';
import { Inspector } from './Inspector';
import { LiveRegion } from './LiveRegion';
import { EditorProvider } from './store/EditorProvider';
import styles from './editor.module.css';

export interface DiagramViewerProps {
  diagram: Diagram;
  /** Show the details panel (label and notes of the selected node). */
  details?: boolean;
  minimap?: boolean;
  /** A click on a node, e.g. to jump to the part of a case study it belongs to. */
  onNodeClick?: (id: string) => void;
  /** Extra class for the outer box (its height, for instance). */
  className?: string;
  /** The canvas fills the box at every width (an embed), instead of a phone-sized height. */
  fill?: boolean;
}

/**
 * A diagram you can look at but not change: pan, zoom, select to read notes. Used for reference
 * architectures, share links and embeds; it has its own store, so a page may show several.
 */
export function DiagramViewer({
  fill = false,
  diagram,
  details = true,
  minimap = true,
  onNodeClick,
  className,
}: DiagramViewerProps) {
  return (
    <ReactFlowProvider>
      <EditorProvider diagram={diagram} readOnly>
        <div
          className={`${styles.viewer} ${details ? '' : styles.plain} ${fill ? styles.fill : ''} ${className ?? ''}`}
          data-testid="diagram-viewer"
        >
          <Canvas fit onNodeClick={onNodeClick} minimap={minimap} />
          {details && <Inspector />}
        </div>
        <LiveRegion />
      </EditorProvider>
    </ReactFlowProvider>
  );
}

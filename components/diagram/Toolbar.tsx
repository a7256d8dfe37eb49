'use client';

import { useReactFlow } from '@xyflow/react';
import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { MAX_TITLE_LENGTH } from '@/lib/diagram';
import { downloadJson, downloadPng, downloadSvg } from './export-files';
import type { DiagramFlowEdge, DiagramFlowNode } from './flow';
import { ShareButtons, ShareStatus, type ShareResult } from './ShareButtons';
import { useEditor, useEditorApi } from './store/EditorProvider';
import styles from './editor.module.css';

const MOD = 'Ctrl/⌘+';

export interface ToolbarProps {
  rootRef: RefObject<HTMLElement | null>;
  snap: boolean;
  onSnapChange: (snap: boolean) => void;
  /** Import a picked file (the page decides where it goes: never over this diagram). */
  onImportFile?: (file: File) => void;
  /** Shown at the start of the bar (e.g. a link back to the list). */
  start?: ReactNode;
  /** Shown after the title (e.g. the save status). */
  status?: ReactNode;
}

export function Toolbar({
  rootRef,
  snap,
  onSnapChange,
  onImportFile,
  start,
  status,
}: ToolbarProps) {
  const store = useEditorApi();
  const title = useEditor((s) => s.title);
  const setTitle = useEditor((s) => s.setTitle);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const flow = useReactFlow<DiagramFlowNode, DiagramFlowEdge>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [exportError, setExportError] = useState('');
  const [shared, setShared] = useState<ShareResult | null>(null);
  const uid = useId();

  const exportImage = async (format: 'png' | 'svg') => {
    setExportError('');
    const root = rootRef.current;
    if (!root) return;
    try {
      const diagram = store.getState().toDiagram();
      if (format === 'png') await downloadPng(root, flow, diagram);
      else await downloadSvg(root, flow, diagram);
    } catch (error) {
      setExportError(
        `The picture could not be made (${(error as Error).message}). The JSON export still works.`,
      );
    }
  };

  return (
    <div className={styles.toolbar} data-testid="toolbar">
      <div className={styles.toolbarRow}>
        {start}
        <label className="visually-hidden" htmlFor={`${uid}-title`}>
          Diagram title
        </label>
        <input
          id={`${uid}-title`}
          className={styles.titleInput}
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="diagram-title"
        />
        {status}
      </div>
      <div className={styles.toolbarRow} role="toolbar" aria-label="Diagram actions">
        <button
          type="button"
          className="button"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          title={`Undo (${MOD}Z)`}
          data-testid="undo"
        >
          Undo
        </button>
        <button
          type="button"
          className="button"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          title={`Redo (${MOD}Shift+Z or ${MOD}Y)`}
          data-testid="redo"
        >
          Redo
        </button>
        <button
          type="button"
          className="button"
          onClick={() => store.getState().layout()}
          data-testid="auto-layout"
          title="Arrange everything from left to right"
        >
          Arrange
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void flow.fitView({ padding: 0.1, duration: 200 })}
          data-testid="fit-view"
        >
          Zoom to fit
        </button>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={snap}
            onChange={(e) => onSnapChange(e.target.checked)}
            data-testid="snap-toggle"
          />
          Snap to grid
        </label>
        <span className={styles.separator} aria-hidden="true" />
        <span className={styles.groupLabel}>Export</span>
        <button
          type="button"
          className="button"
          onClick={() => void exportImage('png')}
          data-testid="export-png"
        >
          PNG
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void exportImage('svg')}
          data-testid="export-svg"
        >
          SVG
        </button>
        <button
          type="button"
          className="button"
          onClick={() => downloadJson(store.getState().toDiagram())}
          data-testid="export-json"
        >
          JSON
        </button>
        {onImportFile && (
          <>
            <button
              type="button"
              className="button"
              onClick={() => fileInput.current?.click()}
              data-testid="import-button"
            >
              Import…
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,.svg,application/json,image/svg+xml"
              hidden
              data-testid="import-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) onImportFile(file);
              }}
            />
          </>
        )}
        <ShareButtons onResult={setShared} />
      </div>
      <ShareStatus result={shared} />
      {exportError && (
        <p className={styles.error} role="alert">
          {exportError}
        </p>
      )}
    </div>
  );
}

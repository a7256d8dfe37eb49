'use client';

import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { DEFAULT_VIEWPORT, type Diagram } from '@/lib/diagram';
import { Canvas } from './Canvas';
import { Inspector } from './Inspector';
import { LiveRegion } from './LiveRegion';
import { Palette } from './Palette';
import { EditorProvider, useEditorApi } from './store/EditorProvider';
import type { EditorStore } from './store/editor-store';
import { Toolbar } from './Toolbar';
import styles from './editor.module.css';

export interface DiagramEditorProps {
  diagram: Diagram;
  /** Files picked or dropped on the editor; the page opens them as new diagrams. */
  onImportFile?: (file: File) => void;
  toolbarStart?: ReactNode;
  toolbarStatus?: ReactNode;
  /** Shown above the toolbar, inside the store provider (save problems). */
  banner?: ReactNode;
  /** Overrides when the canvas renders only what is on screen (see Canvas). */
  visibleOnly?: boolean;
  /** Rendered inside the editor's store provider (autosave lives here). */
  children?: ReactNode;
}

/** The editable diagram: toolbar, palette, canvas and details panel around one editor store. */
export function DiagramEditor({ diagram, children, ...layout }: DiagramEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorProvider diagram={diagram}>
        <EditorLayout {...layout} />
        {children}
      </EditorProvider>
    </ReactFlowProvider>
  );
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Editing shortcuts, active while focus is inside the editor (or on nothing after a click on the canvas). */
function handleShortcut(event: KeyboardEvent, store: EditorStore): boolean {
  const s = store.getState();
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 'z' && !event.shiftKey) s.undo();
  else if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) s.redo();
  else if (mod && key === 'c') return s.copy();
  else if (mod && key === 'v') s.paste();
  else if (mod && key === 'd') s.duplicate();
  else if (mod && key === 'a') s.selectAll();
  else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) s.deleteSelection();
  else if (event.key === 'Escape') s.selectOnly([]);
  else return false;
  return true;
}

function EditorLayout({
  onImportFile,
  toolbarStart,
  toolbarStatus,
  banner,
  visibleOnly,
}: Omit<DiagramEditorProps, 'diagram' | 'children'>) {
  const store = useEditorApi();
  const rootRef = useRef<HTMLDivElement>(null);
  const labelRef = useRef<HTMLTextAreaElement>(null);
  const [snap, setSnap] = useState(true);
  const [fit] = useState(() => {
    const { nodes, viewport } = store.getState();
    const unviewed =
      viewport.x === DEFAULT_VIEWPORT.x &&
      viewport.y === DEFAULT_VIEWPORT.y &&
      viewport.zoom === DEFAULT_VIEWPORT.zoom;
    return unviewed && nodes.length > 0;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const root = rootRef.current;
      const target = event.target;
      const inside =
        target === document.body || (target instanceof Node && !!root?.contains(target));
      if (!inside || isTextField(target) || event.altKey) return;
      if (handleShortcut(event, store)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);

  const onNodeOpen = useCallback(() => {
    labelRef.current?.focus();
    labelRef.current?.select();
  }, []);

  const onDragOver = (event: DragEvent) => {
    if (onImportFile && event.dataTransfer.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };
  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files?.[0];
    if (!onImportFile || !file) return;
    event.preventDefault();
    onImportFile(file);
  };

  return (
    <div
      ref={rootRef}
      className={styles.editor}
      data-testid="diagram-editor"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      {banner}
      <Toolbar
        rootRef={rootRef}
        snap={snap}
        onSnapChange={setSnap}
        onImportFile={onImportFile}
        start={toolbarStart}
        status={toolbarStatus}
      />
      <div className={styles.workspace}>
        <Palette rootRef={rootRef} />
        <Canvas fit={fit} snapToGrid={snap} onNodeOpen={onNodeOpen} visibleOnly={visibleOnly} />
        <Inspector labelRef={labelRef} />
      </div>
      <LiveRegion />
    </div>
  );
}

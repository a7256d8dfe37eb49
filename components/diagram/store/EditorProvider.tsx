'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Diagram } from '@/lib/diagram';
import {
  createEditorStore,
  type EditorActions,
  type EditorState,
  type EditorStore,
} from './editor-store';

const EditorContext = createContext<EditorStore | null>(null);

/**
 * Gives its subtree one editor store of its own (a page can show several diagrams at once). The
 * store is created once from `diagram`: remount with a new `key` to open another one.
 */
export function EditorProvider({
  diagram,
  readOnly = false,
  children,
}: {
  diagram: Diagram;
  readOnly?: boolean;
  children: ReactNode;
}) {
  const [store] = useState(() => createEditorStore(diagram, { readOnly }));
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

/** The store itself, for event handlers that read state on demand without re-rendering. */
export function useEditorApi(): EditorStore {
  const store = useContext(EditorContext);
  if (!store)
    throw new Error('MLSD-DIAGRAM-001: diagram editor hooks must be used inside <EditorProvider>.');
  return store;
}

/** A narrow slice of the editor state; the component re-renders only when the slice changes. */
export function useEditor<T>(selector: (state: EditorState & EditorActions) => T): T {
  return useStore(useEditorApi(), selector);
}

'use client';

import { useEffect, useState } from 'react';
import { emptyDiagram } from '@/lib/diagram';
import { mockCase } from '@/lib/mock/cases';
import { setDiagram } from '@/lib/mock/session';
import { DiagramEditor } from '../diagram/DiagramEditor';
import { useEditorApi } from '../diagram/store/EditorProvider';
import { getMockStore, useMock } from './mock-store';
import styles from './mock.module.css';

const SAVE_DELAY_MS = 400;

/** The diagram canvas of the mock, saved into the mock session as it changes. */
export function MockDiagram() {
  const id = useMock((s) => s.session!.id);
  const [initial] = useState(() => {
    const s = getMockStore().getState().session!;
    return s.diagram ?? emptyDiagram(`mock-${s.id}`, `Mock: ${mockCase(s.caseId)?.title ?? ''}`);
  });
  return (
    <section className={styles.diagramBox} aria-label="Architecture diagram" key={id}>
      <DiagramEditor diagram={initial}>
        <SyncDiagram />
      </DiagramEditor>
    </section>
  );
}

function SyncDiagram() {
  const editor = useEditorApi();
  useEffect(() => {
    let timer: number | undefined;
    const flush = () => {
      window.clearTimeout(timer);
      timer = undefined;
      const d = editor.getState().toDiagram();
      getMockStore()
        .getState()
        .update((s) => setDiagram(s, d));
    };
    const unsubscribe = editor.subscribe((s, prev) => {
      if (s.revision === prev.revision && s.viewRevision === prev.viewRevision) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(flush, SAVE_DELAY_MS);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      if (timer !== undefined) flush();
    };
  }, [editor]);
  return null;
}

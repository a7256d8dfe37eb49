'use client';

import { useEffect, useState, type RefObject } from 'react';
import { emptyDiagram, type Diagram } from '@/lib/diagram';
import type { DiagramTask as Task } from '@/lib/grading/exercise';
import type { Grade } from '@/lib/grading/types';
import { DiagramEditor } from '@/components/diagram/DiagramEditor';
import { DiagramViewer } from '@/components/diagram/DiagramViewer';
import { useEditorApi } from '@/components/diagram/store/EditorProvider';
import { GradeLines, pct } from './GradeLines';
import styles from './practice.module.css';
import { diagramSolutionLines } from './solution';

/**
 * The architecture task: the diagram editor, saved with the exercise as the learner draws; after
 * checking, one line per missing or wrong component, path or shortcut; on reveal, the rubric and
 * the reference architecture side by side.
 */
export function DiagramTask({
  task,
  diagram,
  reference,
  grade,
  revealed,
  onChange,
  flushRef,
}: {
  task: Task;
  diagram: Diagram | undefined;
  reference: Diagram | undefined;
  grade: Grade | undefined;
  revealed: boolean;
  onChange: (d: Diagram) => void;
  /** Set to a function that hands over the latest drawing at once (before grading). */
  flushRef: RefObject<(() => void) | null>;
}) {
  const [initial] = useState(() => diagram ?? emptyDiagram(`practice-${task.id}`, 'My design'));
  return (
    <section
      className={`${styles.item} ${styles.wideItem}`}
      aria-labelledby="diagram-task"
      data-testid={`item-${task.id}`}
      data-score={grade ? grade.score : undefined}
    >
      <h3 id="diagram-task" className={styles.prompt}>
        Draw it: {task.prompt}
      </h3>
      <p className={styles.note}>{task.hint}</p>
      <div className={styles.editorBox}>
        <DiagramEditor diagram={initial}>
          <SyncDiagram onChange={onChange} flushRef={flushRef} />
        </DiagramEditor>
      </div>
      {grade && (
        <div className={styles.graded} data-testid="item-grade">
          <p className={styles.itemScore}>
            Diagram score: <strong>{pct(grade.score)}</strong> (components 40%, paths 60%, minus 15%
            per forbidden shortcut)
          </p>
          <GradeLines lines={grade.lines} testId="diagram-lines" />
        </div>
      )}
      {revealed && (
        <div className={styles.solution} data-testid="item-solution">
          <p className={styles.itemScore}>What the reference has, and why</p>
          <GradeLines lines={diagramSolutionLines(task)} />
          {reference && (
            <div className={styles.referenceBox}>
              <DiagramViewer diagram={reference} details={false} minimap={false} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** Hands the drawing to the exercise after every edit, a moment after the learner stops. */
function SyncDiagram({
  onChange,
  flushRef,
}: {
  onChange: (d: Diagram) => void;
  flushRef: RefObject<(() => void) | null>;
}) {
  const store = useEditorApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      onChange(store.getState().toDiagram());
    };
    flushRef.current = flush;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.revision === prev.revision) return;
      clearTimeout(timer);
      timer = setTimeout(flush, 300);
    });
    return () => {
      unsubscribe();
      flushRef.current = null;
      if (timer !== undefined) flush();
    };
  }, [store, onChange, flushRef]);
  return null;
}

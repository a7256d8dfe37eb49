'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useId, type DragEvent, type RefObject } from 'react';
import {
  NODE_CATEGORIES,
  NODE_KINDS,
  NODE_KIND_INFO,
  type NodeCategory,
  type NodeKind,
} from '@/lib/diagram';
import { PALETTE_MIME } from './Canvas';
import { KindIcon } from './icons';
import { useEditorApi } from './store/EditorProvider';
import styles from './editor.module.css';

const CATEGORY_NAMES = {
  client: 'Clients',
  serving: 'Serving',
  data: 'Data',
  training: 'Training',
  ops: 'Operations',
  area: 'Areas',
  annotation: 'Notes',
} satisfies Record<NodeCategory, string>;

const GROUPS = NODE_CATEGORIES.map((category) => ({
  category,
  kinds: NODE_KINDS.filter((k) => NODE_KIND_INFO[k].category === category),
}));

/** Moves keyboard focus to a node on the canvas (once React Flow has drawn it). */
export function focusNode(root: HTMLElement | null, id: string) {
  requestAnimationFrame(() => {
    const el = root?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    el?.focus();
  });
}

/**
 * Every building block, grouped by category. Click or Enter adds one in the middle of the view
 * (and moves focus to it, so the arrow keys place it); dragging one onto the canvas drops it there.
 */
export function Palette({ rootRef }: { rootRef: RefObject<HTMLElement | null> }) {
  const store = useEditorApi();
  const { screenToFlowPosition } = useReactFlow();
  const uid = useId();

  const add = useCallback(
    (kind: NodeKind) => {
      const canvas = rootRef.current?.querySelector('.react-flow')?.getBoundingClientRect();
      const center = canvas
        ? screenToFlowPosition({
            x: canvas.left + canvas.width / 2,
            y: canvas.top + canvas.height / 2,
          })
        : { x: 0, y: 0 };
      const id = store.getState().addNode(kind, center);
      if (id) focusNode(rootRef.current, id);
    },
    [store, screenToFlowPosition, rootRef],
  );

  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <section className={styles.palette} aria-labelledby={`${uid}-title`} data-testid="palette">
      <h2 id={`${uid}-title`} className={styles.panelTitle}>
        Add a component
      </h2>
      <p className={styles.hint}>Click or press Enter to add; or drag onto the canvas.</p>
      {GROUPS.map(({ category, kinds }) => (
        <div key={category} className={styles.paletteGroup}>
          <h3>{CATEGORY_NAMES[category]}</h3>
          <ul>
            {kinds.map((kind) => (
              <li key={kind}>
                <button
                  type="button"
                  className={styles.paletteItem}
                  data-category={NODE_KIND_INFO[kind].category}
                  data-testid={`palette-${kind}`}
                  title={NODE_KIND_INFO[kind].description}
                  aria-describedby={`${uid}-${kind}`}
                  draggable
                  onDragStart={(e) => onDragStart(e, kind)}
                  onClick={() => add(kind)}
                >
                  <KindIcon kind={kind} />
                  <span>{NODE_KIND_INFO[kind].label}</span>
                </button>
                <span id={`${uid}-${kind}`} className="visually-hidden">
                  {NODE_KIND_INFO[kind].description}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

import {
  applyEdgeChanges,
  applyNodeChanges,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  DEFAULT_EDGE_KIND,
  MAX_EDGES,
  MAX_LABEL_LENGTH,
  MAX_NODES,
  MAX_NOTES_LENGTH,
  MAX_TITLE_LENGTH,
  type Diagram,
  type EdgeKind,
  type NodeKind,
  type Point,
  type Viewport,
} from '@/lib/diagram';
import { cleanText, truncateText } from '@/lib/diagram/text';
import { fromDiagram, toDiagram, type DiagramFlowEdge, type DiagramFlowNode } from '../flow';
import { emptyHistory, record, redo, undo, type History } from '../history';
import { autoLayout } from '../layout';
import * as ops from '../ops';

/**
 * One store per editor instance (created by EditorProvider). It holds React Flow's arrays for
 * the canvas, the undo history as snapshots of the saved format, and a `revision` that changes
 * whenever the drawing does (autosave listens to it).
 */
export interface EditorState {
  readOnly: boolean;
  id: string;
  title: string;
  nodes: DiagramFlowNode[];
  edges: DiagramFlowEdge[];
  viewport: Viewport;
  history: History;
  /** Bumped by every change to the drawing (not by selection). */
  revision: number;
  /** Bumped when the viewport settles, so it is saved too (without an undo step). */
  viewRevision: number;
  /** The kind new connections get. */
  edgeKind: EdgeKind;
  /** The last thing done, for the screen-reader live region. */
  announcement: string;
  /** Set when an edit was refused (limits), for the live region and a visible note. */
  refusal: string;
}

export interface EditorActions {
  toDiagram(): Diagram;
  onNodesChange(changes: NodeChange<DiagramFlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<DiagramFlowEdge>[]): void;
  /** A mouse drag or resize starts/ends: the whole gesture is one undo step. */
  beginGesture(): void;
  endGesture(draggedIds?: readonly string[]): void;
  addNode(kind: NodeKind, center: Point): string | undefined;
  /** `select`: the new connection becomes the selection (mouse); off for the keyboard form. */
  connect(
    source: string,
    target: string,
    kind?: EdgeKind,
    label?: string,
    select?: boolean,
  ): string | undefined;
  setNodeText(id: string, patch: { label?: string; notes?: string }): void;
  setEdge(id: string, patch: { label?: string; kind?: EdgeKind }): void;
  setTitle(title: string): void;
  setEdgeKind(kind: EdgeKind): void;
  setViewport(viewport: Viewport): void;
  selectOnly(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  selectAll(): void;
  deleteSelection(): void;
  undo(): void;
  redo(): void;
  copy(): boolean;
  paste(): void;
  duplicate(): void;
  layout(): void;
  announce(message: string): void;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

const LIMIT_NODES = `A diagram holds at most ${MAX_NODES.toLocaleString('en')} nodes.`;
const LIMIT_EDGES = `A diagram holds at most ${MAX_EDGES.toLocaleString('en')} connections.`;

export function createEditorStore(
  diagram: Diagram,
  options: { readOnly?: boolean; now?: () => number } = {},
): EditorStore {
  const now = options.now ?? (() => Date.now());
  let gesture = false;
  let clipboard: ops.Fragment | undefined;
  let pasteCount = 0;

  return createStore<EditorState & EditorActions>()((set, get) => {
    const snapshot = () => {
      const s = get();
      return toDiagram(s, s.nodes, s.edges, s.viewport);
    };
    /** Applies an edit: records the state before it (merged with the last step when `key` matches). */
    const edit = (next: Partial<EditorState>, key?: string, announcement?: string) => {
      if (get().readOnly) return;
      const history = record(get().history, snapshot(), key, now());
      set({
        ...next,
        history,
        revision: get().revision + 1,
        refusal: '',
        ...(announcement ? { announcement } : {}),
      });
    };
    const graph = (): ops.Graph => ({ nodes: get().nodes, edges: get().edges });
    const restore = (d: Diagram, history: History, announcement: string) => {
      set({
        ...fromDiagram(d),
        title: d.title,
        history,
        revision: get().revision + 1,
        announcement,
      });
    };
    const taken = () => new Set([...get().nodes.map((n) => n.id), ...get().edges.map((e) => e.id)]);

    return {
      readOnly: options.readOnly ?? false,
      id: diagram.id,
      title: diagram.title,
      ...fromDiagram(diagram),
      viewport: { ...diagram.viewport },
      history: emptyHistory(),
      revision: 0,
      viewRevision: 0,
      edgeKind: DEFAULT_EDGE_KIND,
      announcement: '',
      refusal: '',

      toDiagram: snapshot,

      onNodesChange(changes) {
        const s = get();
        if (s.readOnly) {
          // Selection and measuring still work in a read-only view; nothing else does.
          const allowed = changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
          if (allowed.length) set({ nodes: applyNodeChanges(allowed, s.nodes) });
          return;
        }
        const moves = changes.some(
          (c) => (c.type === 'position' && c.position) || (c.type === 'dimensions' && c.resizing),
        );
        const removals = changes.some((c) => c.type === 'remove');
        const nodes = applyNodeChanges(changes, s.nodes);
        if (removals) edit({ nodes }, undefined);
        // Moves outside a mouse gesture come from the arrow keys: one step per burst of presses.
        else if (moves && !gesture) edit({ nodes }, 'keyboard-move');
        else if (moves) set({ nodes, revision: s.revision + 1 });
        else set({ nodes });
      },

      onEdgesChange(changes) {
        const s = get();
        const allowed = s.readOnly ? changes.filter((c) => c.type === 'select') : changes;
        const edges = applyEdgeChanges(allowed, s.edges);
        if (allowed.some((c) => c.type === 'remove')) edit({ edges });
        else set({ edges });
      },

      beginGesture() {
        if (gesture || get().readOnly) return;
        gesture = true;
        set({ history: record(get().history, snapshot(), undefined, now()) });
      },

      endGesture(draggedIds) {
        if (!gesture) return;
        gesture = false;
        if (draggedIds?.length) {
          const g = ops.reparent(graph(), new Set(draggedIds));
          if (g.nodes !== get().nodes) set({ nodes: g.nodes, revision: get().revision + 1 });
        }
      },

      addNode(kind, center) {
        if (get().readOnly) return undefined;
        if (get().nodes.length >= MAX_NODES) {
          set({ refusal: LIMIT_NODES, announcement: LIMIT_NODES });
          return undefined;
        }
        const id = ops.freshId(kind, taken());
        const g = ops.addNode(graph(), kind, center, id);
        const added = g.nodes.find((n) => n.id === id)!;
        edit(g, undefined, `Added ${added.ariaLabel}. Use the arrow keys to move it.`);
        return id;
      },

      connect(source, target, kind, label = '', selectIt = true) {
        if (get().readOnly) return undefined;
        if (get().edges.length >= MAX_EDGES) {
          set({ refusal: LIMIT_EDGES, announcement: LIMIT_EDGES });
          return undefined;
        }
        const id = ops.freshId('edge', taken());
        const g = ops.connect(
          graph(),
          source,
          target,
          kind ?? get().edgeKind,
          clean(label, MAX_LABEL_LENGTH, true),
          id,
          selectIt,
        );
        if (!g) return undefined;
        edit(g, undefined, `Connected: ${g.edges[g.edges.length - 1]!.ariaLabel}.`);
        return id;
      },

      setNodeText(id, patch) {
        const tidy = {
          ...(patch.label === undefined
            ? {}
            : { label: clean(patch.label, MAX_LABEL_LENGTH, true) }),
          ...(patch.notes === undefined
            ? {}
            : { notes: clean(patch.notes, MAX_NOTES_LENGTH, true) }),
        };
        edit(ops.updateNodeText(graph(), id, tidy), `text:${id}:${Object.keys(tidy).join()}`);
      },

      setEdge(id, patch) {
        const tidy = {
          ...patch,
          ...(patch.label === undefined
            ? {}
            : { label: clean(patch.label, MAX_LABEL_LENGTH, true) }),
        };
        edit(ops.updateEdge(graph(), id, tidy), patch.kind ? undefined : `edge:${id}`);
      },

      setTitle(title) {
        edit({ title: clean(title, MAX_TITLE_LENGTH, false) }, 'title');
      },

      setEdgeKind(kind) {
        set({ edgeKind: kind });
      },

      setViewport(viewport) {
        set({ viewport: { ...viewport }, viewRevision: get().viewRevision + 1 });
      },

      selectOnly(nodeIds, edgeIds = []) {
        set(ops.select(graph(), new Set(nodeIds), new Set(edgeIds)));
      },

      selectAll() {
        set(ops.select(graph(), new Set(get().nodes.map((n) => n.id)), new Set()));
      },

      deleteSelection() {
        const nodeIds = new Set(
          get()
            .nodes.filter((n) => n.selected)
            .map((n) => n.id),
        );
        const edgeIds = new Set(
          get()
            .edges.filter((e) => e.selected)
            .map((e) => e.id),
        );
        if (nodeIds.size + edgeIds.size === 0) return;
        const parts = [
          nodeIds.size ? `${nodeIds.size} ${nodeIds.size === 1 ? 'node' : 'nodes'}` : '',
          edgeIds.size
            ? `${edgeIds.size} ${edgeIds.size === 1 ? 'connection' : 'connections'}`
            : '',
        ].filter(Boolean);
        edit(
          ops.removeElements(graph(), nodeIds, edgeIds),
          undefined,
          `Deleted ${parts.join(' and ')}.`,
        );
      },

      undo() {
        const step = undo(get().history, snapshot());
        if (step && !get().readOnly) restore(step.diagram, step.history, 'Undone.');
      },

      redo() {
        const step = redo(get().history, snapshot());
        if (step && !get().readOnly) restore(step.diagram, step.history, 'Redone.');
      },

      copy() {
        const fragment = ops.copySelection(graph());
        if (!fragment) return false;
        clipboard = fragment;
        pasteCount = 0;
        set({
          announcement: `Copied ${fragment.nodes.length} ${fragment.nodes.length === 1 ? 'node' : 'nodes'}.`,
        });
        return true;
      },

      paste() {
        if (!clipboard || get().readOnly) return;
        if (get().nodes.length + clipboard.nodes.length > MAX_NODES) {
          set({ refusal: LIMIT_NODES, announcement: LIMIT_NODES });
          return;
        }
        pasteCount++;
        edit(
          ops.pasteFragment(graph(), clipboard, 40 * pasteCount),
          undefined,
          `Pasted ${clipboard.nodes.length} ${clipboard.nodes.length === 1 ? 'node' : 'nodes'}.`,
        );
      },

      duplicate() {
        const saved = clipboard;
        const count = pasteCount;
        if (get().copy()) get().paste();
        clipboard = saved;
        pasteCount = count;
      },

      layout() {
        if (get().readOnly || get().nodes.length === 0) return;
        const laidOut = fromDiagram(autoLayout(snapshot()));
        const selected = new Set(
          get()
            .nodes.filter((n) => n.selected)
            .map((n) => n.id),
        );
        edit(
          {
            nodes: laidOut.nodes.map((n) => (selected.has(n.id) ? { ...n, selected: true } : n)),
            edges: laidOut.edges,
          },
          undefined,
          'Arranged the diagram from left to right.',
        );
      },

      announce(message) {
        set({ announcement: message });
      },
    };
  });
}

function clean(text: string, max: number, multiline: boolean): string {
  return truncateText(cleanText(text, multiline), max);
}

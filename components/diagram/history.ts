import type { Diagram } from '@/lib/diagram';

/**
 * Undo/redo as snapshots of the saved format (never React Flow's internals). Snapshots are cheap:
 * unchanged nodes are shared between them (see flow.ts). Edits with the same `key` in quick
 * succession (typing a label, nudging with the arrow keys) become one step.
 */
export interface History {
  past: Diagram[];
  future: Diagram[];
  lastKey: string | undefined;
  lastAt: number;
}

export const HISTORY_LIMIT = 100;
export const COALESCE_MS = 1200;

export function emptyHistory(): History {
  return { past: [], future: [], lastKey: undefined, lastAt: 0 };
}

/** Records `before` (the state an edit is about to change) unless it merges with the last step. */
export function record(h: History, before: Diagram, key: string | undefined, now: number): History {
  if (key !== undefined && key === h.lastKey && now - h.lastAt < COALESCE_MS)
    return { ...h, lastAt: now };
  const past = [...h.past, before];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undo(
  h: History,
  current: Diagram,
): { history: History; diagram: Diagram } | undefined {
  const diagram = h.past[h.past.length - 1];
  if (!diagram) return undefined;
  return {
    diagram,
    history: {
      past: h.past.slice(0, -1),
      future: [current, ...h.future],
      lastKey: undefined,
      lastAt: 0,
    },
  };
}

export function redo(
  h: History,
  current: Diagram,
): { history: History; diagram: Diagram } | undefined {
  const diagram = h.future[0];
  if (!diagram) return undefined;
  return {
    diagram,
    history: {
      past: [...h.past, current],
      future: h.future.slice(1),
      lastKey: undefined,
      lastAt: 0,
    },
  };
}

import type { EdgeKind, NodeKind } from '../diagram/kinds';
import type { Diagram } from '../diagram/schema';
import type { Grade, Line } from './types';

/**
 * Grades a learner's architecture against a reference rubric: the components it must have, the
 * paths that must connect them (e.g. "the event log reaches training"), and shortcuts it must not
 * take. Matching is by node kind, so labels and layout never matter.
 */
export interface DiagramRubric {
  components: { id: string; label: string; anyOf: readonly NodeKind[]; why: string }[];
  /** A directed path from a `from` component to a `to` component, optionally only along some edge kinds. */
  paths: {
    id: string;
    from: string;
    to: string;
    via?: readonly EdgeKind[];
    label: string;
    why: string;
  }[];
  /** A direct edge that must not exist (e.g. the client writing straight into training). */
  forbidden: { id: string; from: string; to: string; label: string; why: string }[];
}

const WEIGHTS = { components: 0.4, paths: 0.6, forbidden: 0.15 };

type Graph = Map<string, { target: string; kind: EdgeKind }[]>;

function graphOf(d: Diagram, reverse = false): Graph {
  const g: Graph = new Map();
  for (const e of d.edges) {
    const [a, b] = reverse ? [e.target, e.source] : [e.source, e.target];
    (g.get(a) ?? g.set(a, []).get(a)!).push({ target: b, kind: e.kind });
  }
  return g;
}

/** Ids of nodes reachable from any of `starts`, following edges of the allowed kinds. */
function reachable(g: Graph, starts: readonly string[], via?: readonly EdgeKind[]): Set<string> {
  const seen = new Set(starts);
  const stack = [...starts];
  while (stack.length) {
    for (const e of g.get(stack.pop()!) ?? []) {
      if ((via && !via.includes(e.kind)) || seen.has(e.target)) continue;
      seen.add(e.target);
      stack.push(e.target);
    }
  }
  return seen;
}

export function gradeDiagram(d: Diagram, rubric: DiagramRubric): Grade {
  const lines: Line[] = [];
  const nodesOf = new Map(
    rubric.components.map((c) => [
      c.id,
      d.nodes.filter((n) => c.anyOf.includes(n.kind)).map((n) => n.id),
    ]),
  );
  const labelOf = new Map(rubric.components.map((c) => [c.id, c.label]));

  let found = 0;
  for (const c of rubric.components) {
    const ok = nodesOf.get(c.id)!.length > 0;
    if (ok) found++;
    lines.push({ ok, text: ok ? `Has ${c.label}.` : `Missing ${c.label}: ${c.why}` });
  }

  const forward = graphOf(d);
  const backward = graphOf(d, true);
  let pathScore = 0;
  for (const p of rubric.paths) {
    const from = nodesOf.get(p.from) ?? [];
    const to = new Set(nodesOf.get(p.to) ?? []);
    const hit = [...reachable(forward, from, p.via)].some((id) => to.has(id));
    const reversed = !hit && [...reachable(backward, from, p.via)].some((id) => to.has(id));
    pathScore += hit ? 1 : reversed ? 0.5 : 0;
    if (hit) lines.push({ ok: true, text: `${p.label}.` });
    else if (from.length === 0 || to.size === 0)
      lines.push({
        ok: false,
        text: `Cannot check “${p.label}” without ${from.length === 0 ? labelOf.get(p.from) : labelOf.get(p.to)}.`,
      });
    else if (reversed)
      lines.push({
        ok: false,
        text: `“${p.label}”: the connection exists but the arrows point the other way (half credit). ${p.why}`,
      });
    else lines.push({ ok: false, text: `No path: ${p.label}. ${p.why}` });
  }

  let violations = 0;
  for (const f of rubric.forbidden) {
    const to = new Set(nodesOf.get(f.to) ?? []);
    const bad = (nodesOf.get(f.from) ?? []).some((id) =>
      (forward.get(id) ?? []).some((e) => to.has(e.target)),
    );
    if (bad) {
      violations++;
      lines.push({ ok: false, text: `Shortcut to remove: ${f.label}. ${f.why}` });
    }
  }

  const score =
    WEIGHTS.components * (found / Math.max(1, rubric.components.length)) +
    WEIGHTS.paths * (pathScore / Math.max(1, rubric.paths.length)) -
    WEIGHTS.forbidden * violations;
  return { score: Math.min(1, Math.max(0, score)), lines };
}

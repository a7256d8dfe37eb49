/**
 * The shape of every case study's reference architecture (case-studies/<id>/reference/diagram.ts)
 * and the small builders they are written with: a valid lib/diagram `Diagram` plus, outside it,
 * the framework step each node belongs to. The diagram format has no field for that, so
 * `stages` maps node ids to lib/framework step ids; a case page can link a clicked node to its
 * step. Pure TypeScript.
 */
import type { Diagram, DiagramEdge, DiagramNode, EdgeKind, NodeKind } from '../diagram';
import type { StepId } from '../framework/steps';

export interface ReferenceArchitecture {
  caseId: string;
  title: string;
  summary: string;
  diagram: Diagram;
  stages: Readonly<Record<string, StepId>>;
}

/** Every reference node has the same size, on a grid of cells. */
const SIZE = { width: 200, height: 72 };
export const cell = (col: number, row: number) => ({ x: 40 + col * 260, y: 70 + row * 120 });

export function node(
  id: string,
  kind: NodeKind,
  label: string,
  notes: string,
  position: { x: number; y: number },
  parentId?: string,
): DiagramNode {
  const n: DiagramNode = { id, kind, label, notes, position, size: { ...SIZE } };
  if (parentId) n.parentId = parentId;
  return n;
}

export function edge(source: string, target: string, kind: EdgeKind, label: string): DiagramEdge {
  return { id: `${source}--${target}`, source, target, kind, label };
}

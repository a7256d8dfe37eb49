import { NODE_KIND_INFO, isGroupKind, isNodeKind, type NodeKind } from './kinds';
import {
  IdAllocator,
  MAX_SCAN,
  formatCount,
  idKey,
  isRecord,
  isValidId,
  own,
  readNumber,
  readText,
  worst,
  type Problems,
} from './read';
import {
  MAX_COORDINATE,
  MAX_LABEL_LENGTH,
  MAX_NODES,
  MAX_NODE_SIZE,
  MAX_NOTES_LENGTH,
  MIN_NODE_SIZE,
  type DiagramNode,
} from './schema';
import { quote } from './text';

export interface RestoredNodes {
  nodes: DiagramNode[];
  /** Every id (or id-like reference) seen in the input → the id its first node now has. */
  idMap: Map<string, string>;
}

interface Draft {
  node: DiagramNode;
  key: string | undefined;
  parentKey: string | undefined;
  name: string;
}

export function restoreNodes(raw: unknown, problems: Problems): RestoredNodes {
  const idMap = new Map<string, string>();
  if (raw === undefined || raw === null) return { nodes: [], idMap };
  if (!Array.isArray(raw)) {
    problems.add('The list of nodes was damaged (not a list), so no nodes could be loaded.');
    return { nodes: [], idMap };
  }
  const drafts: Draft[] = [];
  const end = Math.min(raw.length, MAX_SCAN);
  let i = 0;
  for (; i < end && drafts.length < MAX_NODES; i++) {
    try {
      const draft = readNode(raw[i], i, problems);
      if (draft) drafts.push(draft);
    } catch {
      problems.add(`Node #${i + 1} could not be read and was removed.`);
    }
  }
  if (i < raw.length)
    problems.add(
      `A diagram holds at most ${formatCount(MAX_NODES)} nodes; the last ${formatCount(raw.length - i)} entries of the node list were left out.`,
    );

  const ids = new IdAllocator(
    new Set(drafts.flatMap((d) => (d.key && isValidId(d.key) ? [d.key] : []))),
  );
  for (const d of drafts) {
    const key = d.key;
    if (key !== undefined && isValidId(key) && !ids.has(key)) {
      d.node.id = key;
      ids.claim(key);
    } else if (key !== undefined && isValidId(key)) {
      d.node.id = ids.fresh(key, 2);
      problems.add(
        `Two nodes had the id ${quote(key)}; the later one (${d.name}) was renamed ${quote(d.node.id)}, and connections to ${quote(key)} stay on the first.`,
      );
    } else {
      d.node.id = ids.fresh('node', 1);
      if (key !== undefined)
        problems.add(`${d.name} had an unusable id and was given the id ${quote(d.node.id)}.`);
    }
    if (key !== undefined && !idMap.has(key)) idMap.set(key, d.node.id);
  }
  const byId = new Map(drafts.map((d) => [d.node.id, d]));
  linkParents(drafts, byId, idMap, problems);
  breakParentCycles(drafts, byId, problems);
  return { nodes: parentsFirst(drafts, byId), idMap };
}

function nodeName(label: unknown, key: string | undefined, index: number): string {
  if (typeof label === 'string' && label.trim() !== '') return `Node ${quote(label)}`;
  if (key !== undefined && key !== '') return `Node ${quote(key)}`;
  return `Node #${index + 1}`;
}

function readNode(raw: unknown, index: number, problems: Problems): Draft | undefined {
  if (!isRecord(raw)) {
    problems.add(`Entry #${index + 1} in the node list was not a node and was removed.`);
    return undefined;
  }
  const key = idKey(own(raw, 'id'));
  const name = nodeName(own(raw, 'label'), key, index);
  const kind = own(raw, 'kind');
  if (!isNodeKind(kind)) {
    problems.add(
      kind === undefined || kind === null
        ? `${name} had no kind and was removed.`
        : `${name} had an unknown kind ${quote(String(typeof kind === 'object' ? 'object' : kind))} and was removed.`,
    );
    return undefined;
  }
  return {
    node: readNodeFields(raw, kind, name, problems),
    key,
    parentKey: parentKeyOf(raw),
    name,
  };
}

function parentKeyOf(raw: Record<string, unknown>): string | undefined {
  const parent = own(raw, 'parentId');
  if (parent === undefined || parent === null || parent === '') return undefined;
  // A parent reference that is not even an id cannot match a node: report it as missing.
  return idKey(parent) ?? '(not an id)';
}

function readNodeFields(
  raw: Record<string, unknown>,
  kind: NodeKind,
  name: string,
  problems: Problems,
): DiagramNode {
  const info = NODE_KIND_INFO[kind];
  const label = readText(own(raw, 'label'), MAX_LABEL_LENGTH, true, info.label);
  if (label.fault === 'truncated')
    problems.add(
      `${name}: its label was longer than ${MAX_LABEL_LENGTH} characters and was shortened.`,
    );
  if (label.fault === 'invalid')
    problems.add(`${name}: its label was not text and was reset to '${info.label}'.`);
  const notes = readText(own(raw, 'notes'), MAX_NOTES_LENGTH, true, '');
  if (notes.fault === 'truncated')
    problems.add(
      `${name}: its notes were longer than ${formatCount(MAX_NOTES_LENGTH)} characters and were shortened.`,
    );
  if (notes.fault === 'invalid') problems.add(`${name}: its notes were not text and were removed.`);

  const pos = own(raw, 'position');
  const p = isRecord(pos) ? pos : {};
  const x = readNumber(own(p, 'x'), 0, -MAX_COORDINATE, MAX_COORDINATE);
  const y = readNumber(own(p, 'y'), 0, -MAX_COORDINATE, MAX_COORDINATE);
  const posFault = pos !== undefined && !isRecord(pos) ? 'invalid' : worst(x.fault, y.fault);
  if (posFault === 'invalid')
    problems.add(`${name} had an invalid position and was moved to the top-left corner (0, 0).`);
  if (posFault === 'clamped')
    problems.add(
      `${name} was placed absurdly far away and was moved back within ${formatCount(MAX_COORDINATE)} pixels of the centre.`,
    );

  const sz = own(raw, 'size');
  const s = isRecord(sz) ? sz : {};
  const w = readNumber(own(s, 'width'), info.defaultSize.width, MIN_NODE_SIZE, MAX_NODE_SIZE);
  const h = readNumber(own(s, 'height'), info.defaultSize.height, MIN_NODE_SIZE, MAX_NODE_SIZE);
  const sizeFault = sz !== undefined && !isRecord(sz) ? 'invalid' : worst(w.fault, h.fault);
  if (sizeFault === 'invalid')
    problems.add(`${name} had an invalid size and got the default size.`);
  if (sizeFault === 'clamped')
    problems.add(
      `${name} was resized to fit between ${MIN_NODE_SIZE} and ${formatCount(MAX_NODE_SIZE)} pixels.`,
    );

  return {
    id: '',
    kind,
    label: label.value,
    notes: notes.value,
    position: { x: x.value, y: y.value },
    size: { width: w.value, height: h.value },
  };
}

function linkParents(
  drafts: Draft[],
  byId: Map<string, Draft>,
  idMap: Map<string, string>,
  problems: Problems,
): void {
  for (const d of drafts) {
    if (d.parentKey === undefined) continue;
    const parentId = idMap.get(d.parentKey);
    const parent = parentId === undefined ? undefined : byId.get(parentId);
    if (!parent)
      problems.add(
        `${d.name} was inside an area that is missing (${quote(d.parentKey)}); it now sits on the canvas outside any area.`,
      );
    else if (parent === d)
      problems.add(`${d.name} was set to be inside itself; it now sits outside any area.`);
    else if (!isGroupKind(parent.node.kind))
      problems.add(
        `${d.name} was inside ${parent.name}, which is not an area (only online and offline areas hold nodes); it now sits outside any area.`,
      );
    else d.node.parentId = parent.node.id;
  }
}

/** Areas inside each other in a loop: the loop is cut at the first area met on it. */
function breakParentCycles(drafts: Draft[], byId: Map<string, Draft>, problems: Problems): void {
  const state = new Map<Draft, 'open' | 'done'>();
  for (const start of drafts) {
    const path: Draft[] = [];
    let cur: Draft | undefined = start;
    while (cur && !state.has(cur)) {
      state.set(cur, 'open');
      path.push(cur);
      cur = cur.node.parentId === undefined ? undefined : byId.get(cur.node.parentId);
    }
    if (cur && state.get(cur) === 'open') {
      const loop = path.slice(path.indexOf(cur)).map((d) => d.name);
      problems.add(
        `${loop.length} areas were inside each other in a loop (${loop.slice(0, 5).join(', ')}); ${cur.name} now sits outside any area.`,
      );
      delete cur.node.parentId;
    }
    for (const d of path) state.set(d, 'done');
  }
}

/** React Flow needs every parent before its children; otherwise the input order is kept. */
function parentsFirst(drafts: Draft[], byId: Map<string, Draft>): DiagramNode[] {
  const out: DiagramNode[] = [];
  const emitted = new Set<Draft>();
  for (const d of drafts) {
    const chain: Draft[] = [];
    let cur: Draft | undefined = d;
    while (cur && !emitted.has(cur)) {
      chain.push(cur);
      emitted.add(cur);
      cur = cur.node.parentId === undefined ? undefined : byId.get(cur.node.parentId);
    }
    for (let j = chain.length - 1; j >= 0; j--) out.push(chain[j]!.node);
  }
  return out;
}

import { DEFAULT_EDGE_KIND, isEdgeKind } from './kinds';
import {
  IdAllocator,
  MAX_SCAN,
  formatCount,
  idKey,
  isRecord,
  isValidId,
  own,
  readText,
  type Problems,
} from './read';
import { MAX_EDGES, MAX_LABEL_LENGTH, type DiagramEdge } from './schema';
import { quote } from './text';

interface Draft {
  edge: DiagramEdge;
  key: string | undefined;
  name: string;
}

/** Connections between nodes that exist; `idMap` comes from restoreNodes. */
export function restoreEdges(
  raw: unknown,
  idMap: ReadonlyMap<string, string>,
  problems: Problems,
): DiagramEdge[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.add(
      'The list of connections was damaged (not a list), so no connections could be loaded.',
    );
    return [];
  }
  const drafts: Draft[] = [];
  const end = Math.min(raw.length, MAX_SCAN);
  let i = 0;
  for (; i < end && drafts.length < MAX_EDGES; i++) {
    try {
      const draft = readEdge(raw[i], i, idMap, problems);
      if (draft) drafts.push(draft);
    } catch {
      problems.add(`Connection #${i + 1} could not be read and was removed.`);
    }
  }
  if (i < raw.length)
    problems.add(
      `A diagram holds at most ${formatCount(MAX_EDGES)} connections; the last ${formatCount(raw.length - i)} entries of the connection list were left out.`,
    );

  const ids = new IdAllocator(
    new Set(drafts.flatMap((d) => (d.key && isValidId(d.key) ? [d.key] : []))),
  );
  for (const d of drafts) {
    const key = d.key;
    if (key !== undefined && isValidId(key) && !ids.has(key)) {
      d.edge.id = key;
      ids.claim(key);
    } else if (key !== undefined && isValidId(key)) {
      d.edge.id = ids.fresh(key, 2);
      problems.add(
        `Two connections had the id ${quote(key)}; the later one (${d.name}) was renamed ${quote(d.edge.id)}.`,
      );
    } else {
      d.edge.id = ids.fresh('edge', 1);
      if (key !== undefined)
        problems.add(`${d.name} had an unusable id and was given the id ${quote(d.edge.id)}.`);
    }
  }
  return drafts.map((d) => d.edge);
}

function edgeName(label: unknown, key: string | undefined, index: number): string {
  if (typeof label === 'string' && label.trim() !== '') return `Connection ${quote(label)}`;
  if (key !== undefined && key !== '') return `Connection ${quote(key)}`;
  return `Connection #${index + 1}`;
}

function readEdge(
  raw: unknown,
  index: number,
  idMap: ReadonlyMap<string, string>,
  problems: Problems,
): Draft | undefined {
  if (!isRecord(raw)) {
    problems.add(
      `Entry #${index + 1} in the connection list was not a connection and was removed.`,
    );
    return undefined;
  }
  const key = idKey(own(raw, 'id'));
  const name = edgeName(own(raw, 'label'), key, index);
  const source = endpoint(own(raw, 'source'), idMap, name, 'start', problems);
  if (source === undefined) return undefined;
  const target = endpoint(own(raw, 'target'), idMap, name, 'end', problems);
  if (target === undefined) return undefined;

  const rawKind = own(raw, 'kind');
  let kind = DEFAULT_EDGE_KIND;
  if (isEdgeKind(rawKind)) kind = rawKind;
  else if (rawKind !== undefined && rawKind !== null)
    problems.add(
      `${name} had an unknown kind ${quote(typeof rawKind === 'object' ? 'object' : String(rawKind))}; it is now a data flow.`,
    );
  const label = readText(own(raw, 'label'), MAX_LABEL_LENGTH, true, '');
  if (label.fault === 'truncated')
    problems.add(
      `${name}: its label was longer than ${MAX_LABEL_LENGTH} characters and was shortened.`,
    );
  if (label.fault === 'invalid') problems.add(`${name}: its label was not text and was removed.`);
  return { edge: { id: '', source, target, kind, label: label.value }, key, name };
}

function endpoint(
  value: unknown,
  idMap: ReadonlyMap<string, string>,
  name: string,
  end: 'start' | 'end',
  problems: Problems,
): string | undefined {
  const key = idKey(value);
  const id = key === undefined ? undefined : idMap.get(key);
  if (id !== undefined) return id;
  problems.add(
    key === undefined
      ? `${name} had no ${end} node and was removed.`
      : `${name} ${end === 'start' ? 'started' : 'ended'} at a node that is missing (${quote(key)}) and was removed.`,
  );
  return undefined;
}

import { describe, expect, it } from 'vitest';
import {
  diagramSchema,
  diagramsEqual,
  restoreDiagram,
  sampleDiagram,
  type Diagram,
} from '@/lib/diagram';
import { REFERENCES } from '../references';
import { createEditorStore } from './editor-store';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('the editor store', () => {
  it('gives back exactly the diagram it was opened with', () => {
    for (const d of [sampleDiagram(60, 3), ...REFERENCES.map((r) => r.diagram)]) {
      expect(diagramsEqual(createEditorStore(d).getState().toDiagram(), d)).toBe(true);
    }
  });

  it('undo and redo step through edits; a new edit clears redo', () => {
    const time = clock();
    const store = createEditorStore(sampleDiagram(0, 1), { now: time.now });
    const s = () => store.getState();
    const a = s().addNode('client', { x: 0, y: 0 })!;
    time.advance(5000);
    s().addNode('cdn', { x: 300, y: 0 });
    time.advance(5000);
    s().connect(a, s().nodes[1]!.id);
    expect(s().edges).toHaveLength(1);
    s().undo();
    expect(s().edges).toHaveLength(0);
    s().undo();
    expect(s().nodes).toHaveLength(1);
    s().redo();
    expect(s().nodes).toHaveLength(2);
    s().setNodeText(a, { label: 'App' });
    expect(s().history.future).toHaveLength(0);
  });

  it('typing a label and nudging with the arrow keys are one undo step each', () => {
    const time = clock();
    const store = createEditorStore(sampleDiagram(0, 1), { now: time.now });
    const s = () => store.getState();
    const id = s().addNode('client', { x: 0, y: 0 })!;
    time.advance(5000);
    for (const label of ['A', 'Ap', 'App']) {
      s().setNodeText(id, { label });
      time.advance(200);
    }
    time.advance(5000);
    const start = s().nodes[0]!.position;
    for (let i = 1; i <= 3; i++) {
      s().onNodesChange([{ type: 'position', id, position: { x: start.x + 20 * i, y: start.y } }]);
      time.advance(100);
    }
    expect(s().history.past).toHaveLength(3);
    s().undo();
    expect(s().nodes[0]!.position).toEqual(start);
    s().undo();
    expect(s().nodes[0]!.data.label).toBe('Client / app');
  });

  it('a mouse drag is one undo step and joins the area it is dropped in', () => {
    const store = createEditorStore({
      ...sampleDiagram(0, 1),
      nodes: [
        {
          id: 'area',
          kind: 'offline-area',
          label: '',
          notes: '',
          position: { x: 0, y: 0 },
          size: { width: 500, height: 500 },
        },
        {
          id: 'n',
          kind: 'event-log',
          label: '',
          notes: '',
          position: { x: 800, y: 0 },
          size: { width: 180, height: 72 },
        },
      ],
    });
    const s = () => store.getState();
    s().beginGesture();
    for (const x of [700, 500, 200])
      s().onNodesChange([{ type: 'position', id: 'n', position: { x, y: 100 }, dragging: true }]);
    s().endGesture(['n']);
    expect(s().history.past).toHaveLength(1);
    const n = s().nodes.find((x) => x.id === 'n')!;
    expect(n.parentId).toBe('area');
    expect(diagramSchema.safeParse(s().toDiagram()).success).toBe(true);
    s().undo();
    expect(s().nodes.find((x) => x.id === 'n')!.parentId).toBeUndefined();
  });

  it('cleans what is typed: no control characters, limits respected', () => {
    const store = createEditorStore(sampleDiagram(0, 1));
    const s = () => store.getState();
    const id = s().addNode('note', { x: 0, y: 0 })!;
    s().setNodeText(id, { label: 'a\u0000b\u0007c', notes: 'x'.repeat(10_000) });
    s().setTitle('T\u0001itle\nnew line');
    const d = s().toDiagram();
    expect(d.nodes[0]!.label).toBe('abc');
    expect(d.nodes[0]!.notes).toHaveLength(5000);
    expect(d.title).toBe('Title new line');
    expect(restoreDiagram(JSON.parse(JSON.stringify(d))).problems).toEqual([]);
  });

  it('a read-only store lets you select but changes nothing', () => {
    const original: Diagram = REFERENCES[0]!.diagram;
    const store = createEditorStore(original, { readOnly: true });
    const s = () => store.getState();
    const id = s().nodes[3]!.id;
    s().onNodesChange([{ type: 'select', id, selected: true }]);
    expect(s().nodes[3]!.selected).toBe(true);
    s().onNodesChange([{ type: 'position', id, position: { x: 9, y: 9 } }]);
    s().deleteSelection();
    expect(s().addNode('client', { x: 0, y: 0 })).toBeUndefined();
    s().setNodeText(id, { label: 'changed' });
    s().layout();
    expect(diagramsEqual(s().toDiagram(), original)).toBe(true);
  });
});

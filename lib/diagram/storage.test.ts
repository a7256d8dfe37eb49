import { describe, expect, it } from 'vitest';
import { memoryAdapter } from '../storage/adapter';
import { createDocument } from '../storage/document';
import { wrap } from '../storage/envelope';
import { sampleDiagram } from './sample';
import { diagramDocumentSpec } from './storage';

const now = () => new Date('2026-01-01T00:00:00Z');
const spec = diagramDocumentSpec('mlsd-lab:diagram:d1', 'd1', now);

describe('diagrams in browser storage', () => {
  it('saves and loads a diagram unchanged', async () => {
    const adapter = memoryAdapter();
    const doc = createDocument(adapter, spec);
    expect((await doc.load()).value.id).toBe('d1');
    const d = sampleDiagram(30, 1);
    expect(await doc.save(d)).toMatchObject({ kind: 'saved' });
    const again = await createDocument(adapter, spec).load();
    expect(again).toEqual({ value: d, status: { kind: 'ok' } });
  });

  it('migrates a v1 diagram on load', async () => {
    const v1 = { nodes: [{ id: 'a', type: 'cache', x: 1, y: 2 }], edges: [] };
    const adapter = memoryAdapter({ [spec.key]: wrap('diagram', 1, v1, now()) });
    const { value, status } = await createDocument(adapter, spec).load();
    expect(status).toEqual({ kind: 'ok' });
    expect(value.nodes[0]).toMatchObject({ kind: 'prediction-cache', position: { x: 1, y: 2 } });
  });

  it('backs up the original before keeping a repaired diagram', async () => {
    const raw = wrap(
      'diagram',
      2,
      {
        nodes: [
          { id: 'a', kind: 'client' },
          { id: 'b', kind: 'ufo' },
        ],
      },
      now(),
    );
    const adapter = memoryAdapter({ [spec.key]: raw });
    const { value, status } = await createDocument(adapter, spec).load();
    expect(value.nodes.map((n) => n.id)).toEqual(['a']);
    expect(status).toMatchObject({
      kind: 'repaired',
      dropped: ["Node 'b' had an unknown kind 'ufo' and was removed."],
    });
    if (status.kind === 'repaired') expect(adapter.map.get(status.backupKey)).toBe(raw);
  });

  it('never overwrites a diagram saved by a newer version', async () => {
    const raw = wrap('diagram', 9, {}, now());
    const adapter = memoryAdapter({ [spec.key]: raw });
    const doc = createDocument(adapter, spec);
    expect((await doc.load()).status).toMatchObject({ kind: 'blocked', reason: 'future' });
    expect(await doc.save(sampleDiagram(2, 2))).toEqual({ kind: 'idle' });
    expect(adapter.map.get(spec.key)).toBe(raw);
  });
});

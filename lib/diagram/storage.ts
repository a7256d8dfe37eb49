import type { DocumentSpec } from '../storage/document';
import { DIAGRAM_CHAIN, DIAGRAM_KIND } from './migrations';
import { restoreDiagram } from './restore';
import { emptyDiagram, type Diagram } from './schema';

/**
 * A diagram saved in browser storage with the never-lose-work rules of lib/storage/document:
 * pass this to createDocument. Stored data goes through the same restoreDiagram as files and
 * links; anything it repaired is listed in `dropped`, so the original is backed up first.
 */
export function diagramDocumentSpec(
  key: string,
  id: string,
  now?: () => Date,
): DocumentSpec<Diagram> {
  return {
    key,
    kind: DIAGRAM_KIND,
    chain: DIAGRAM_CHAIN,
    empty: () => emptyDiagram(id),
    restore: (data) => {
      const { diagram, problems } = restoreDiagram(data);
      return { value: diagram, dropped: problems };
    },
    now,
  };
}

/**
 * The diagram format: node and edge kinds as data, the document schema, one restore() for all
 * untrusted input, files (JSON and SVG), share links and a canonical form. Pure TypeScript:
 * runs in Node and the browser; the React Flow editor is a thin layer on top.
 */
export * from './kinds';
export * from './schema';
export { restoreDiagram, toImport } from './restore';
export type { DiagramError, DiagramErrorCode, DiagramImport, RestoreResult } from './restore';
export { DIAGRAM_CHAIN, DIAGRAM_KIND } from './migrations';
export { exportDiagramJson, importDiagramText, embedInSvgMetadata, extractFromSvg } from './files';
export { encodeShareFragment, decodeShareFragment, shareLinkError, SHARE_PARAM } from './share';
export { canonicalDiagram, canonicalJson, diagramsEqual } from './equality';
export { diagramDocumentSpec } from './storage';
export { sampleDiagram } from './sample';

/**
 * Retrieval engine: exact and IVF maximum-inner-product search over Float32Array item matrices,
 * plus recall measurement and seeded synthetic embeddings. Pure TypeScript: runs in Node and in
 * a browser Web Worker.
 */
export { ExactIndex, exactTopK, type SearchOptions } from './exact';
export {
  IvfIndex,
  type IvfBuildOptions,
  type IvfBuildStage,
  type IvfMetric,
  type IvfParts,
  type IvfSearchOptions,
  type IvfSearchResult,
} from './ivf';
export { TopKHeap, type TopKResult } from './topk';
export { recallAtK, meanRecallAtK } from './recall';
export { kmeans, type KMeansOptions, type KMeansResult } from './kmeans';
export {
  clusteredEmbeddings,
  gaussianEmbeddings,
  userQueries,
  type ClusteredData,
  type ClusteredOptions,
  type QueryOptions,
} from './synthetic';

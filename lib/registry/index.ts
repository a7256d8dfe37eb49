export * from './types';
export {
  createRegistry,
  formatBytes,
  REGISTRY_KEY,
  RegistryError,
  type ModelRegistry,
  type OnnxInput,
  type RegistryErrorCode,
  type RegistryOptions,
} from './registry';
export {
  isQuotaError,
  memoryBlobStore,
  type BlobStore,
  type BlobValue,
  type MemoryBlobStore,
} from './blob-store';
export { localId, shippedId, SHIPPED_FORMAT } from './schema';

/**
 * Messages between the video-recs page and its feed worker. Requests carry an id; the worker
 * answers each with exactly one 'done' or 'error' of that id, and sends 'progress' while it
 * loads (world, models, embeddings, index).
 */
import type {
  FeedControls,
  FeedMetrics,
  FeedResult,
  FeedUser,
} from '@/case-studies/video-recs/pipeline';
import type { CatalogueSize } from '@/case-studies/video-recs/serving';
import type { ProviderChoice } from '@/lib/runtime/protocol';

/** 'onnx': onnxruntime-web (the app). 'tfjs': the same architectures in TF.js, for the benchmark. */
export type InferenceEngine = 'onnx' | 'tfjs';

export type FeedRequest =
  | {
      id: number;
      type: 'load';
      seed: number;
      size: CatalogueSize;
      provider: ProviderChoice;
      engine?: InferenceEngine;
    }
  | { id: number; type: 'reload-models' }
  | { id: number; type: 'feed'; user: FeedUser; controls: FeedControls }
  | { id: number; type: 'metrics'; controls: FeedControls };

export interface SuggestedUser {
  id: number;
  watches: number;
  language: string;
  country: string;
}

export interface ReadyInfo {
  provider: string;
  providerReason: string;
  engine: InferenceEngine;
  modelVersion: string;
  modelNote: string;
  seed: number;
  videos: number;
  users: number;
  day: number;
  dim: number;
  nlist: number;
  nprobe: number;
  /** At most this many held-out users are measured. */
  heldOutUsers: number;
  suggested: SuggestedUser[];
  /** Wall-clock ms per loading step. */
  loadMs: Record<string, number>;
}

export type FeedAnswer = ReadyInfo | FeedResult | FeedMetrics;

export type FeedMessage =
  | { type: 'progress'; id: number; label: string; fraction: number }
  | { type: 'done'; id: number; result: FeedAnswer }
  | { type: 'error'; id: number; message: string; cancelled?: boolean };

import type {
  FeedControls,
  FeedMetrics,
  FeedResult,
  FeedUser,
} from '@/case-studies/video-recs/pipeline';
import type { CatalogueSize } from '@/case-studies/video-recs/serving';
import type { ProviderChoice } from '@/lib/runtime/protocol';
import { WorkerClient } from '@/components/case-studies/shared/worker-client';
import type { FeedAnswer, FeedRequest, InferenceEngine, ReadyInfo } from './feed-protocol';

export class FeedCancelled extends Error {}

/**
 * The page's handle on the feed worker: one promise per request, progress reported to a
 * listener, and a crashed worker failing everything pending with a message that says so
 * (components/case-studies/shared/worker-client.ts).
 */
export class FeedClient {
  private client: WorkerClient<FeedRequest, FeedAnswer>;

  constructor(onProgress: (label: string, fraction: number) => void) {
    const worker = new Worker(new URL('./feed.worker.ts', import.meta.url), {
      type: 'module',
      name: 'mlsd-video-feed',
    });
    this.client = new WorkerClient(worker, onProgress, 'The feed worker', (m) =>
      m.cancelled ? new FeedCancelled(m.message) : new Error(m.message),
    );
  }

  load(
    seed: number,
    size: CatalogueSize,
    provider: ProviderChoice,
    engine: InferenceEngine = 'onnx',
  ) {
    return this.client.request<ReadyInfo>({ type: 'load', seed, size, provider, engine });
  }

  reloadModels() {
    return this.client.request<ReadyInfo>({ type: 'reload-models' });
  }

  feed(user: FeedUser, controls: FeedControls) {
    return this.client.request<FeedResult>({ type: 'feed', user, controls });
  }

  metrics(controls: FeedControls) {
    return this.client.request<FeedMetrics>({ type: 'metrics', controls });
  }

  dispose() {
    this.client.dispose();
  }
}

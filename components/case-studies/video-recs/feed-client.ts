import type {
  FeedControls,
  FeedMetrics,
  FeedResult,
  FeedUser,
} from '@/case-studies/video-recs/pipeline';
import type { CatalogueSize } from '@/case-studies/video-recs/serving';
import type { ProviderChoice } from '@/lib/runtime/protocol';
import type {
  FeedAnswer,
  FeedMessage,
  FeedRequest,
  InferenceEngine,
  ReadyInfo,
} from './feed-protocol';

export class FeedCancelled extends Error {}

type Pending = { resolve: (v: FeedAnswer) => void; reject: (e: Error) => void };
type Body<T extends FeedRequest['type']> = Omit<Extract<FeedRequest, { type: T }>, 'id'>;

/**
 * The page's handle on the feed worker: one promise per request, progress reported to a
 * listener, and a crashed worker failing everything pending with a message that says so.
 */
export class FeedClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly onProgress: (label: string, fraction: number) => void) {
    this.worker = new Worker(new URL('./feed.worker.ts', import.meta.url), {
      type: 'module',
      name: 'mlsd-video-feed',
    });
    this.worker.onmessage = (e: MessageEvent<FeedMessage>) => this.settle(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      const error = new Error(
        `The feed worker stopped: ${e.message || 'its script failed to load'}.`,
      );
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  private settle(m: FeedMessage) {
    if (m.type === 'progress') {
      this.onProgress(m.label, m.fraction);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === 'done') p.resolve(m.result);
    else p.reject(m.cancelled ? new FeedCancelled(m.message) : new Error(m.message));
  }

  private request<T extends FeedAnswer, K extends FeedRequest['type']>(body: Body<K>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: FeedAnswer) => void, reject });
      this.worker.postMessage({ ...body, id });
    });
  }

  load(
    seed: number,
    size: CatalogueSize,
    provider: ProviderChoice,
    engine: InferenceEngine = 'onnx',
  ) {
    return this.request<ReadyInfo, 'load'>({ type: 'load', seed, size, provider, engine });
  }

  reloadModels() {
    return this.request<ReadyInfo, 'reload-models'>({ type: 'reload-models' });
  }

  feed(user: FeedUser, controls: FeedControls) {
    return this.request<FeedResult, 'feed'>({ type: 'feed', user, controls });
  }

  metrics(controls: FeedControls) {
    return this.request<FeedMetrics, 'metrics'>({ type: 'metrics', controls });
  }

  dispose() {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('The feed worker was closed.'));
    this.pending.clear();
  }
}

import type { AdRequestContext } from '@/case-studies/ad-click/features';
import type { CalibrationMode, LiveControls } from '@/case-studies/ad-click/live';
import type { AbSnapshot } from '@/lib/abtest';
import type { ProviderChoice } from '@/lib/runtime/protocol';
import { WorkerClient } from '@/components/case-studies/shared/worker-client';
import type {
  AbSetup,
  AdAnswer,
  AdBenchResult,
  AdMetricsResult,
  AdReadyInfo,
  AdServeResult,
  AdWorkerRequest,
} from './ad-protocol';

/** Typed calls to the ad worker (ad.worker.ts). */
export class AdClient {
  private client: WorkerClient<AdWorkerRequest, AdAnswer>;

  constructor(onProgress: (label: string, fraction: number) => void) {
    const worker = new Worker(new URL('./ad.worker.ts', import.meta.url), {
      type: 'module',
      name: 'mlsd-ad-click',
    });
    this.client = new WorkerClient(worker, onProgress, 'The ad worker');
  }

  load(seed: number, provider: ProviderChoice) {
    return this.client.request<AdReadyInfo>({ type: 'load', seed, provider });
  }

  reloadModels() {
    return this.client.request<AdReadyInfo>({ type: 'reload-models' });
  }

  serve(request: AdRequestContext, controls: LiveControls) {
    return this.client.request<AdServeResult>({ type: 'serve', request, controls });
  }

  metrics(calibration: CalibrationMode) {
    return this.client.request<AdMetricsResult>({ type: 'metrics', calibration });
  }

  abCreate(setup: AbSetup) {
    return this.client.request<AbSnapshot>({ type: 'ab-create', setup });
  }

  abStep(requests: number) {
    return this.client.request<AbSnapshot>({ type: 'ab-step', requests });
  }

  bench(request: AdRequestContext, runs: number, candidates: number) {
    return this.client.request<AdBenchResult>({ type: 'bench', request, runs, candidates });
  }

  dispose() {
    this.client.dispose();
  }
}

'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import {
  VARIANT_PARAMS,
  variantFromParams,
  variantToParams,
  type AdVariantSpec,
} from '@/case-studies/ad-click/variant';
import { AdTrainingPanels } from '@/components/case-studies/ad-click/AdTrainingPanels';
import { BENCH_CASE_IDS, type BenchCaseId } from '@/lib/bench/cases';
import type { ProviderChoice } from '@/lib/runtime/protocol';
import { BenchPanel } from './BenchPanel';
import { ParityPanel } from './ParityPanel';
import { ModelsPanel } from './ModelsPanel';
import { RuntimePanel } from './RuntimePanel';
import { useMlClient } from './useMlClient';

/** Settings come from the URL, so a configuration is a link: ?provider=webgpu&autorun=1&cases=ranker&quick=1 */
export function EngineRoom() {
  const params = useSearchParams();
  const provider = (
    ['auto', 'wasm', 'webgpu'].includes(params.get('provider') ?? '')
      ? params.get('provider')
      : 'auto'
  ) as ProviderChoice;
  const casesParam = params.get('cases');
  const cases = useMemo(
    () =>
      casesParam
        ? (casesParam
            .split(',')
            .filter((c) => (BENCH_CASE_IDS as string[]).includes(c)) as BenchCaseId[])
        : BENCH_CASE_IDS,
    [casesParam],
  );
  const { client, status } = useMlClient(provider);
  const [adRanker, setAdRanker] = useState<string | null>(null);
  const variant = useMemo(() => variantFromParams((k) => params.get(k)), [params]);
  return (
    <>
      <RuntimePanel client={client} status={status} initialChoice={provider} />
      <ModelsPanel client={client} status={status} />
      <ParityPanel provider={provider === 'webgpu' ? 'webgpu' : 'wasm'} />
      <BenchPanel
        autorun={params.get('autorun') === '1'}
        initialCases={cases}
        quick={params.get('quick') === '1'}
      />
      {/* Until the ad page hosts them: the ad ranker's training what-ifs and versions. */}
      {variant.notices.map((n) => (
        <p key={n} role="status">
          {n}
        </p>
      ))}
      <AdTrainingPanels
        seed={1}
        onActivated={setAdRanker}
        initialSpec={variant.spec}
        onSpecChange={keepVariantInUrl}
      />
      {adRanker && (
        <p role="status" data-testid="adtrain-activated">
          The ad system now ranks with {adRanker}.
        </p>
      )}
    </>
  );
}

/** The ad training variant's settings in the URL, the page's other settings kept. */
function keepVariantInUrl(spec: AdVariantSpec) {
  const url = new URL(window.location.href);
  for (const key of Object.values(VARIANT_PARAMS)) url.searchParams.delete(key);
  for (const [k, v] of Object.entries(variantToParams(spec))) url.searchParams.set(k, v);
  window.history.replaceState(window.history.state, '', url);
}

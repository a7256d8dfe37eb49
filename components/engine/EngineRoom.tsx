'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
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
    </>
  );
}

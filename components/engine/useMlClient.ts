'use client';

import { useEffect, useState } from 'react';
import type { ProviderChoice } from '@/lib/runtime/protocol';
import { MlClient, type ClientStatus } from '@/components/ml/ml-client';

/** One ML worker for the page, started with the provider from the URL and closed on unmount. */
export function useMlClient(initialChoice: ProviderChoice) {
  // Created lazily on the client only: a worker cannot exist during static rendering.
  const [client] = useState<MlClient | null>(() =>
    typeof window === 'undefined' ? null : new MlClient(),
  );
  const [status, setStatus] = useState<ClientStatus>({ state: 'starting' });
  useEffect(() => {
    if (!client) return;
    const off = client.onStatus(setStatus);
    client.init(initialChoice).catch(() => undefined);
    return () => {
      off();
      client.dispose();
    };
  }, [client, initialChoice]);
  return { client, status };
}

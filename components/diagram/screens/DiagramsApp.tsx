'use client';

import { useSearchParams } from 'next/navigation';
import { useSyncExternalStore } from 'react';
import { SHARE_PARAM } from '@/lib/diagram';
import { LibraryProvider } from '../library/LibraryProvider';
import { EditorScreen } from './EditorScreen';
import { LibraryView } from './LibraryView';
import { ReferenceScreen, SharedScreen } from './ReadOnlyScreens';

function subscribeHash(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The URL fragment (never sent to the server); empty while prerendering. */
export function useHash(): string {
  return useSyncExternalStore(
    subscribeHash,
    () => window.location.hash,
    () => '',
  );
}

export function isShareHash(hash: string): boolean {
  return new RegExp(`^#(?:.*&)?${SHARE_PARAM}=`).test(hash);
}

/**
 * /diagrams/ in one page: `#d=…` a shared diagram (read-only), `?ref=…` a reference architecture,
 * `?id=…` one of the learner's diagrams in the editor, and otherwise the list of diagrams.
 * `&render=all|visible` forces how the canvas renders big diagrams (scripts/bench-diagram.ts).
 */
export function DiagramsApp() {
  const params = useSearchParams();
  const hash = useHash();
  const id = params.get('id');
  const ref = params.get('ref');
  // `?render=all|visible` overrides React Flow's only-render-what-is-visible switch (bench).
  const render = params.get('render');
  const visibleOnly = render === 'all' ? false : render === 'visible' ? true : undefined;
  let screen;
  if (isShareHash(hash)) screen = <SharedScreen fragment={hash} />;
  else if (ref) screen = <ReferenceScreen caseId={ref} />;
  else if (id) screen = <EditorScreen key={id} id={id} visibleOnly={visibleOnly} />;
  else screen = <LibraryView />;
  return <LibraryProvider>{screen}</LibraryProvider>;
}

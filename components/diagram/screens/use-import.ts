'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { MAX_TEXT_CHARS, importDiagramText, type DiagramImport } from '@/lib/diagram';
import { useLibraryApi } from '../library/LibraryProvider';

/** Reads a picked or dropped file through the one gate (restoreDiagram, via importDiagramText). */
export async function readDiagramFile(file: File): Promise<DiagramImport> {
  // UTF-8 uses at most 4 bytes a character: anything bigger cannot be a diagram file.
  if (file.size > MAX_TEXT_CHARS * 4)
    return {
      ok: false,
      error: {
        code: 'too-large',
        message: `This file is ${(file.size / 1e6).toFixed(1)} MB, far more than any diagram. Is it the right file?`,
      },
    };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return {
      ok: false,
      error: { code: 'unsupported-file', message: 'This file could not be read.' },
    };
  }
  return importDiagramText(text);
}

export function diagramHref(id: string): string {
  return `/diagrams/?id=${encodeURIComponent(id)}`;
}

/** Opens a file as a new diagram (never over an existing one) and shows what restore repaired. */
export function useImportFile() {
  const library = useLibraryApi();
  const router = useRouter();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const importFile = useCallback(
    async (file: File) => {
      setError('');
      setBusy(true);
      try {
        const result = await readDiagramFile(file);
        if (!result.ok) {
          setError(result.error.message);
          return;
        }
        const outcome = await library.getState().create(result.diagram, {
          title: `Opened “${file.name}” as a new diagram.`,
          lines: result.problems,
        });
        if (!outcome.ok) setError(outcome.message);
        else router.push(diagramHref(outcome.id));
      } finally {
        setBusy(false);
      }
    },
    [library, router],
  );

  return { importFile, error, busy };
}

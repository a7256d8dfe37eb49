import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DiagramsApp } from '@/components/diagram/screens/DiagramsApp';

export const metadata: Metadata = {
  title: 'Architecture diagrams',
  description:
    'Draw ML system architectures: the request path, data and training flows, online and offline parts. Saved in your browser; share as a link, an image or a file.',
};

export default function DiagramsPage() {
  return (
    <Suspense fallback={<p style={{ padding: 24 }}>Loading the diagram editor…</p>}>
      <DiagramsApp />
    </Suspense>
  );
}

import type { Metadata } from 'next';
import { EmbedApp } from '@/components/diagram/screens/EmbedApp';

export const metadata: Metadata = {
  title: 'Embedded diagram',
  description: 'An MLSD Lab architecture diagram, read-only.',
  robots: { index: false },
};

export default function EmbedPage() {
  return <EmbedApp />;
}

import type { Metadata } from 'next';
import { MockSessionApp } from '@/components/mock/MockSessionApp';

export const metadata: Metadata = {
  title: 'Mock interview in progress',
  description: 'The timer, your notes and diagram, and the interviewer.',
};

export default function MockSessionPage() {
  return <MockSessionApp />;
}

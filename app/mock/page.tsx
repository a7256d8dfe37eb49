import type { Metadata } from 'next';
import { Suspense } from 'react';
import { MockHome } from '@/components/mock/MockHome';

export const metadata: Metadata = {
  title: 'Mock interview',
  description:
    'A timed 45-minute ML system design mock with a scripted interviewer, self-grading and a step-by-step comparison with the reference solution.',
};

export default function MockPage() {
  return (
    <Suspense fallback={<p style={{ padding: 24 }}>Loading the mock interview…</p>}>
      <MockHome />
    </Suspense>
  );
}

import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EngineRoom } from '@/components/engine/EngineRoom';
import styles from '@/components/home/home.module.css';

export const metadata: Metadata = {
  title: 'Engine room',
  description:
    'The in-browser ML engine behind the case studies: execution provider, export check and benchmarks on your machine.',
};

export default function EnginePage() {
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>Engine room</h1>
        <p>
          Every case study trains its models with TensorFlow.js, exports them to ONNX and serves
          them with onnxruntime-web in a worker. Here you can see which execution provider your
          browser uses, check that exported models match the originals, and measure the engine on
          your own machine.
        </p>
      </section>
      <Suspense fallback={<p>Loading…</p>}>
        <EngineRoom />
      </Suspense>
    </div>
  );
}

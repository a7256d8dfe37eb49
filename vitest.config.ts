import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    environment: 'node',
    include: [
      'lib/**/*.test.ts',
      'case-studies/**/*.test.ts',
      'scripts/**/*.test.ts',
      'components/**/*.test.ts',
    ],
    testTimeout: 60_000,
  },
});

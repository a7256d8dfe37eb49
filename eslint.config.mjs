import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import nextPlugin from '@next/eslint-plugin-next';
import globals from 'globals';

// The import direction the codebase relies on: a pure core (lib/, case-studies/) that runs in
// Node, a UI layer (components/) on top, and routes (app/) on top of that.
const uiPackages = ['react', 'react-dom', 'react/*', 'react-dom/*', 'next', 'next/*', '@xyflow/*'];
const coreRule = {
  patterns: [
    {
      group: uiPackages,
      message: 'lib/ and case-studies/ are the pure core: no React, Next or UI libraries.',
    },
    {
      group: ['@/components/*', '@/app/*', '**/components/*', '**/app/*'],
      message: 'The core must not import UI or routes.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'out/',
      'public/',
      'test-results/',
      'playwright-report/',
      'next-env.d.ts',
      'bench/results/',
      '**/*.tmp.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // `import { type X }` keeps the module as a side-effect import: a page could end up
      // bundling TF.js for one type. `import type` drops it.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@next/next': nextPlugin },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    files: ['lib/**/*.ts', 'case-studies/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreRule],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The core runs in Node: take what you need as an argument.' },
        { name: 'document', message: 'The core runs in Node: no DOM.' },
        { name: 'localStorage', message: 'The core runs in Node: pass a storage adapter in.' },
      ],
    },
  },
  {
    files: ['lib/**/*.tsx', 'case-studies/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'No .tsx in the pure core: JSX belongs in components/.' },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '**/app/*'], message: 'components/ never import routes (app/).' },
          ],
        },
      ],
    },
  },
);

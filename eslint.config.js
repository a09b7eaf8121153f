// Lint for the whole tree. Type-unaware rules only: fast enough to run on every `npm test`; the type checker (tsc)
// already covers what type-aware rules would add.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layering } from './scripts/lint/layering.js';
import { persistenceBoundary } from './scripts/lint/persistence-boundary.js';
import { testBoundary } from './scripts/lint/test-boundary.js';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-h5/**',
      '**/.swc/**',
      '**/coverage/**',
      'test-artifacts/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['client-sidebar/src/**/*.{ts,tsx}', 'client-miniprogram/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // tests, stand-ins and scripts read arbitrary JSON from the wire; `any` there is the honest type
    files: [
      '**/test/**',
      '**/*.test.{ts,tsx}',
      'dev-services/**',
      'server/bench/**',
      'server/soak/**',
      'server/eval/**',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // injected into the page by the stand-in's JS bridge: runs in the browser
    files: ['dev-services/src/wecom-standin/jsbridge.browser.js'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  ...persistenceBoundary,
  ...layering,
  ...testBoundary,
  prettier,
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { boundariesConfig } from './eslint.boundaries.js';

const electronImport = {
  paths: [
    { name: 'electron', message: 'core, shared and the renderer never import electron: the core runs in plain Node, the renderer in a sandbox.' },
  ],
  patterns: [{ group: ['electron/*'], message: 'core, shared and the renderer never import electron.' }],
};

export default tseslint.config(
  // tests/lint-fixtures: deliberately wrong imports, linted by tests/unit/lint/boundaries.test.ts at virtual paths.
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**', 'tests/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layers and core modules: see docs/architecture.md. core/shared must load without Electron.
  boundariesConfig,
  {
    files: ['src/main/core/**/*.{ts,tsx}', 'src/shared/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', electronImport] },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            ...electronImport.patterns,
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', 'node:*'], message: 'shared imports nothing but itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            ...electronImport.patterns,
            { group: ['**/main/**', '**/preload/**', 'node:*'], message: 'the renderer talks only through the typed client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.browser.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Playwright fixtures must destructure their (unused) dependencies with `{}`.
  {
    files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronImport = {
  paths: [
    { name: 'electron', message: 'core and shared run in plain Node and the browser: never import electron here.' },
  ],
  patterns: [{ group: ['electron/*'], message: 'core and shared never import electron.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layer rule: see DESIGN.md. core/shared must load without Electron.
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
          patterns: [{ group: ['**/main/**', '**/preload/**', 'node:*'], message: 'the renderer talks only through the typed client.' }],
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

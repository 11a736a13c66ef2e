import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import layering, as in the design: shared imports nothing, renderer only shared, only main/preload import electron. */
const NODE_MODULES = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'zlib', 'stream', 'util', 'url', 'http', 'https', 'net', 'events', 'worker_threads'];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'bench/results/**', 'test/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: NODE_MODULES, message: 'shared/ is pure: no Node APIs.' },
      { group: ['electron', 'react', 'react-dom', '@duckdb/*', '**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing outside shared/.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: restrict([
      { group: NODE_MODULES, message: 'The renderer runs sandboxed: no Node APIs.' },
      { group: ['electron', '@duckdb/*', '**/electron/**'], message: 'The renderer talks to the engine only through the typed client (shared/api).' },
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: restrict([
      { group: ['electron'], message: 'Only electron/main and electron/preload import electron; the engine, CLI and server run without it.' },
      { group: ['**/renderer/**'], message: 'electron/ code never imports the renderer.' },
    ]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([{ group: ['@duckdb/*', '**/engine/**', ...NODE_MODULES], message: 'The preload exposes the contract only.' }]),
  },
  {
    files: ['**/*.js', '**/*.mjs', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);

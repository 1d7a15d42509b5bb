// Type-aware lint with the layering rules of DESIGN.md §2:
// src-shared imports neither Node nor React; renderer and main never import
// each other; only src-main/electron may import electron.
import tseslint from 'typescript-eslint';

const node = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'Node-only modules belong in src-main.' };
const react = { group: ['react', 'react-*', 'react/*', '@tanstack/*', 'zustand', 'lexical', '@lexical/*', 'd3', 'd3-*'], message: 'UI libraries belong in src-renderer.' };
const electron = { group: ['electron', 'electron/*', 'electron-log', 'electron-log/*'], message: 'Only src-main/electron may use Electron.' };
const mainCode = { group: ['**/src-main/**'], message: 'The renderer talks to main only through the bridge.' };
const rendererCode = { group: ['**/src-renderer/**'], message: 'Main must not import renderer code.' };

export default tseslint.config(
  { ignores: ['.scratch/**', 'bin/**', 'out/**', 'dist/**', 'node_modules/**', '.tools/**', 'test-output/**', 'migrations/**', 'bench/results/**', 'bench/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  { files: ['src-shared/**'], rules: { 'no-restricted-imports': ['error', { patterns: [node, react, electron, mainCode, rendererCode] }] } },
  { files: ['src-renderer/**'], rules: { 'no-restricted-imports': ['error', { patterns: [node, electron, mainCode] }] } },
  { files: ['src-main/**'], ignores: ['src-main/electron/**'], rules: { 'no-restricted-imports': ['error', { patterns: [react, electron, rendererCode] }] } },
  { files: ['src-main/electron/**'], rules: { 'no-restricted-imports': ['error', { patterns: [react, rendererCode] }] } },
  { files: ['eslint.config.js', 'bin/**'], ...tseslint.configs.disableTypeChecked },
);

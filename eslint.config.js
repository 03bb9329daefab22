// Lint rules, and the layer rules that keep the architecture honest:
// - the renderer imports nothing from electron/ but the shared contract's types, and no Node;
// - the core and the shared contract never import Electron;
// - only the IPC wrapper files (electron/main/ipc.ts, electron/preload/preload.ts) touch ipcMain/ipcRenderer;
// - what every page loads first (the preload, the web shell's page bridges) carries the zod-free
//   channel table only: no zod, nothing but types from the contract (validation stays in main).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'worker_threads'];
const ipcWrappers = ['electron/main/ipc.ts', 'electron/preload/preload.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Only the IPC wrapper files touch ipcMain/ipcRenderer.' },
          ],
        },
      ],
    },
  },
  { files: ipcWrappers, rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports Electron: use window.kiosk.' }],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs without Node.' },
            { group: ['ws', 'zod'], message: 'The renderer does no networking or validation of its own: main does.' },
            {
              group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/web/**'],
              message: 'Bad layering: the renderer may import only the shared contract types from electron/.',
            },
            {
              group: ['**/electron/shared/**'],
              allowTypeImports: true,
              message: 'Bad layering: import only types (import type) from the shared contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/shared/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The core runs under plain Node (the web shell): no Electron here.' }] },
      ],
    },
  },
  {
    files: ['electron/shared/**/*.ts', 'electron/web/page-bridge.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Shared code runs in pages too: no Electron here.' }],
          patterns: [{ group: nodeBuiltins, message: 'Shared code runs in pages too: no Node here.' }],
        },
      ],
    },
  },
  {
    files: [
      'electron/preload/**/*.ts',
      'electron/web/page-bridge.ts',
      'electron/web/capture-bridge.ts',
      'electron/web/ws-transport.ts',
      'electron/shared/kiosk-api.ts',
      'electron/shared/channels.ts',
      'electron/shared/key-policy.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['zod', 'zod/*'], message: 'Pages load this first: no validation here, main parses every argument.' },
            {
              group: ['**/shared/contract', '**/shared/scanner-state', './contract', './scanner-state'],
              allowTypeImports: true,
              message: 'Pages load this first: take channels from the zod-free channels.ts, and only types from the contract.',
            },
          ],
        },
      ],
    },
  },
);

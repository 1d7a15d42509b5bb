import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// main and preload run in Node/Electron; the renderer is a plain web bundle
// served from app:// (Electron) or routed by the browser harness (tests).
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // The import, report, agreement and exchange workers are their own entries, loaded beside index.js.
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          'import-worker': resolve('src-main/import/worker.ts'),
          'report-worker': resolve('src-main/analysis/render/worker.ts'),
          'agreement-worker': resolve('src-main/agreement/worker.ts'),
          'exchange-worker': resolve('src-main/exchange/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
      sourcemap: true,
    },
  },
});

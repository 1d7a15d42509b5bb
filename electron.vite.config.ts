import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import optimizeLocales from '@react-aria/optimize-locales-plugin';

// main and preload run in Node/Electron; the renderer is a plain web bundle
// served from app:// (Electron) or routed by the browser harness (tests).
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // The engine (utility process; ADR 0028) and the import, report, agreement and exchange workers are their
      // own entries, loaded beside index.js.
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          engine: resolve('src-main/engine/entry.ts'),
          'import-worker': resolve('src-main/import/worker.ts'),
          'report-worker': resolve('src-main/analysis/render/worker.ts'),
          'agreement-worker': resolve('src-main/agreement/worker.ts'),
          'exchange-worker': resolve('src-main/exchange/worker.ts'),
          'pseudonymise-worker': resolve('src-main/pseudonymise/worker.ts'),
          // The `duiding` command, bundled so it starts without type-stripping the source tree (issue 12 §3;
          // bin/duiding.mjs runs it when it is newer than every source file).
          cli: resolve('src-main/cli/main.ts'),
        },
        // Shared code (main and engine both use the database and services) goes into chunks beside the entries, not
        // in a chunks/ folder: paths relative to import.meta.url (migrations/, the worker entries) must resolve the
        // same from every bundled file.
        output: { chunkFileNames: '[name]-[hash].js' },
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
    // react-aria carries its built-in strings (aria labels, announcements) for
    // 30+ locales; the app speaks Dutch and English only (App.tsx gives
    // react-aria the app language through I18nProvider), so the others go.
    plugins: [optimizeLocales.vite({ locales: ['nl', 'en'] }), react()],
    build: {
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
      // Shipped to users: minified, without source maps (ADR 0022). Lexical,
      // d3 and the analysis views are split off by React.lazy; the first
      // chunk is checked to stay under 600 kB (test/e2e/renderer-bundle.test.ts).
      // DUIDING_UNMINIFIED=1 keeps names readable for a profile (bench/reader.ts PROFILE=…).
      minify: process.env.DUIDING_UNMINIFIED !== '1',
      sourcemap: false,
    },
  },
});

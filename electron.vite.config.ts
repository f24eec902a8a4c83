import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const { optionalDependencies = {} } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };

export default defineConfig({
  main: {
    build: {
      // Dependencies stay outside the bundle (native modules are unpacked from asar), optional ones
      // too (electron-vite only counts `dependencies`): a bundled native binding looks for its
      // .node file from the wrong folder. talisman is bundled: its deep imports have no extension,
      // which Node's ESM resolution refuses.
      externalizeDeps: { include: Object.keys(optionalDependencies), exclude: ['talisman'] },
      // The PC/SC worker is a second entry (Electron starts it as a utility process), the import's
      // parser thread a third, the long-job thread (import, reconciliation) a fourth and the
      // reconciliation's register-screen helper a fifth, named as the core looks for them next to
      // the main bundle.
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          pcscWorker: resolve('src/core/cards/pcsc/runPcscWorker.ts'),
          runSourceParserThread: resolve('src/core/import/runSourceParserThread.ts'),
          runJobWorker: resolve('src/core/jobs/runJobWorker.ts'),
          runRegisterScreenThread: resolve('src/core/reconcile/runRegisterScreenThread.ts'),
        },
        // Shared chunks beside the entries: code that finds a thread's script next to itself
        // (new URL('./x.js', import.meta.url)) finds it there, not under chunks/.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require("electron"): bundle everything else, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts'), fidoCeremony: resolve('src/preload/fidoCeremony.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()],
  },
});

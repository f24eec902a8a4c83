import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // Native modules and their loaders stay outside the bundle (unpacked from asar).
      externalizeDeps: true,
      // The PC/SC worker is a second entry (Electron starts it as a utility process), the import's
      // parser thread a third, named as the core looks for it next to the main bundle.
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          pcscWorker: resolve('src/core/cards/pcsc/runPcscWorker.ts'),
          runSourceParserThread: resolve('src/core/import/runSourceParserThread.ts'),
        },
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

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { firstScreenStyles } from './renderer/build/first-screen-styles';
import { rendererBuild, rendererWorker } from './renderer/vite.config';

export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } } },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules: it must be one CommonJS file.
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), firstScreenStyles()],
    worker: rendererWorker,
    build: {
      ...rendererBuild,
      // electron-vite leaves the renderer unminified by default: twice the code to parse at every start.
      minify: true,
      outDir: 'out/renderer',
      rolldownOptions: { ...rendererBuild.rolldownOptions, input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});

import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type BuildEnvironmentOptions } from 'vite';
import { firstScreenStyles } from './build/first-screen-styles';

/**
 * The heavy libraries each get a chunk of their own with a fixed name, loaded only by the dynamic
 * imports of the features that use them. Their names let tests/unit/build/startup-chunk.test.ts
 * check, from the build's manifest, that none of them is part of start-up. Every chunk is a file
 * of the build, so nothing is fetched from the network.
 */
export const HEAVY_CHUNKS = {
  exceljs: /[\\/]node_modules[\\/]exceljs[\\/]/,
  docx: /[\\/]node_modules[\\/]docx[\\/]/,
  liquidjs: /[\\/]node_modules[\\/]liquidjs[\\/]/,
} as const;

export type HeavyChunk = keyof typeof HEAVY_CHUNKS;

const heavyGroups = [
  ...Object.entries(HEAVY_CHUNKS).map(([name, test]) => ({ name: `vendor-${name}`, test, priority: 10 })),
  // A chunk of its own that imports nothing heavy, so it runs first (the startup chunk below imports
  // it first): the first screen's code is then fetched before React and antd have even been evaluated.
  {
    name: 'first-screen-code',
    test: /renderer[\\/]src[\\/](app[\\/](first-screen-code|first-screen-shown|page-code)|db[\\/]schema)\.ts$/,
    priority: 20,
  },
];

/**
 * The rest of the start-up code as one chunk: what the entry imports statically, at any depth, which
 * the page fetches and runs before anything shows in any case. Left to the bundler, it was some two
 * dozen chunks of a few hundred bytes to 290 KB: the pages are imported by first-screen-code's chunk,
 * which imports nothing, so the bundler cannot count on the entry's modules being loaded when a page
 * is and cut out of them every module a page shares. The page must fetch them all (over a web server
 * six at a time) before any of them runs. Not captured: the entry's own script and its styles (main.tsx
 * and its CSS stay the entry's) and what a group above takes. first-screen-code's chunk still runs
 * before React and antd: this chunk imports it first, after the bundler's runtime (startup-chunk.test.ts).
 */
const startupGroup = {
  name: 'startup',
  tags: ['$initial' as const],
  test: (id: string) => !/renderer[\\/](index\.html|src[\\/]main\.tsx)$|\.css($|\?)/.test(id),
  priority: 5,
};

function chunkGroups<G>(groups: readonly G[]) {
  return { output: { codeSplitting: { groups: [...groups] } } };
}

/** Workers are ES modules, so the office worker loads each library only when an operation needs it. */
export const rendererWorker = { format: 'es' as const, rolldownOptions: chunkGroups(heavyGroups) };

export const rendererBuild: BuildEnvironmentOptions = {
  // Read by the start-up chunk test; harmless in the shipped app.
  manifest: true,
  chunkSizeWarningLimit: 1200,
  rolldownOptions: chunkGroups([...heavyGroups, startupGroup]),
};

/** Web mode: the same renderer in a plain browser (`npm run web`), which end-to-end tests drive. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), firstScreenStyles()],
  worker: rendererWorker,
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: { ...rendererBuild, outDir: fileURLToPath(new URL('../dist-web', import.meta.url)), emptyOutDir: true },
});

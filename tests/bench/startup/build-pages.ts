import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'vite';

/** The web build as `npm run build` makes it (into dist-web). */
export function buildWeb(): void {
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });
}

/** The Electron renderer as `npm run build` makes it (into out/renderer). */
export function buildElectron(): void {
  execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
}

/** The benchmark's own pages: the bare React + antd shell, the seeding page and a blank page. */
export async function buildBenchPages(outDir: string): Promise<void> {
  const root = resolve('tests/bench/startup');
  await build({
    root,
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: { baseline: join(root, 'baseline.html'), seed: join(root, 'seed.html'), blank: join(root, 'blank.html') } },
    },
  });
}

import { build as electronViteBuild } from 'electron-vite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAVY_CHUNKS, type HeavyChunk } from '../../../renderer/vite.config';

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** What the page runs before anything shows: the entry chunk and every chunk it imports statically. */
function startupChunks(manifest: Manifest): Set<string> {
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...(manifest[key]?.imports ?? []));
  }
  return seen;
}

/** Every chunk the app can load at all, start-up and dynamic imports followed. */
function reachableChunks(manifest: Manifest): Set<string> {
  const seen = new Set<string>();
  const stack = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...(manifest[key]?.imports ?? []), ...(manifest[key]?.dynamicImports ?? []));
  }
  return seen;
}

function heavyChunk(manifest: Manifest, library: HeavyChunk): string {
  const keys = Object.keys(manifest).filter((k) => manifest[k]?.name === `vendor-${library}`);
  expect(keys, `one chunk of ${library} in the build`).toHaveLength(1);
  return keys[0]!;
}

const LIBRARIES = Object.keys(HEAVY_CHUNKS) as HeavyChunk[];
const outDir = mkdtempSync(join(tmpdir(), 'ub-startup-chunk-'));
const builds: Record<'web' | 'electron', Manifest> = { web: {}, electron: {} };

beforeAll(async () => {
  await build({ configFile: 'renderer/vite.config.ts', logLevel: 'silent', build: { outDir: join(outDir, 'web'), emptyOutDir: true } });
  builds.web = readManifest(join(outDir, 'web'));
  await electronViteBuild({ configFile: 'electron.vite.config.ts', logLevel: 'silent', build: { outDir: join(outDir, 'electron') } });
  builds.electron = readManifest(join(outDir, 'electron', 'renderer'));
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/**
 * The app must open fast on an old office PC: the code that runs before the first screen holds
 * neither the spreadsheet library (exceljs), nor the Word writer (docx), nor the template engine
 * (LiquidJS). They load where they are used, as chunks of the build (so offline use is unchanged).
 */
describe.each(['web', 'electron'] as const)('the %s renderer build', (kind) => {
  it.each(LIBRARIES)('keeps %s out of the start-up chunks', (library) => {
    const manifest = builds[kind];
    const startup = startupChunks(manifest);
    expect(startup.size).toBeGreaterThan(0);
    expect([...startup]).not.toContain(heavyChunk(manifest, library));
  });

  it.each(LIBRARIES)('ships %s as a chunk the app loads when needed', (library) => {
    const manifest = builds[kind];
    expect(reachableChunks(manifest)).toContain(heavyChunk(manifest, library));
  });
});

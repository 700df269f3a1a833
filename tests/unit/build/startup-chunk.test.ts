import { build as electronViteBuild } from 'electron-vite';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWN_KEY } from '../../../renderer/src/app/first-screen-shown';
import { HEAVY_CHUNKS, type HeavyChunk } from '../../../renderer/vite.config';

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** What the page runs before anything shows: the entry chunk and every chunk it imports statically. */
function startupChunks(manifest: Manifest): Set<string> {
  return staticClosure(
    manifest,
    Object.keys(manifest).filter((k) => manifest[k]?.isEntry),
  );
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

/** The chunks `from` loads before it runs: itself and every chunk it imports statically. */
function staticClosure(manifest: Manifest, from: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...(manifest[key]?.imports ?? []));
  }
  return seen;
}

function moduleChunk(manifest: Manifest, source: string): string {
  const keys = Object.keys(manifest).filter((k) => k.endsWith(source));
  expect(keys, `one chunk for ${source}`).toHaveLength(1);
  return keys[0]!;
}

/** What each first screen runs: the start-up chunks, then the chunks of the screen's own modules. */
function firstScreens(manifest: Manifest): { firstRun: Set<string>; overview: Set<string> } {
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  return {
    firstRun: staticClosure(manifest, [...entries, moduleChunk(manifest, 'src/features/firstrun/FirstRunPage.tsx')]),
    overview: staticClosure(manifest, [
      ...entries,
      moduleChunk(manifest, 'src/app/Shell.tsx'),
      moduleChunk(manifest, 'src/features/overview/OverviewPage.tsx'),
    ]),
  };
}

/** The form controls only the first-run page shows (its form and the numbers); the 开账 month picker loads after it is painted. */
const FIRST_RUN_FORM_CONTROLS = ['form', 'input-number', 'input'];

function heavyChunk(manifest: Manifest, library: HeavyChunk): string {
  const keys = Object.keys(manifest).filter((k) => manifest[k]?.name === `vendor-${library}`);
  expect(keys, `one chunk of ${library} in the build`).toHaveLength(1);
  return keys[0]!;
}

/** The one chunk of the build named `name` (after its first module). */
function heavyNamed(manifest: Manifest, name: string): string {
  const keys = Object.keys(manifest).filter((k) => manifest[k]?.name === name);
  expect(keys, `one chunk named ${name}`).toHaveLength(1);
  return keys[0]!;
}

/** Text of React Router's data router (its createRouter) that no other part of the library holds. */
const DATA_ROUTER_MARKERS = ['patchRoutesOnNavigation', 'blocker on a POP navigation'];

/** Modules neither first screen uses, which once came into the start-up code through the office worker's client. */
const NOT_AT_START = [
  'src/workers/office.ts',
  'src/workers/rpc.ts',
  'shared/roster/sheet.ts',
  'shared/records/check.ts',
  'shared/records/tables.ts',
];

/** 概览's desk beyond its six figures: its reads, its rules for the to-dos, its views (antd's Progress only they use). */
const OVERVIEW_DESK = [
  'src/features/overview/desk-queries.ts',
  'src/features/overview/OverviewDesk.tsx',
  'src/features/overview/TodoList.tsx',
  'src/features/overview/MoneyCard.tsx',
  'shared/desk/todos.ts',
  'shared/finance/balances.ts',
  'antd/es/progress/progress.js',
];

const LIBRARIES = Object.keys(HEAVY_CHUNKS) as HeavyChunk[];
const outDir = mkdtempSync(join(tmpdir(), 'ub-startup-chunk-'));
const builds: Record<'web' | 'electron', Manifest> = { web: {}, electron: {} };
const outDirs = { web: join(outDir, 'web'), electron: join(outDir, 'electron', 'renderer') };

function bytes(kind: 'web' | 'electron', chunks: Iterable<string>): number {
  let sum = 0;
  for (const key of chunks) sum += statSync(join(outDirs[kind], builds[kind][key]!.file)).size;
  return sum;
}

/** The modules each chunk of the builds holds, by the chunk's path (the manifest names only a chunk's first module). */
const chunkModules = new Map<string, string[]>();
const recordChunkModules: Plugin = {
  name: 'record-chunk-modules',
  generateBundle(options, bundle) {
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk')
        chunkModules.set(
          resolve(options.dir ?? '', chunk.fileName),
          chunk.moduleIds.map((id) => id.replaceAll('\\', '/')),
        );
  },
};

/** The modules the given chunks of a build hold. */
function modulesIn(kind: 'web' | 'electron', chunks: Iterable<string>): string[] {
  return [...chunks].flatMap((key) => chunkModules.get(resolve(outDirs[kind], builds[kind][key]!.file)) ?? []);
}

beforeAll(async () => {
  await build({
    configFile: 'renderer/vite.config.ts',
    logLevel: 'silent',
    plugins: [recordChunkModules],
    build: { outDir: join(outDir, 'web'), emptyOutDir: true },
  });
  builds.web = readManifest(outDirs.web);
  await electronViteBuild({
    configFile: 'electron.vite.config.ts',
    logLevel: 'silent',
    plugins: [recordChunkModules],
    build: { outDir: join(outDir, 'electron') },
  });
  builds.electron = readManifest(outDirs.electron);
  // Each build also renders the first screens' antd components to extract their styles.
}, 300_000);

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

/**
 * Each first screen loads only what it shows: the first run neither the restore flow (it loads on a
 * click, preloaded when idle) nor the pages of a book; 概览 not the first-run form. Beyond the form
 * controls only it shows, the first run loads no more code than 概览.
 */
describe.each(['web', 'electron'] as const)('the first screens of the %s renderer build', (kind) => {
  it('the first run loads neither the restore flow nor the backup reader nor the pages of a book', () => {
    const manifest = builds[kind];
    const { firstRun } = firstScreens(manifest);
    // Chunks are named after their first module: the flow's own hook, the book reader and writer, the pages.
    for (const name of ['RestoreButtons', 'useRestoreFlow', 'book-io', 'Shell', 'OverviewPage']) {
      const chunks = Object.keys(manifest).filter((k) => manifest[k]?.name === name);
      expect(chunks.length, `a chunk named ${name}`).toBeGreaterThan(0);
      for (const chunk of chunks) expect([...firstRun], name).not.toContain(chunk);
    }
  });

  it("neither first screen loads the database's history of versions and its upgrades", () => {
    // A current or new database opens at its current schema alone (src/db/current-database.ts):
    // declaring the eleven versions made Dexie parse every one of them again at each declaration.
    const manifest = builds[kind];
    const history = moduleChunk(manifest, 'src/db/database.ts');
    const { firstRun, overview } = firstScreens(manifest);
    expect([...firstRun]).not.toContain(history);
    expect([...overview]).not.toContain(history);
    expect(reachableChunks(manifest)).toContain(history);
  });

  it("the first run loads neither the 开账 month picker nor the engine's rules for 创建", () => {
    const manifest = builds[kind];
    const { firstRun } = firstScreens(manifest);
    for (const chunk of [
      heavyNamed(manifest, 'date-picker'),
      moduleChunk(manifest, 'src/features/finance/BooksMonthPicker.tsx'),
      heavyNamed(manifest, 'periods'),
    ]) {
      expect([...firstRun]).not.toContain(chunk);
      expect(reachableChunks(manifest)).toContain(chunk);
    }
  });

  it("neither first screen loads React Router's data router", () => {
    // The data router (createHashRouter, useBlocker) was about 54 KB of the minified start-up code; the
    // declarative router and the app's own leave guard (src/components/unsaved/GuardedHashRouter.tsx) do the same here.
    const manifest = builds[kind];
    const { firstRun, overview } = firstScreens(manifest);
    for (const chunk of new Set([...firstRun, ...overview])) {
      const code = readFileSync(join(outDirs[kind], manifest[chunk]!.file), 'utf8');
      for (const marker of DATA_ROUTER_MARKERS) expect(code.includes(marker), `${marker} in ${manifest[chunk]!.file}`).toBe(false);
    }
  });

  it("neither first screen loads the office worker's client, nor through it the roster sheet's reader and the records' declarations", () => {
    // The shell preloads the worker when idle; imported at its top, it brought some 25 KB of the
    // records' declarations and checks (for the errors that cross from the worker) into 概览's start.
    const manifest = builds[kind];
    const { firstRun, overview } = firstScreens(manifest);
    const all = modulesIn(kind, reachableChunks(manifest));
    for (const module of NOT_AT_START) {
      expect(
        all.some((id) => id.endsWith(module)),
        `${module} in the build`,
      ).toBe(true);
      expect(
        modulesIn(kind, firstRun).filter((id) => id.endsWith(module)),
        module,
      ).toEqual([]);
      expect(
        modulesIn(kind, overview).filter((id) => id.endsWith(module)),
        module,
      ).toEqual([]);
    }
  });

  it("概览's first screen loads its six figures, not the rest of its desk", () => {
    // The to-dos, the money and the charts load once the figures have been painted (OverviewDesk.tsx).
    const manifest = builds[kind];
    const { overview } = firstScreens(manifest);
    const modules = modulesIn(kind, overview);
    expect(modules.some((id) => id.endsWith('src/features/overview/figures.ts'))).toBe(true);
    const all = modulesIn(kind, reachableChunks(manifest));
    for (const module of OVERVIEW_DESK) {
      expect(
        all.some((id) => id.endsWith(module)),
        `${module} in the build`,
      ).toBe(true);
      expect(
        modules.filter((id) => id.endsWith(module)),
        module,
      ).toEqual([]);
    }
  });

  it('概览 does not load the first-run page', () => {
    const manifest = builds[kind];
    expect([...firstScreens(manifest).overview]).not.toContain(moduleChunk(manifest, 'src/features/firstrun/FirstRunPage.tsx'));
  });

  it('the first run loads no more than 概览 besides its form controls', () => {
    const manifest = builds[kind];
    const { firstRun, overview } = firstScreens(manifest);
    const controls = [...firstRun].filter((k) => !overview.has(k) && FIRST_RUN_FORM_CONTROLS.includes(manifest[k]?.name ?? ''));
    expect(controls.map((k) => manifest[k]?.name).sort()).toEqual([...FIRST_RUN_FORM_CONTROLS].sort());
    expect(bytes(kind, firstRun) - bytes(kind, controls)).toBeLessThanOrEqual(bytes(kind, overview));
  });
});

/** The order the page runs the chunks `entry` imports statically, as ES modules run: each chunk's imports first, in the order it imports them. */
function evaluationOrder(manifest: Manifest, entry: string): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
    order.push(key);
  };
  visit(entry);
  return order;
}

/**
 * The start-up code is one chunk besides the entry's own script, the bundler's runtime and the chunk
 * that fetches the first screen (renderer/vite.config.ts): each chunk is a request the page must
 * have answered before any of them runs, and left to itself the bundler made some two dozen.
 */
describe.each(['web', 'electron'] as const)('the start-up chunks of the %s renderer build', (kind) => {
  it('are the entry, the runtime, the first screen fetcher and one chunk for the rest', () => {
    const manifest = builds[kind];
    const names = [...startupChunks(manifest)].map((k) => (manifest[k]?.isEntry ? 'entry' : (manifest[k]?.name ?? k)));
    expect(names.sort()).toEqual(['entry', 'first-screen-code', 'rolldown-runtime', 'startup']);
  });
});

/**
 * The first screen's code is fetched as the page starts, not after React and antd have been evaluated
 * and have rendered: the chunk that asks for it (src/app/first-screen-code.ts) runs before any other
 * of the start-up chunks but the bundler's runtime, so it imports no chunk of its own.
 */
describe.each(['web', 'electron'] as const)('the start of the %s renderer build', (kind) => {
  it('runs the chunk that fetches the first screen before React and antd', () => {
    const manifest = builds[kind];
    const starters = Object.keys(manifest).filter((k) => manifest[k]?.name === 'first-screen-code');
    expect(starters, 'one chunk named first-screen-code').toHaveLength(1);
    const starter = starters[0]!;
    const isRuntime = (k: string) => (manifest[k]?.name ?? '').startsWith('rolldown-runtime');
    expect((manifest[starter]?.imports ?? []).filter((k) => !isRuntime(k))).toEqual([]);
    const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry)!;
    expect(evaluationOrder(manifest, entry).filter((k) => !isRuntime(k))[0]).toBe(starter);
    expect(manifest[starter]?.dynamicImports).toEqual(
      expect.arrayContaining([moduleChunk(manifest, 'src/features/firstrun/FirstRunPage.tsx'), moduleChunk(manifest, 'src/app/Shell.tsx')]),
    );
  });
});

/**
 * A profile that showed its book last has its IndexedDB store opened as the page starts
 * (renderer/public/open-book-store.js): a classic script first in the head, which the browser runs as
 * it parses it, before the styles and long before the app's modules, which would ask only once they
 * have all been run. It reads the hint the app writes (src/app/first-screen-shown.ts) by its key.
 */
describe.each(['web', 'electron'] as const)('the page of the %s renderer build', (kind) => {
  it("asks for the profile's databases in a classic script before the styles and the app's code", () => {
    const html = readFileSync(join(outDirs[kind], 'index.html'), 'utf8');
    const first = /<script\b[^>]*>/.exec(html);
    expect(first?.[0]).toMatch(/src="\.\/open-book-store\.js"/);
    expect(first?.[0]).not.toMatch(/type="module"|async|defer/);
    const at = first?.index ?? Infinity;
    expect(at).toBeLessThan(html.indexOf('<style'));
    expect(at).toBeLessThan(html.search(/<link[^>]*stylesheet/));
    expect(at).toBeLessThan(html.indexOf('type="module"'));
    const script = readFileSync(join(outDirs[kind], 'open-book-store.js'), 'utf8');
    expect(script).toMatch(/indexedDB\.databases\(\)/);
    expect(script).toContain(`localStorage.getItem('${SHOWN_KEY}') === 'book'`);
  });
});

/**
 * The first screens' antd styles are a stylesheet of the build (renderer/build/first-screen-styles.ts),
 * loaded with the start-up code, and it tells antd's style engine which styles it holds, so the
 * first screen does not generate them again at run time (tests/e2e/first-screen-styles.spec.ts).
 */
describe.each(['web', 'electron'] as const)('the antd styles of the %s renderer build', (kind) => {
  it("ships the styles of the first screens' components in the start-up stylesheet", () => {
    const manifest = builds[kind];
    const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry)!;
    const css = (manifest[entry]?.css ?? []).map((file) => readFileSync(join(outDirs[kind], file), 'utf8')).join('');
    const held = (/\.data-ant-cssinjs-cache-path\{content:"([^"]*)"/.exec(css)?.[1] ?? '').split(';').map((entry) => entry.split(':')[0]);
    for (const component of ['Spin', 'Modal', 'Layout', 'Menu', 'Form', 'Input', 'Select', 'DatePicker', 'Button', 'Card', 'Statistic']) {
      expect(
        held.some((path) => path?.includes(`|${component}-`)),
        component,
      ).toBe(true);
    }
  });
});

/** The markers must still name the data router in the installed React Router, or the check above proves nothing. */
describe("React Router's data router", () => {
  it('holds the markers the start-up check looks for', async () => {
    const { createHashRouter } = await import('react-router');
    expect(typeof createHashRouter).toBe('function');
    const dir = join('node_modules', 'react-router', 'dist', 'development');
    const chunks = [...readFileSync(join(dir, 'index.mjs'), 'utf8').matchAll(/from "\.\/(chunk-[A-Z0-9]+\.mjs)"/g)].map((m) => m[1]!);
    const code = chunks.map((c) => readFileSync(join(dir, c), 'utf8')).join('\n');
    expect(code).toContain('function createRouter(');
    for (const marker of DATA_ROUTER_MARKERS) expect(code).toContain(marker);
  });
});

import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/sync/app';
import { openPglite, type Database } from '../../../server/sync/db';
import { DASHBOARD_DIR } from '../../../server/sync/runtime';
import { initialiseAdmin } from '../../../server/sync/store/admin';

/** What the dashboard bundle is made of: its own sources, the shared code it imports, and the locked dependencies. */
const DASHBOARD_INPUTS = ['server/dashboard', 'shared', 'package-lock.json'];
/** Inside the output folder, so any other build (which empties it) makes the stamp disappear with it. */
const STAMP = join(DASHBOARD_DIR, '.sources-sha256');

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  const files = DASHBOARD_INPUTS.flatMap(filesUnder)
    .map((f) => relative('.', f))
    .sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/**
 * Builds the dashboard unless the build in dist/dashboard was made from the sources as they are now,
 * so a run of several dashboard specs builds it once, and a second run not at all.
 */
export function ensureDashboardBuilt(): void {
  const wanted = sourcesHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted && existsSync(join(DASHBOARD_DIR, 'index.html'))) return;
  execSync('npx vite build --config server/dashboard/vite.config.ts', { stdio: 'ignore' });
  writeFileSync(STAMP, wanted);
}

export interface UpperServer {
  db: Database;
  server: FastifyInstance;
  /** http://127.0.0.1:<port>, the port chosen by the system. */
  url: string;
  close(): Promise<void>;
}

/**
 * The upper union's server as the specs use it: an in-memory database, listening on loopback,
 * with the first admin's password set and, unless told otherwise, the dashboard built and served.
 */
export async function startUpperServer(options: { adminPassword?: string; dashboard?: boolean } = {}): Promise<UpperServer> {
  const dashboard = options.dashboard ?? true;
  if (dashboard) ensureDashboardBuilt();
  const db = await openPglite();
  const server = await buildServer({ db, dashboardDir: dashboard ? DASHBOARD_DIR : undefined });
  if (options.adminPassword) await initialiseAdmin(db, options.adminPassword);
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  return {
    db,
    server,
    url,
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../../server/sync/db';

/**
 * The server suite runs on every backend it supports: PGlite always, a real PostgreSQL when
 * TEST_DATABASE_URL is set (CI starts one on loopback with tests/ci/postgres.sh).
 */
export interface OpenOptions {
  /** The statement time limit of the database object (server default when absent). */
  statementTimeoutMs?: number;
}

export interface Backend {
  name: string;
  /** A fresh, empty database. */
  fresh(options?: OpenOptions): Promise<Database>;
  /** The same database again, as after a server restart. */
  reopen(): Promise<Database>;
  dispose(): Promise<void>;
}

function pgliteBackend(): Backend {
  let dir = '';
  return {
    name: 'PGlite',
    async fresh(options = {}) {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'ub-sync-'));
      return openPglite(dir, options);
    },
    reopen: () => openPglite(dir),
    async dispose() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Test files run in parallel: each gets a database of its own, made next to the one in the URL. */
function postgresBackend(url: string): Backend {
  let name = '';
  const urlFor = (db: string) => {
    const u = new URL(url);
    u.pathname = `/${db}`;
    return u.toString();
  };
  return {
    name: 'PostgreSQL',
    async fresh(options = {}) {
      if (name) await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      name = `ub_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
      await admin(url, `CREATE DATABASE ${name}`);
      return openPostgres(urlFor(name), 10, options.statementTimeoutMs);
    },
    reopen: () => openPostgres(urlFor(name)),
    async dispose() {
      if (name) await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export function backends(): Backend[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pgliteBackend(), postgresBackend(url)] : [pgliteBackend()];
}

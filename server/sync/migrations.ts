import type { Database, Queryable } from './db';
import {
  STATS_CLASSIFY_ONCE_MIGRATION,
  STATS_FEWER_STATEMENTS_MIGRATION,
  STATS_MEMBERS_READ_ONCE_MIGRATION,
  STATS_MIGRATION,
  STATS_MONEY_IN_ONE_STATEMENT_MIGRATION,
  STATS_MONEY_LOOKED_UP_ONCE_MIGRATION,
  STATS_NUMBERS_AS_STORED_MIGRATION,
  STATS_PARSE_ONCE_MIGRATION,
} from './stats-maintenance';

/**
 * Schema migrations, the same for PGlite and PostgreSQL. Only ever appended: a deployed server
 * runs each unapplied one in order, under an advisory lock so two app servers starting together
 * do not race. A migration is its statements separated by semicolons, or a list of statements when
 * one of them holds semicolons of its own (a function body).
 */
export const MIGRATIONS: readonly (string | readonly string[])[] = [
  `
  CREATE TABLE unions (
    id text PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    last_seq bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_sync_at timestamptz
  );
  CREATE TABLE enrolment_codes (
    code_hash text PRIMARY KEY,
    union_id text NOT NULL REFERENCES unions(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  );
  CREATE TABLE devices (
    id text PRIMARY KEY,
    union_id text NOT NULL REFERENCES unions(id),
    device_id text NOT NULL,
    name text NOT NULL DEFAULT '',
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz
  );
  CREATE TABLE rows (
    union_id text NOT NULL REFERENCES unions(id),
    tbl text NOT NULL,
    row_id text NOT NULL,
    data jsonb NOT NULL,
    field_clocks jsonb NOT NULL,
    seq bigint NOT NULL,
    PRIMARY KEY (union_id, tbl, row_id)
  );
  CREATE INDEX rows_union_seq ON rows (union_id, seq);
  CREATE TABLE applied_changes (
    union_id text NOT NULL REFERENCES unions(id),
    change_id text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (union_id, change_id)
  );
  CREATE TABLE submissions (
    id text PRIMARY KEY,
    union_id text NOT NULL REFERENCES unions(id),
    year int NOT NULL,
    record_id text NOT NULL,
    receipt_number text NOT NULL UNIQUE,
    facts jsonb NOT NULL,
    status text NOT NULL,
    return_reason text NOT NULL DEFAULT '',
    submitted_at timestamptz NOT NULL,
    returned_at timestamptz,
    is_current boolean NOT NULL DEFAULT true
  );
  CREATE INDEX submissions_union_year ON submissions (union_id, year);
  CREATE TABLE submission_documents (
    submission_id text NOT NULL REFERENCES submissions(id),
    idx int NOT NULL,
    name text NOT NULL,
    mime_type text NOT NULL,
    content_base64 text NOT NULL,
    PRIMARY KEY (submission_id, idx)
  );
  CREATE TABLE published (
    id text PRIMARY KEY,
    kind text NOT NULL,
    name text NOT NULL,
    payload jsonb NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE admin (
    id int PRIMARY KEY CHECK (id = 1),
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE admin_sessions (
    token_hash text PRIMARY KEY,
    expires_at timestamptz NOT NULL
  );
  `,
  // Every write to these two tables runs in a transaction that has just locked the union's row,
  // which proves the union exists (unions are never deleted); the per-row foreign key check only
  // repeated that on the hottest path, a first sync of hundreds of thousands of rows.
  `
  ALTER TABLE rows DROP CONSTRAINT rows_union_id_fkey;
  ALTER TABLE applied_changes DROP CONSTRAINT applied_changes_union_id_fkey;
  `,
  // The server never looks inside a row with SQL beyond the dashboard's one filter; it hands rows
  // back as they came. Kept as json (checked text) rather than jsonb, a row is stored and sent
  // without converting to and from the binary form: a third less work for a first sync.
  `
  ALTER TABLE rows ALTER COLUMN data TYPE json USING data::json;
  ALTER TABLE rows ALTER COLUMN field_clocks TYPE json USING field_clocks::json;
  `,
  // A resent change is recognised by its clock (see store/apply.ts), so the log of every change id
  // ever pushed is not needed.
  `
  DROP TABLE applied_changes;
  `,
  // Rows are keyed by a small number per union instead of its 36-character id: both indexes of the
  // largest table shrink, and a first sync writes a tenth less. Keys compare byte by byte (COLLATE
  // "C"): they are ids, and a server initialised with a language's collation would otherwise
  // compare every key by that language's rules.
  `
  ALTER TABLE unions ADD COLUMN key integer GENERATED ALWAYS AS IDENTITY;
  ALTER TABLE unions ADD CONSTRAINT unions_key_key UNIQUE (key);
  CREATE TABLE rows_by_key (
    union_key integer NOT NULL,
    tbl text COLLATE "C" NOT NULL,
    row_id text COLLATE "C" NOT NULL,
    data json NOT NULL,
    field_clocks json NOT NULL,
    seq bigint NOT NULL
  );
  INSERT INTO rows_by_key SELECT u.key, r.tbl, r.row_id, r.data, r.field_clocks, r.seq FROM rows r JOIN unions u ON u.id = r.union_id;
  DROP TABLE rows;
  ALTER TABLE rows_by_key RENAME TO rows;
  ALTER TABLE rows ADD CONSTRAINT rows_pkey PRIMARY KEY (union_key, tbl, row_id);
  CREATE INDEX rows_union_seq ON rows (union_key, seq);
  `,
  // An admin session ends after a spell of inactivity as well as at its absolute expiry.
  `
  ALTER TABLE admin_sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
  `,
  // The backup folder moved from the synced union profile to each device, and pushes no longer
  // store it (shared/sync/change-fields.ts). A folder stored before is removed, so no device is
  // handed a place to write the book to by whoever held another device's token.
  `
  UPDATE rows SET data = (data::jsonb - 'backupFolder')::json, field_clocks = (field_clocks::jsonb - 'backupFolder')::json
  WHERE tbl = 'union' AND data::jsonb ? 'backupFolder';
  `,
  // The organisation tree: 市总工会 → 县（区）总工会 → 乡镇（街道）/产业工会 → …, any depth. Each admin
  // belongs to one organisation and works in its subtree. The root is made here; the admin the
  // server had and every existing union move under it. Sessions of the one-admin table end.
  `
  CREATE TABLE orgs (
    id text PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    parent_id text REFERENCES orgs(id),
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE UNIQUE INDEX orgs_one_root ON orgs ((parent_id IS NULL)) WHERE parent_id IS NULL;
  CREATE INDEX orgs_parent ON orgs (parent_id);
  INSERT INTO orgs (id, code, name) VALUES ('root', 'ROOT', '上级工会');
  CREATE TABLE admins (
    id text PRIMARY KEY,
    org_id text NOT NULL REFERENCES orgs(id),
    name text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  INSERT INTO admins (id, org_id, name, password_hash, created_at) SELECT 'admin', 'root', 'admin', password_hash, created_at FROM admin;
  DROP TABLE admin;
  DELETE FROM admin_sessions;
  ALTER TABLE admin_sessions ADD COLUMN admin_id text NOT NULL REFERENCES admins(id);
  ALTER TABLE unions ADD COLUMN org_id text NOT NULL DEFAULT 'root' REFERENCES orgs(id);
  CREATE INDEX unions_org ON unions (org_id);
  ALTER TABLE published ADD COLUMN org_id text NOT NULL DEFAULT 'root' REFERENCES orgs(id)
  `,
  // Revoking a device: its token stops working on its next request, on every app server. Each app
  // server caches accepted tokens, so a revocation also moves a generation every request reads (one
  // tiny row): a cached token checked under an older generation is checked again in the database.
  `
  ALTER TABLE devices ADD COLUMN revoked_at timestamptz;
  CREATE INDEX devices_union ON devices (union_id);
  CREATE TABLE device_revocations (one boolean PRIMARY KEY DEFAULT true CHECK (one), generation bigint NOT NULL);
  INSERT INTO device_revocations (generation) VALUES (0)
  `,
  // The admins' audit log: who did what, when, from which address, for the organisation it
  // concerns. Append-only: the rules turn an UPDATE or DELETE into nothing, whoever sends it.
  `
  CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    org_id text NOT NULL REFERENCES orgs(id),
    admin_name text NOT NULL,
    action text NOT NULL,
    target text NOT NULL DEFAULT '',
    address text NOT NULL DEFAULT ''
  );
  CREATE INDEX audit_log_org ON audit_log (org_id, at);
  CREATE RULE audit_log_no_update AS ON UPDATE TO audit_log DO INSTEAD NOTHING;
  CREATE RULE audit_log_no_delete AS ON DELETE TO audit_log DO INSTEAD NOTHING
  `,
  // Notice attachments: notices are published items (kind 'notice') sent with every sync answer, so
  // their attachment is kept beside them and fetched only by a device that opens it.
  `
  ALTER TABLE published ADD COLUMN attachment_name text;
  ALTER TABLE published ADD COLUMN attachment_mime text;
  ALTER TABLE published ADD COLUMN attachment_base64 text
  `,
  // Offline transfer packages (docs/offline-packages.md): a device enrolled by file keeps a key its
  // packages and their replies are sealed with, and the number of the last package imported, so an
  // older package after a newer one is refused. Devices enrolled over the network have no key.
  `
  ALTER TABLE devices ADD COLUMN package_key text;
  ALTER TABLE devices ADD COLUMN package_seq bigint NOT NULL DEFAULT 0
  `,
  // Every device gets a package key, so a union enrolled over the network can switch to packages
  // when its network goes. 32 bytes from three random UUIDs (366 random bits) through SHA-256:
  // gen_random_uuid and sha256 are built in, pgcrypto is not.
  `
  UPDATE devices SET package_key = encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'base64')
  WHERE package_key IS NULL AND revoked_at IS NULL
  `,
  // The upward statistics kept as rows change, in the pushing transaction (stats-maintenance.ts),
  // built here from the rows a server already holds.
  STATS_MIGRATION,
  // The kept statistics' trigger functions parse each row's JSON once (a server migrated to 14
  // before that change keeps the same figures, computed more slowly).
  STATS_PARSE_ONCE_MIGRATION,
  // The money step of the trigger functions classifies each changed row once (same figures; half the
  // work of a push of dues payments).
  STATS_CLASSIFY_ONCE_MIGRATION,
  // The trigger functions run the member step only when a member's contributions can change, and
  // one set of upserts only when a sum changes (same figures; a small push runs two statements).
  STATS_FEWER_STATEMENTS_MIGRATION,
  // A push that changes no member or membership row adds its money to the sums in the statement that
  // classifies it (same figures; a push of dues payments runs two statements instead of three).
  STATS_MONEY_IN_ONE_STATEMENT_MIGRATION,
  // The trigger functions take each amount from the parsed row as the numeric it holds instead of
  // printing it as text and parsing it again (same figures; less work a row of money).
  STATS_NUMBERS_AS_STORED_MIGRATION,
  // The member step takes the members a statement wrote from the classifying statement instead of
  // looking each up and parsing it again, and classifies each member's events once (same figures).
  STATS_MEMBERS_READ_ONCE_MIGRATION,
  // Dues payments and entries are classified each by the rules of their own table, each field looked
  // up once in the parsed row, and summed per day before the sign is applied (same figures).
  STATS_MONEY_LOOKED_UP_ONCE_MIGRATION,
];

/** Runs the migrations not yet applied, up to `through` (all of them, except in tests of a migration). */
export async function migrate(db: Database, through = MIGRATIONS.length): Promise<number> {
  // A migration may rewrite every row of a large server: no statement time limit.
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(715001)');
    await q.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = await q.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.map((r) => Number(r.version)));
    let count = 0;
    for (const [i, sql] of MIGRATIONS.entries()) {
      if (applied.has(i + 1) || i >= through) continue;
      const statements = typeof sql === 'string' ? sql.split(';') : sql;
      for (const statement of statements.map((s) => s.trim()).filter(Boolean)) await q.query(statement);
      await q.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
      count++;
    }
    return count;
  }, NO_TIME_LIMIT);
}

const NO_TIME_LIMIT = { statementTimeoutMs: 0 };

/** The highest migration applied to this database (which `migrate` has run on at least once). */
export async function migrationLevel(db: Queryable): Promise<number> {
  const [row] = await db.query<{ level: unknown }>('SELECT coalesce(max(version), 0) AS level FROM schema_migrations');
  return Number(row?.level ?? 0);
}

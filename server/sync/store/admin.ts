import { uuidv7 } from '../../../shared/ids/uuid7';
import { hashPassword, randomToken, sha256, verifyPassword } from '../crypto';
import type { Queryable } from '../db';
import { ROOT_ORG_ID } from './orgs';

/** A session ends this long after login whatever happens, or after ADMIN_IDLE_MINUTES unused. */
const SESSION_HOURS = 12;
export const ADMIN_IDLE_MINUTES = 30;

/** Who an admin session belongs to: everything it may see and change lies in `orgId`'s subtree. */
export interface AdminScope {
  adminId: string;
  name: string;
  orgId: string;
}

/** The login name of the admin created at first start. */
export const FIRST_ADMIN_NAME = 'admin';

export async function isInitialised(db: Queryable): Promise<boolean> {
  return (await db.query('SELECT 1 FROM admins WHERE org_id = $1 LIMIT 1', [ROOT_ORG_ID])).length > 0;
}

/** Sets the root organisation's first admin password once; later calls leave it alone and return false. */
export async function initialiseAdmin(db: Queryable, password: string): Promise<boolean> {
  if (password.length < 8) throw new Error('管理员密码至少 8 位');
  const rows = await db.query(
    `INSERT INTO admins (id, org_id, name, password_hash) SELECT $1, $2, $3, $4
     WHERE NOT EXISTS (SELECT 1 FROM admins WHERE org_id = $2) ON CONFLICT DO NOTHING RETURNING id`,
    [uuidv7(), ROOT_ORG_ID, FIRST_ADMIN_NAME, await hashPassword(password)],
  );
  return rows.length > 0;
}

/** A login without a name is the root's first admin's, as it was when the server had a single admin. */
export async function adminLogin(db: Queryable, password: string, idleMinutes = ADMIN_IDLE_MINUTES, name?: string): Promise<string | null> {
  const rows = name
    ? await db.query<{ id: string; password_hash: string }>('SELECT id, password_hash FROM admins WHERE name = $1', [name])
    : await db.query<{ id: string; password_hash: string }>(
        'SELECT id, password_hash FROM admins WHERE org_id = $1 ORDER BY created_at, id LIMIT 1',
        [ROOT_ORG_ID],
      );
  const admin = rows[0];
  if (!admin || !(await verifyPassword(password, admin.password_hash))) return null;
  const token = randomToken();
  await db.query('DELETE FROM admin_sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(mins => $1::int)', [
    idleMinutes,
  ]);
  await db.query(
    `INSERT INTO admin_sessions (token_hash, admin_id, expires_at) VALUES ($1, $2, now() + interval '${SESSION_HOURS} hours')`,
    [sha256(token), admin.id],
  );
  return token;
}

/** The session's admin while it is open; using it keeps it open for another spell of `idleMinutes`. */
export async function checkAdminSession(db: Queryable, token: string, idleMinutes = ADMIN_IDLE_MINUTES): Promise<AdminScope | null> {
  const rows = await db.query<{ admin_id: string; name: string; org_id: string }>(
    `UPDATE admin_sessions s SET last_seen_at = now() FROM admins a
     WHERE a.id = s.admin_id AND s.token_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2::int)
     RETURNING s.admin_id, a.name, a.org_id`,
    [sha256(token), idleMinutes],
  );
  const r = rows[0];
  return r ? { adminId: r.admin_id, name: r.name, orgId: r.org_id } : null;
}

export async function adminLogout(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM admin_sessions WHERE token_hash = $1', [sha256(token)]);
}

/**
 * Changes an admin's own password; the current one must be given. Every other session of the
 * admin ends, so a session opened with the old password (perhaps by someone else) stops working.
 */
export async function changeAdminPassword(
  db: Queryable,
  admin: { adminId: string; token: string },
  current: string,
  next: string,
): Promise<boolean> {
  const rows = await db.query<{ password_hash: string }>('SELECT password_hash FROM admins WHERE id = $1', [admin.adminId]);
  const hash = rows[0]?.password_hash;
  if (!hash || !(await verifyPassword(current, hash))) return false;
  await db.query('UPDATE admins SET password_hash = $2 WHERE id = $1', [admin.adminId, await hashPassword(next)]);
  await db.query('DELETE FROM admin_sessions WHERE admin_id = $1 AND token_hash <> $2', [admin.adminId, sha256(admin.token)]);
  return true;
}

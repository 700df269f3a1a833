import { hashPassword, randomToken, sha256, verifyPassword } from '../crypto';
import type { Queryable } from '../db';

/** A session ends this long after login whatever happens, or after ADMIN_IDLE_MINUTES unused. */
const SESSION_HOURS = 12;
export const ADMIN_IDLE_MINUTES = 30;

export async function isInitialised(db: Queryable): Promise<boolean> {
  return (await db.query('SELECT 1 FROM admin WHERE id = 1')).length > 0;
}

/** Sets the upper union's admin password once; later calls leave it alone and return false. */
export async function initialiseAdmin(db: Queryable, password: string): Promise<boolean> {
  if (password.length < 8) throw new Error('管理员密码至少 8 位');
  const rows = await db.query('INSERT INTO admin (id, password_hash) VALUES (1, $1) ON CONFLICT (id) DO NOTHING RETURNING id', [
    await hashPassword(password),
  ]);
  return rows.length > 0;
}

export async function adminLogin(db: Queryable, password: string, idleMinutes = ADMIN_IDLE_MINUTES): Promise<string | null> {
  const rows = await db.query<{ password_hash: string }>('SELECT password_hash FROM admin WHERE id = 1');
  const stored = rows[0]?.password_hash;
  if (!stored || !(await verifyPassword(password, stored))) return null;
  const token = randomToken();
  await db.query('DELETE FROM admin_sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(mins => $1::int)', [
    idleMinutes,
  ]);
  await db.query(`INSERT INTO admin_sessions (token_hash, expires_at) VALUES ($1, now() + interval '${SESSION_HOURS} hours')`, [
    sha256(token),
  ]);
  return token;
}

/** Whether the session is open; using it keeps it open for another spell of `idleMinutes`. */
export async function checkAdminSession(db: Queryable, token: string, idleMinutes = ADMIN_IDLE_MINUTES): Promise<boolean> {
  const rows = await db.query(
    `UPDATE admin_sessions SET last_seen_at = now()
     WHERE token_hash = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2::int) RETURNING 1`,
    [sha256(token), idleMinutes],
  );
  return rows.length > 0;
}

export async function adminLogout(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM admin_sessions WHERE token_hash = $1', [sha256(token)]);
}

import { uuidv7 } from '../../../shared/ids/uuid7';
import type { AdminOrg } from '../../../shared/sync/admin';
import { hashPassword } from '../crypto';
import type { Queryable } from '../db';
import { ClientError } from './util';

/** The organisation every server has: the first admin's, and the parent of every other. */
export const ROOT_ORG_ID = 'root';

/**
 * The ids of an organisation and every organisation below it, as a CTE named `subtree(id)`.
 * `param` is the placeholder of the top organisation's id. Every admin query that names a union,
 * a submission or an organisation joins this, so an id from outside the subtree finds nothing.
 */
export function subtreeCte(param: string): string {
  return `WITH RECURSIVE subtree(id) AS (
    SELECT id FROM orgs WHERE id = ${param}
    UNION ALL SELECT o.id FROM orgs o JOIN subtree s ON o.parent_id = s.id
  )`;
}

export async function findOrgInSubtree(db: Queryable, top: string, code: string): Promise<AdminOrg | null> {
  const rows = await db.query<{ id: string; code: string; name: string; parent_id: string | null }>(
    `${subtreeCte('$1')} SELECT o.id, o.code, o.name, o.parent_id FROM orgs o JOIN subtree s ON s.id = o.id WHERE o.code = $2`,
    [top, code],
  );
  const r = rows[0];
  return r ? { id: r.id, code: r.code, name: r.name, parentId: r.parent_id } : null;
}

/** An organisation by id (an admin's own, which always exists). */
export async function getOrg(db: Queryable, id: string): Promise<AdminOrg> {
  const rows = await db.query<{ id: string; code: string; name: string; parent_id: string | null }>(
    'SELECT id, code, name, parent_id FROM orgs WHERE id = $1',
    [id],
  );
  const r = rows[0];
  if (!r) throw new ClientError(404, 'no-org', '组织不存在');
  return { id: r.id, code: r.code, name: r.name, parentId: r.parent_id };
}

/** An organisation named by code, refused as missing (404) when it lies outside the caller's subtree. */
export async function requireOrg(db: Queryable, top: string, code: string): Promise<AdminOrg> {
  const org = await findOrgInSubtree(db, top, code);
  if (!org) throw new ClientError(404, 'no-org', `组织不存在：${code}`);
  return org;
}

/** The subtree of `top`, parents before children, each with its depth below `top`. */
export async function listOrgs(db: Queryable, top: string): Promise<(AdminOrg & { depth: number })[]> {
  const rows = await db.query<{ id: string; code: string; name: string; parent_id: string | null; depth: unknown }>(
    `WITH RECURSIVE subtree(id, depth, path) AS (
       SELECT id, 0, ARRAY[code::text] FROM orgs WHERE id = $1
       UNION ALL SELECT o.id, s.depth + 1, s.path || (o.code::text) FROM orgs o JOIN subtree s ON o.parent_id = s.id
     )
     SELECT o.id, o.code, o.name, o.parent_id, s.depth FROM orgs o JOIN subtree s ON s.id = o.id ORDER BY s.path`,
    [top],
  );
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id, depth: Number(r.depth) }));
}

/** A new organisation under `parentCode` (the caller's own organisation when absent), which must lie in the caller's subtree. */
export async function createOrg(
  db: Queryable,
  top: string,
  input: { code: string; name: string; parentCode?: string | undefined },
): Promise<AdminOrg> {
  const parent = input.parentCode ? await requireOrg(db, top, input.parentCode) : { id: top };
  const id = uuidv7();
  const rows = await db.query(
    'INSERT INTO orgs (id, code, name, parent_id) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING RETURNING id',
    [id, input.code, input.name, parent.id],
  );
  if (!rows.length) throw new ClientError(409, 'org-exists', `组织代码已存在：${input.code}`);
  return { id, code: input.code, name: input.name, parentId: parent.id };
}

/** An admin account of an organisation. Names are unique across the server: they are what an admin logs in with. */
export async function createAdmin(
  db: Queryable,
  top: string,
  input: { orgCode: string; name: string; password: string },
): Promise<{ id: string; name: string; org: AdminOrg }> {
  if (input.password.length < 8) throw new ClientError(400, 'weak-password', '管理员密码至少 8 位');
  const org = await requireOrg(db, top, input.orgCode);
  const id = uuidv7();
  const rows = await db.query(
    'INSERT INTO admins (id, org_id, name, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING RETURNING id',
    [id, org.id, input.name, await hashPassword(input.password)],
  );
  if (!rows.length) throw new ClientError(409, 'admin-exists', `管理员名称已存在：${input.name}`);
  return { id, name: input.name, org };
}

/** Whether a union lies in the subtree of `top`. */
export async function unionInSubtree(db: Queryable, top: string, unionId: string): Promise<{ code: string } | null> {
  const rows = await db.query<{ code: string }>(
    `${subtreeCte('$1')} SELECT u.code FROM unions u JOIN subtree s ON s.id = u.org_id WHERE u.id = $2`,
    [top, unionId],
  );
  return rows[0] ?? null;
}

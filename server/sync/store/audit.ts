import type { AuditAction, AuditEntry } from '../../../shared/sync/admin';
import type { Queryable } from '../db';
import { FIRST_ADMIN_NAME } from './admin';
import { ROOT_ORG_ID, subtreeCte } from './orgs';
import { isoOrNull } from './util';

/** Appends one admin action. `orgId` is the organisation it concerns: its admins, and those above, see it. */
export async function recordAudit(
  db: Queryable,
  entry: { orgId: string; admin: string; action: AuditAction; target?: string; address: string },
): Promise<void> {
  await db.query('INSERT INTO audit_log (org_id, admin_name, action, target, address) VALUES ($1, $2, $3, $4, $5)', [
    entry.orgId,
    entry.admin,
    entry.action,
    entry.target ?? '',
    entry.address,
  ]);
}

/** The organisation a login attempt concerns: the named admin's, or the root for a name no admin has. */
export async function loginOrg(db: Queryable, name: string | undefined): Promise<string> {
  const rows = await db.query<{ org_id: string }>('SELECT org_id FROM admins WHERE name = $1', [name ?? FIRST_ADMIN_NAME]);
  return rows[0]?.org_id ?? ROOT_ORG_ID;
}

/** The log of `top`'s subtree, newest first. */
export async function listAudit(db: Queryable, top: string, limit = 200): Promise<AuditEntry[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${subtreeCte('$1')} SELECT a.id, a.at, o.code AS org_code, o.name AS org_name, a.admin_name, a.action, a.target, a.address
     FROM audit_log a JOIN subtree s ON s.id = a.org_id JOIN orgs o ON o.id = a.org_id ORDER BY a.id DESC LIMIT $2`,
    [top, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: isoOrNull(r.at) ?? '',
    org: { code: String(r.org_code), name: String(r.org_name) },
    admin: String(r.admin_name),
    action: String(r.action) as AuditAction,
    target: String(r.target),
    address: String(r.address),
  }));
}

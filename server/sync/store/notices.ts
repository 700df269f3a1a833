import { uuidv7 } from '../../../shared/ids/uuid7';
import type { AdminNotice, AdminOrg } from '../../../shared/sync/admin';
import type { Queryable } from '../db';
import { subtreeCte } from './orgs';
import { forgetPublished, reaching } from './published';
import { iso, json } from './util';

/**
 * A notice is a published item of kind 'notice' whose organisation is the one it was sent to:
 * it reaches every union of that organisation's subtree with their next pull, like a preset.
 */
export async function publishNotice(
  db: Queryable,
  input: {
    fromOrgId: string;
    to: AdminOrg;
    title: string;
    body: string;
    attachment?: { name: string; mimeType: string; base64: string } | undefined;
  },
): Promise<AdminNotice> {
  const id = uuidv7();
  const from = (await db.query<{ name: string }>('SELECT name FROM orgs WHERE id = $1', [input.fromOrgId]))[0]?.name ?? '';
  const a = input.attachment;
  const attachment = a ? { name: a.name, mimeType: a.mimeType, size: Buffer.from(a.base64, 'base64').length } : null;
  const payload = { body: input.body, from, attachment };
  const rows = await db.query<{ published_at: unknown }>(
    `INSERT INTO published (id, kind, name, payload, org_id, attachment_name, attachment_mime, attachment_base64)
     VALUES ($1, 'notice', $2, $3::jsonb, $4, $5, $6, $7) RETURNING published_at`,
    [id, input.title, JSON.stringify(payload), input.to.id, a?.name ?? null, a?.mimeType ?? null, a?.base64 ?? null],
  );
  forgetPublished(db);
  return {
    id,
    title: input.title,
    body: input.body,
    from,
    to: { code: input.to.code, name: input.to.name },
    publishedAt: iso(rows[0]?.published_at),
    attachment,
  };
}

/** The notices sent to the organisations of `top`'s subtree, newest first. */
export async function listNotices(db: Queryable, top: string): Promise<AdminNotice[]> {
  const rows = await db.query<{ id: string; name: string; payload: unknown; published_at: unknown; code: string; org_name: string }>(
    `${subtreeCte('$1')} SELECT p.id, p.name, p.payload, p.published_at, o.code, o.name AS org_name
     FROM published p JOIN subtree s ON s.id = p.org_id JOIN orgs o ON o.id = p.org_id
     WHERE p.kind = 'notice' ORDER BY p.published_at DESC, p.id DESC`,
    [top],
  );
  return rows.map((r) => {
    const p = json(r.payload) as { body?: unknown; from?: unknown; attachment?: AdminNotice['attachment'] };
    return {
      id: r.id,
      title: r.name,
      body: String(p.body ?? ''),
      from: String(p.from ?? ''),
      to: { code: r.code, name: r.org_name },
      publishedAt: iso(r.published_at),
      attachment: p.attachment ?? null,
    };
  });
}

/** A notice's attachment, for a union of organisation `orgId` that the notice reaches; null otherwise. */
export async function noticeAttachment(
  db: Queryable,
  orgId: string,
  noticeId: string,
): Promise<{ name: string; mimeType: string; bytes: Buffer } | null> {
  const reached = (await reaching(db, orgId, Date.now())).some((i) => i.kind === 'notice' && i.id === noticeId);
  if (!reached) return null;
  const rows = await db.query<{ attachment_name: string | null; attachment_mime: string | null; attachment_base64: string | null }>(
    "SELECT attachment_name, attachment_mime, attachment_base64 FROM published WHERE id = $1 AND kind = 'notice'",
    [noticeId],
  );
  const r = rows[0];
  if (!r?.attachment_base64) return null;
  return {
    name: r.attachment_name ?? '附件',
    mimeType: r.attachment_mime ?? 'application/octet-stream',
    bytes: Buffer.from(r.attachment_base64, 'base64'),
  };
}

import { uuidv7 } from '../../../shared/ids/uuid7';
import type { Notice, PublishedItem } from '../../../shared/sync/protocol';
import type { Queryable } from '../db';
import { subtreeCte } from './orgs';
import { iso, json } from './util';

/**
 * What an organisation publishes to the unions of its subtree: spending-limit presets, document
 * templates, notices. A union receives what its own organisation and every one above it published.
 */
export async function publish(
  db: Queryable,
  orgId: string,
  item: Pick<PublishedItem, 'kind' | 'name' | 'payload'>,
): Promise<PublishedItem> {
  const id = uuidv7();
  const rows = await db.query<{ published_at: unknown }>(
    'INSERT INTO published (id, kind, name, payload, org_id) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING published_at',
    [id, item.kind, item.name, JSON.stringify(item.payload), orgId],
  );
  forgetPublished(db);
  return { id, ...item, publishedAt: iso(rows[0]?.published_at) };
}

/** Kinds older apps know travel in `published`; notices (store/notices.ts) in a list of their own. */
type StoredKind = PublishedItem['kind'] | 'notice';
type StoredItem = Omit<PublishedItem, 'kind'> & { kind: StoredKind };
type PublishedRow = { id: string; kind: StoredKind; name: string; payload: unknown; published_at: unknown };

const toItem = (r: PublishedRow): StoredItem => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  payload: json(r.payload),
  publishedAt: iso(r.published_at),
});

/** The presets and templates the organisations of `top`'s subtree published (the admin's list). */
export async function listPublished(db: Queryable, top: string): Promise<PublishedItem[]> {
  const rows = await db.query<PublishedRow & { kind: PublishedItem['kind'] }>(
    `${subtreeCte('$1')} SELECT p.id, p.kind, p.name, p.payload, p.published_at FROM published p JOIN subtree s ON s.id = p.org_id
     WHERE p.kind <> 'notice' ORDER BY p.published_at, p.id`,
    [top],
  );
  return rows.map((r) => ({ ...toItem(r), kind: r.kind }));
}

interface PublishedState {
  items: (StoredItem & { orgId: string })[];
  parentOf: Map<string, string | null>;
}

async function readPublished(db: Queryable): Promise<PublishedState> {
  const rows = await db.query<PublishedRow & { org_id: string }>(
    // Never the attachments: they are read one at a time, when a device asks for one.
    'SELECT id, kind, name, payload, published_at, org_id FROM published ORDER BY published_at, id',
  );
  const orgs = await db.query<{ id: string; parent_id: string | null }>('SELECT id, parent_id FROM orgs');
  return {
    items: rows.map((r) => ({ ...toItem(r), orgId: r.org_id })),
    parentOf: new Map(orgs.map((o) => [o.id, o.parent_id])),
  };
}

/**
 * Every sync answer carries the published list, and it changes a few times a year: read it (with
 * the tree, to find a union's organisations) at most once per few seconds per database. A publish
 * through this process clears it at once; another app server sharing the database sees the new
 * list within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new WeakMap<object, { at: number; state: Promise<PublishedState> }>();

/** What reaches a union of organisation `orgId`: what its organisation and every one above it published. */
export async function reaching(db: Queryable, orgId: string, now: number): Promise<StoredItem[]> {
  let hit = cache.get(db);
  if (!hit || now - hit.at >= CACHE_MS) {
    hit = { at: now, state: readPublished(db) };
    cache.set(db, hit);
    // A failed read is not kept: the next request asks the database again.
    hit.state.catch(() => cache.delete(db));
  }
  const { items, parentOf } = await hit.state;
  const above = new Set<string>();
  for (let at: string | null | undefined = orgId; at && !above.has(at); at = parentOf.get(at)) above.add(at);
  return items.filter((i) => above.has(i.orgId)).map(({ orgId: _o, ...item }) => item);
}

/** The presets and templates that reach a union of organisation `orgId`, and its notices. */
export async function publishedFor(
  db: Queryable,
  orgId: string,
  now = Date.now(),
): Promise<{ published: PublishedItem[]; notices: Notice[] }> {
  const items = await reaching(db, orgId, now);
  const published: PublishedItem[] = [];
  const notices: Notice[] = [];
  for (const item of items) {
    if (item.kind === 'notice') notices.push(noticeOf(item));
    else published.push({ ...item, kind: item.kind });
  }
  return { published, notices };
}

function noticeOf(item: StoredItem): Notice {
  const p = item.payload as { body?: unknown; from?: unknown; attachment?: Notice['attachment'] };
  return {
    id: item.id,
    title: item.name,
    body: String(p.body ?? ''),
    from: String(p.from ?? ''),
    publishedAt: item.publishedAt,
    attachment: p.attachment ?? null,
  };
}

export function forgetPublished(db: Queryable): void {
  cache.delete(db);
}

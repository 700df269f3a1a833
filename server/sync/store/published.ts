import { uuidv7 } from '../../../shared/ids/uuid7';
import type { PublishedItem } from '../../../shared/sync/protocol';
import type { Queryable } from '../db';
import { iso, json } from './util';

/** What the upper union publishes to every union: spending-limit presets and document templates. */
export async function publish(db: Queryable, item: Pick<PublishedItem, 'kind' | 'name' | 'payload'>): Promise<PublishedItem> {
  const id = uuidv7();
  const rows = await db.query<{ published_at: unknown }>(
    'INSERT INTO published (id, kind, name, payload) VALUES ($1, $2, $3, $4::jsonb) RETURNING published_at',
    [id, item.kind, item.name, JSON.stringify(item.payload)],
  );
  forgetPublished(db);
  return { id, ...item, publishedAt: iso(rows[0]?.published_at) };
}

export async function listPublished(db: Queryable): Promise<PublishedItem[]> {
  const rows = await db.query<{ id: string; kind: 'preset' | 'template'; name: string; payload: unknown; published_at: unknown }>(
    'SELECT id, kind, name, payload, published_at FROM published ORDER BY published_at, id',
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, payload: json(r.payload), publishedAt: iso(r.published_at) }));
}

/**
 * Every sync answer carries the published list, and it changes a few times a year: read it at most
 * once per few seconds per database. A publish through this process clears it at once; another app
 * server sharing the database sees the new list within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new WeakMap<object, { at: number; items: Promise<PublishedItem[]> }>();

export function listPublishedCached(db: Queryable, now = Date.now()): Promise<PublishedItem[]> {
  const hit = cache.get(db);
  if (hit && now - hit.at < CACHE_MS) return hit.items;
  const items = listPublished(db);
  cache.set(db, { at: now, items });
  // A failed read is not kept: the next request asks the database again.
  items.catch(() => cache.delete(db));
  return items;
}

export function forgetPublished(db: Queryable): void {
  cache.delete(db);
}

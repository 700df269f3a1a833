import type { WireChange } from '../../../../shared/sync/protocol';
import { SyncError } from './api';

/** Changes of one record the server would not take, and its reason. */
export interface Refused {
  changes: WireChange[];
  reason: string;
  /** HTTP status of the refusal: 400 (a value the server refuses) or 413 (too large to send). */
  status: number;
}

/**
 * Whether the server refused what was sent (so sending it again changes nothing), as opposed to
 * being unreachable or failing itself (5xx: try again later), or refusing the device or the
 * protocol version (nothing in the batch is to blame).
 */
export function isRefusal(error: unknown): error is SyncError {
  return error instanceof SyncError && (error.status === 413 || (error.status === 400 && error.code !== 'version'));
}

function byRecord(changes: readonly WireChange[]): WireChange[][] {
  const groups = new Map<string, WireChange[]>();
  for (const c of changes) {
    const key = `${c.table}/${c.rowId}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}

/** The records a refusal names: by row id, or by the index a shape error gives (`changes.12.fields.name`). */
function named(groups: readonly WireChange[][], sent: readonly WireChange[], message: string): Set<WireChange[]> {
  const out = new Set(groups.filter((g) => message.includes(g[0]!.rowId)));
  const index = /changes\.(\d+)\b/.exec(message);
  const change = index ? sent[Number(index[1])] : undefined;
  if (change) for (const g of groups) if (g.includes(change)) out.add(g);
  return out;
}

/**
 * Pushes a batch so that one refused record does not hold back the others. When the server
 * refuses the batch, the records its message names are tried on their own and the rest goes on;
 * where it names none, the batch is halved until each refusal is down to one record. The changes
 * of one record always travel together, so the server never holds half of a record's write.
 * Errors other than a refusal (offline, 5xx, 401) are thrown as they are, to be retried later.
 * A 400 that an empty push gets too is not the batch's fault and is thrown as well.
 */
export async function pushAround(changes: readonly WireChange[], push: (changes: WireChange[]) => Promise<void>): Promise<Refused[]> {
  const refused: Refused[] = [];
  let probed = false;

  const settle = async (groups: WireChange[][]): Promise<void> => {
    const sent = groups.flat();
    try {
      await push(sent);
      return;
    } catch (error) {
      if (!isRefusal(error)) throw error;
      if (!probed && error.status === 400) {
        probed = true;
        await push([]);
      }
      if (groups.length === 1) {
        refused.push({ changes: groups[0]!, reason: error.message, status: error.status });
        return;
      }
      const suspects = named(groups, sent, error.message);
      if (suspects.size > 0 && suspects.size < groups.length) {
        await settle(groups.filter((g) => !suspects.has(g)));
        for (const g of suspects) await settle([g]);
        return;
      }
      const half = Math.ceil(groups.length / 2);
      await settle(groups.slice(0, half));
      await settle(groups.slice(half));
    }
  };

  if (changes.length) await settle(byRecord(changes));
  return refused;
}

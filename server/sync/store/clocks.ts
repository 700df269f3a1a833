/**
 * How `rows.field_clocks` is stored. Most rows carry one clock on every field (a row inserted by
 * one change and never edited), so the full map repeats the same 30-character stamp per field and
 * doubles the row: stored, it is the most common clock under `*` plus only the fields that differ.
 * A field present in the data without a clock of its own (the `id` of a row first written by a
 * change that did not name it) is marked with an empty string. Field names start with a letter,
 * so `*` never collides. A map without `*` is the full map (rows written before this format).
 */
const DEFAULT = '*';

export function packClocks(data: Record<string, unknown>, clocks: Record<string, string>): Record<string, string> {
  const counts = new Map<string, number>();
  let common = '';
  let best = 0;
  for (const field in clocks) {
    // A clock on a field the data lacks cannot be expressed relative to the data: keep the full map.
    if (!(field in data)) return clocks;
    const clock = clocks[field]!;
    const n = (counts.get(clock) ?? 0) + 1;
    counts.set(clock, n);
    if (n > best) [common, best] = [clock, n];
  }
  if (!best) return clocks;
  const packed: Record<string, string> = { [DEFAULT]: common };
  for (const field in data) {
    const clock = clocks[field];
    if (clock === undefined) packed[field] = '';
    else if (clock !== common) packed[field] = clock;
  }
  return packed;
}

export function unpackClocks(data: Record<string, unknown>, stored: Record<string, string>): Record<string, string> {
  const common = stored[DEFAULT];
  if (common === undefined) return stored;
  const clocks: Record<string, string> = {};
  for (const field in data) {
    const clock = stored[field];
    if (clock === '') continue;
    clocks[field] = clock ?? common;
  }
  return clocks;
}

/** Reads started together, each result under its own name (the names are written once, not twice). */
export async function readAll<T extends Record<string, Promise<unknown>>>(reads: T): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const keys = Object.keys(reads) as (keyof T)[];
  const values = await Promise.all(keys.map((k) => reads[k]));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as { [K in keyof T]: Awaited<T[K]> };
}

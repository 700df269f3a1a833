// The restore checker's id set beside a Set of strings, for as many ids as the large book's biggest
// table: `node --expose-gc --import tsx tests/bench/id-set-memory.ts [COUNT]`. Prints live memory
// (heap in use plus array buffers after a full collection) each holds, in MiB, as JSON.
import { execFileSync } from 'node:child_process';
import { IdSet } from '../../shared/engine/verify/id-set';
import { uuidv7 } from '../../shared/ids/uuid7';

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');

const MiB = 2 ** 20;
const count = Number(process.argv[2]) || 639_000;

function live(): number {
  collect!();
  collect!();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** The ids as a restore meets them: flat strings parsed from JSON, held by nothing but the set. */
function idsText(): string {
  let now = Date.UTC(2020, 0, 1);
  return JSON.stringify(Array.from({ length: count }, () => uuidv7((now += 7))));
}

/** Built in a call of its own, so no temporary of the build outlives it on the stack. */
function build(kind: string, text: string): { size: number } {
  const ids = JSON.parse(text) as string[];
  if (kind === 'strings') return new Set(ids);
  const set = new IdSet();
  for (const id of ids) set.add(id);
  return set;
}

/** Each kind in a process of its own, so neither finds the other's garbage or pages. */
function measure(kind: string): number {
  const text = idsText();
  const before = live();
  const set = build(kind, text);
  const after = live();
  if (set.size !== count || text.length === 0) throw new Error('ids lost');
  return (after - before) / MiB;
}

const kind = process.argv[3];
if (kind) {
  process.stdout.write(`${measure(kind)}\n`);
} else {
  const run = (k: string) =>
    Number(execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, String(count), k], { encoding: 'utf8' }).trim());
  const strings = run('strings');
  const packed = run('packed');
  process.stdout.write(`${JSON.stringify({ ids: count, setOfStringsMiB: +strings.toFixed(1), idSetMiB: +packed.toFixed(1) })}\n`);
}

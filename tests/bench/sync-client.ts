// The sync benchmark's client, run as its own process (`node --import tsx tests/bench/sync-client.ts JOB.json`)
// so that building and parsing its requests does not share an event loop with the server it measures,
// as on a real deployment where the devices are other machines. It prints one JSON result line.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { HybridLogicalClock } from '../../shared/clock/hlc';
import { stampUpdate } from '../../shared/book/changes';
import { OwnRanges } from '../../shared/sync/own-ranges';
import { LIMITS, type SyncResponse, type WireChange } from '../../shared/sync/protocol';
import { toWire } from '../../renderer/src/features/sync/outgoing';
import { bookChanges, largeBook } from './sync-book';

export type ClientJob =
  | { kind: 'first-sync'; url: string; token: string; deviceId: string }
  | { kind: 'unions'; url: string; tokens: string[]; rounds: number; changesPerRound: number; periodMs: number | null };

export interface FirstSyncResult {
  rows: number;
  pushes: number;
  firstSyncMs: number;
  incrementalMs: number[];
}

export interface UnionsResult {
  latencies: number[];
  wallMs: number;
  /** CPU time this client process spent making the load, which the server did not have on this machine. */
  clientCpuMs: number;
}

// node:http with kept-alive sockets costs this process about half of what fetch does per request,
// and on a 2-core machine every millisecond the load generator spends is taken from the server.
const agent = new Agent({ keepAlive: true, maxFreeSockets: 1000 });

function once(url: string, path: string, body: string, token: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A dropped connection is retried as the app does: resending a batch is safe, it applies once. */
async function post(url: string, path: string, body: unknown, token: string): Promise<SyncResponse> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  for (let attempt = 1; ; attempt++) {
    let res: { status: number; text: string };
    try {
      res = await once(url, path, text, token);
    } catch (error) {
      if (attempt >= 3) throw error;
      continue;
    }
    const json = JSON.parse(res.text) as SyncResponse & { error?: string };
    if (res.status !== 200) throw new Error(`${path} ${res.status}: ${String(json.error)}`);
    return json;
  }
}

async function firstSync(job: Extract<ClientJob, { kind: 'first-sync' }>): Promise<FirstSyncResult> {
  const book = largeBook();
  const changes = bookChanges(book, job.deviceId);
  // Batches as the app cuts them: at most maxChangesPerPush changes and about 4 MiB of record text.
  const batches: WireChange[][] = [[]];
  let bytes = 0;
  for (const c of changes) {
    const size = JSON.stringify(c).length;
    const last = batches[batches.length - 1]!;
    if (last.length && (last.length >= LIMITS.maxChangesPerPush || bytes + size > 4 * 1024 * 1024)) {
      batches.push([c]);
      bytes = size;
    } else {
      last.push(c);
      bytes += size;
    }
  }
  const start = performance.now();
  // As the app's first sync does: batches sent push-only, two in flight, the cursor moved over the
  // device's own rows, then pulls until done.
  const own = new OwnRanges(0);
  const inFlight: Promise<SyncResponse>[] = [];
  for (let i = 0; i < batches.length || inFlight.length;) {
    while (i < batches.length && inFlight.length < 2) {
      inFlight.push(post(job.url, '/api/v1/sync', { v: 1, changes: batches[i]!, cursor: 0, pullLimit: 0 }, job.token));
      i++;
      if (i % 40 === 0) process.stderr.write(`  … ${i} / ${batches.length} pushes\n`);
    }
    own.add((await inFlight.shift()!).pushed);
  }
  let cursor = own.cursor;
  for (let more = true; more;) {
    const res = await post(job.url, '/api/v1/sync', { v: 1, changes: [], cursor, pullLimit: LIMITS.maxPullLimit }, job.token);
    cursor = res.cursor;
    more = res.more;
  }
  const firstSyncMs = performance.now() - start;

  const clock = new HybridLogicalClock(job.deviceId);
  const incrementalMs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const edits = book.members
      .slice(run * 50, run * 50 + 50)
      .map((m) => toWire(stampUpdate({ deviceId: job.deviceId, clock }, 'members', m, { note: `改 ${run}` })!.change));
    const s = performance.now();
    cursor = (await post(job.url, '/api/v1/sync', { v: 1, changes: edits, cursor }, job.token)).cursor;
    incrementalMs.push(performance.now() - s);
  }
  return { rows: changes.length, pushes: batches.length, firstSyncMs, incrementalMs };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Many unions, one device each, pushing small batches of new records. With `periodMs` each union
 * syncs on its own timer (phases spread over the period, as independent desktops are); without,
 * every union fires its rounds back to back, all starting at the same instant.
 */
async function unions(job: Extract<ClientJob, { kind: 'unions' }>): Promise<UnionsResult> {
  // Every batch is built and encoded before the clock starts: like wrk, the load generator should
  // spend as little as it can of the CPU it shares with the server on this machine. Only the
  // cursor, which each answer sets, is filled in per request.
  const batches = job.tokens.map((_, i) => {
    const clock = new HybridLogicalClock(`u${i}dev`);
    return Array.from({ length: job.rounds }, (_, round) => {
      const changes: WireChange[] = Array.from({ length: job.changesPerRound }, (_, k) => {
        const hlc = clock.now();
        const id = `u${i}-r${round}-${k}`;
        return { changeId: `u${i}dev:${hlc}`, table: 'members', rowId: id, hlc, fields: { id, name: `会员${k}`, deleted: 0 } };
      });
      return JSON.stringify(changes);
    });
  });
  // One connection per union is opened before the clock starts, as wrk opens its connections: on
  // this machine a single process opening 500 at once takes from the server's two cores what 500
  // desktops would spend on their own, and its requests wait until it has opened them all.
  await Promise.all(
    job.tokens.map(
      () =>
        new Promise<void>((resolve, reject) => {
          request(`${job.url}/api/health`, { agent }, (res) => res.resume().on('end', resolve))
            .on('error', reject)
            .end();
        }),
    ),
  );
  const latencies: number[] = [];
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    job.tokens.map(async (token, i) => {
      let cursor = 0;
      for (let round = 0; round < job.rounds; round++) {
        if (job.periodMs !== null) await sleep(start + (i / job.tokens.length + round) * job.periodMs - performance.now());
        const body = `{"v":1,"cursor":${cursor},"changes":${batches[i]![round]!}}`;
        const s = performance.now();
        cursor = (await post(job.url, '/api/v1/sync', body, token)).cursor;
        latencies.push(performance.now() - s);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { latencies, wallMs: performance.now() - start, clientCpuMs: (used.user + used.system) / 1000 };
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ClientJob;
const result = job.kind === 'first-sync' ? await firstSync(job) : await unions(job);
// Keep-alive sockets would hold the process open for a while after the last answer.
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));

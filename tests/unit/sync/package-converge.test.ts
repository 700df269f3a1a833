import { describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { SeededRandom } from '../../../shared/demo/random';
import { PackageError } from '../../../shared/sync/package/package-error';
import { enrolOffline, importPackage } from '../../../server/sync/store/packages';
import { pullRows } from '../../../server/sync/store/rows';
import { backends } from './backends';
import { MEMBER, serverPerSuite, unionWithDevices, type TestDevice } from './harness';
import { PackageDevice } from './package-helpers';

const clock = new HybridLogicalClock('servertest');
const FIELDS = ['phone', 'department', 'note'] as const;
const SEEDS = 10;
const STEPS = 40;

/** What both devices and the server must agree on, per member. */
const view = (data: Record<string, unknown> | undefined) =>
  data && { name: data.name, phone: data.phone, department: data.department, note: data.note, deleted: data.deleted };

/** Only an older package or reply may be refused in a schedule; anything else is a failure. */
async function unlessStale(run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (error instanceof PackageError && error.code === 'stale') return false;
    throw error;
  }
}

function edit(device: TestDevice, rnd: SeededRandom, members: string[], tag: string): void {
  if (!members.length || rnd.chance(0.2)) {
    members.push(device.insert('members', { ...MEMBER, name: `${tag}${members.length}` }).id);
    return;
  }
  const id = members[rnd.int(0, members.length - 1)]!;
  if (!device.get('members', id)) return;
  if (rnd.chance(0.05)) device.update('members', id, { deleted: 1 });
  else device.update('members', id, { [FIELDS[rnd.int(0, FIELDS.length - 1)]!]: `${tag}-${rnd.int(0, 999)}` });
}

describe.each(backends())('a union syncing by network and by packages on $name', (backend) => {
  const s = serverPerSuite(backend);

  it('converges to the server’s state over random schedules: packages imported twice, late and out of order', async () => {
    // The schedules must exercise what they claim to: refused older files and packages imported again.
    let refused = 0;
    let again = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rnd = new SeededRandom(seed);
      const code = `CV${seed}`;
      const { unionId, devices } = await unionWithDevices(s.app, s.db, code, 1);
      const net = devices[0]!;
      const e = await enrolOffline(s.db, unionId);
      const pkg = new PackageDevice(`cv${seed}pkg`, e.token, { unionCode: code, enrolmentId: e.enrolmentId, packageKey: e.packageKey });
      const members: string[] = [];
      const packages: Uint8Array[] = [];
      const replies: Uint8Array[] = [];

      for (let step = 0; step < STEPS; step++) {
        const roll = rnd.int(0, 9);
        if (roll <= 1) edit(net, rnd, members, '网');
        else if (roll <= 3) edit(pkg, rnd, members, '包');
        else if (roll === 4) await net.sync(s.app);
        else if (roll === 5) packages.push(await pkg.exportPackage());
        else if (roll <= 7 && packages.length) {
          // Any package in hand, not only the newest; it stays in hand and may be imported again.
          const bytes = packages[rnd.int(0, packages.length - 1)]!;
          const took = await unlessStale(async () => {
            const imported = await importPackage(s.db, clock, bytes);
            if (imported.report.duplicates > 0) again++;
            replies.push(imported.reply);
          });
          if (!took) refused++;
        } else if (replies.length) {
          const bytes = replies[rnd.int(0, replies.length - 1)]!;
          if (!(await unlessStale(() => pkg.importReply(bytes)))) refused++;
        }
      }

      // The last round trip of each: every edit reaches the server and comes back to both.
      await net.sync(s.app);
      await pkg.importReply((await importPackage(s.db, clock, await pkg.exportPackage())).reply);
      await net.sync(s.app);

      const server = await pullRows(s.db, unionId, 0, 100_000);
      const stored = new Map(server.rows.map((r) => [r.rowId, view(r.data)]));
      expect(stored.size, `seed ${seed}`).toBe(new Set(members).size);
      for (const id of members) {
        expect(view(net.get('members', id)), `seed ${seed}, network device, ${id}`).toEqual(stored.get(id));
        expect(view(pkg.get('members', id)), `seed ${seed}, package device, ${id}`).toEqual(stored.get(id));
      }
      expect(pkg.pending(), `seed ${seed}`).toEqual([]);
      expect(net.pending(), `seed ${seed}`).toEqual([]);
    }
    expect(refused).toBeGreaterThan(0);
    expect(again).toBeGreaterThan(0);
  });
});

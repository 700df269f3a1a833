import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { TABLE_NAMES } from '../../../shared/model/book';
import { writeEnrolmentFile } from '../../../shared/sync/package/enrolment-file';
import { readReplyPackage } from '../../../shared/sync/package/reply-package';
import { NOTICE_ATTACHMENT_MAX_BYTES, type Notice } from '../../../shared/sync/protocol';
import { openPglite, type Database } from '../../../server/sync/db';
import { migrate } from '../../../server/sync/migrations';
import { publishNotice } from '../../../server/sync/store/notices';
import { enrolOffline, importPackage } from '../../../server/sync/store/packages';
import { forgetPublished } from '../../../server/sync/store/published';
import { createUnion } from '../../../server/sync/store/unions';
import { UnionBooksDB } from '../../../renderer/src/db/database';
import { openMutator, type Mutator } from '../../../renderer/src/db/mutations';
import { localAttachment } from '../../../renderer/src/features/sync/notices';
import { enrolFromFile, exportPackage, importReply } from '../../../renderer/src/features/sync/packages';
import { getValue, KEYS, type SyncConfig } from '../../../renderer/src/features/sync/state';

const clock = new HybridLogicalClock('servertest');

async function snapshot(db: UnionBooksDB): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of [...TABLE_NAMES, '$changes', '$sync']) out[t] = await db.table(t).toArray();
  return JSON.stringify(out, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v).join(',') : v));
}

/** 通知附件 in reply packages: a union without a network opens a notice's attachment from the reply it imported. */
describe('notice attachments in reply packages', () => {
  let server: Database;
  let device: { db: UnionBooksDB; mutator: Mutator };
  let root: { id: string; code: string; name: string };
  // Every byte value, and then random bytes: nothing may be lost on the way through JSON and base64.
  const pdf = new Uint8Array([...Array.from({ length: 256 }, (_, i) => i), ...randomBytes(300_000)]);
  const sheet = new Uint8Array(randomBytes(NOTICE_ATTACHMENT_MAX_BYTES));
  const notice: Record<string, string> = {};

  const publish = async (title: string, attachment?: { name: string; mimeType: string; bytes: Uint8Array }) =>
    (
      await publishNotice(server, {
        fromOrgId: root.id,
        to: { ...root, parentId: null },
        title,
        body: `${title}正文`,
        attachment: attachment && {
          name: attachment.name,
          mimeType: attachment.mimeType,
          base64: Buffer.from(attachment.bytes).toString('base64'),
        },
      })
    ).id;
  const roundTrip = async () => {
    const pkg = await exportPackage(device.db, device.mutator, null);
    const { reply } = await importPackage(server, clock, pkg.bytes);
    return reply;
  };
  const replyBody = async (reply: Uint8Array) => {
    const config = (await getValue<SyncConfig>(device.db, KEYS.config))!;
    return (await readReplyPackage(reply, { unionCode: config.unionCode, ...config.packages! }, 0)).body;
  };

  beforeAll(async () => {
    server = await openPglite();
    await migrate(server);
    root = (await server.query<{ id: string; code: string; name: string }>("SELECT id, code, name FROM orgs WHERE code = 'ROOT'"))[0]!;
    const { union } = await createUnion(server, 'ATT1', '山区工会');
    const e = await enrolOffline(server, union.id);
    const file = await writeEnrolmentFile({ unionCode: 'ATT1', unionName: union.name, ...e }, 'ABCDE-FGHJK', { iterations: 1000 });
    const local = new UnionBooksDB('attachments-offline');
    device = { db: local, mutator: await openMutator(local) };
    await enrolFromFile(local, file, 'ABCDE-FGHJK');
    notice.pdf = await publish('关于年报的通知', { name: '年报说明.pdf', mimeType: 'application/pdf', bytes: pdf });
    notice.sheet = await publish('统计表', { name: '统计表.xlsx', mimeType: 'application/vnd.ms-excel', bytes: sheet });
    notice.plain = await publish('放假通知');
  });
  afterAll(async () => {
    await server.close();
  });

  it('brings every attachment whole, the largest allowed included, and the app opens it without a server', async () => {
    const reply = await roundTrip();
    const body = await replyBody(reply);
    expect(body.attachments.map((a) => a.noticeId).sort()).toEqual([notice.pdf, notice.sheet].sort());
    const imported = await importReply(device.db, device.mutator, reply);
    expect(imported.attachments).toBe(2);
    expect((await getValue<Notice[]>(device.db, KEYS.notices))?.map((n) => n.title).sort()).toEqual(
      ['关于年报的通知', '放假通知', '统计表'].sort(),
    );
    const opened = await localAttachment(device.db, notice.pdf!);
    expect(opened && Buffer.from(opened).equals(Buffer.from(pdf))).toBe(true);
    const big = await localAttachment(device.db, notice.sheet!);
    expect(big?.length).toBe(NOTICE_ATTACHMENT_MAX_BYTES);
    expect(big && Buffer.from(big).equals(Buffer.from(sheet))).toBe(true);
    expect(await localAttachment(device.db, notice.plain!)).toBeNull();
  });

  it('does not carry an attachment the device already holds; a new notice’s comes with the next reply', async () => {
    const memo = new Uint8Array(randomBytes(5000));
    notice.memo = await publish('补充通知', { name: '补充.docx', mimeType: 'application/octet-stream', bytes: memo });
    const reply = await roundTrip();
    expect((await replyBody(reply)).attachments.map((a) => a.noticeId)).toEqual([notice.memo]);
    await importReply(device.db, device.mutator, reply);
    const opened = await localAttachment(device.db, notice.memo!);
    expect(opened && Buffer.from(opened).equals(Buffer.from(memo))).toBe(true);
    expect((await localAttachment(device.db, notice.pdf!))?.length).toBe(pdf.length);
  });

  it('refuses a reply whose attachment bytes were changed, as a whole, writing nothing', async () => {
    // A fresh notice so the reply carries an attachment; the reply is then changed inside that attachment.
    const bytes = new Uint8Array(200_000).fill(7);
    notice.fill = await publish('第三份通知', { name: '表.bin', mimeType: 'application/octet-stream', bytes });
    const reply = await roundTrip();
    expect((await replyBody(reply)).attachments.map((a) => a.noticeId)).toEqual([notice.fill]);
    const before = await snapshot(device.db);
    for (const at of [Math.floor(reply.length / 2), reply.length - 20]) {
      const changed = reply.slice();
      changed[at] = changed[at]! ^ 1;
      await expect(importReply(device.db, device.mutator, changed)).rejects.toThrow(/校验失败/);
    }
    expect(await snapshot(device.db)).toBe(before);
    expect(await localAttachment(device.db, notice.fill!)).toBeNull();
    await importReply(device.db, device.mutator, reply);
    expect((await localAttachment(device.db, notice.fill!))?.length).toBe(bytes.length);
  });

  it('leaves out an attachment over the 2 MB cap stored before the cap, and drops a notice’s attachment when the notice goes', async () => {
    const oversized = await publish('旧通知', { name: '大文件.zip', mimeType: 'application/zip', bytes: new Uint8Array(10) });
    const tooBig = Buffer.from(randomBytes(NOTICE_ATTACHMENT_MAX_BYTES + 1)).toString('base64');
    await server.query('UPDATE published SET attachment_base64 = $2 WHERE id = $1', [oversized, tooBig]);
    const body = await replyBody(await roundTrip());
    expect(body.attachments.map((a) => a.noticeId)).not.toContain(oversized);

    await server.query('DELETE FROM published WHERE id = $1', [notice.pdf]);
    forgetPublished(server);
    await importReply(device.db, device.mutator, await roundTrip());
    expect(await localAttachment(device.db, notice.pdf!)).toBeNull();
    expect((await localAttachment(device.db, notice.memo!))?.length).toBe(5000);
  });
});

import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BackupError, BackupPasswordError } from '../../../shared/backup/backup-error';
import { BookError } from '../../../shared/engine/errors';
import { TemplateError } from '../../../shared/documents/errors';
import { readRosterFile } from '../../../shared/roster/read';
import { RosterFileError } from '../../../shared/roster/sheet';
import { OFFICE, type OfficeApi } from '../../../renderer/src/workers/office-api';
import { connect, serve, type Handlers, type Port } from '../../../renderer/src/workers/rpc';
import { fixturePath } from '../../fixtures/path';

/** Both ends of a worker connection over a real MessageChannel: messages are structured-cloned as between a page and its worker. */
function pair<H extends Handlers>(handlers: H) {
  const channel = new MessageChannel();
  serve(channel.port1 as unknown as Port, handlers);
  const client = connect<H>(() => channel.port2 as unknown as Port);
  return { client, close: () => (channel.port1.close(), channel.port2.close()) };
}

describe('the office worker’s connection', () => {
  it('reads the sample roster exactly as the page would read it itself', async () => {
    const { client, close } = pair<OfficeApi>(OFFICE);
    const bytes = new Uint8Array(readFileSync(fixturePath('roster/roster-sample.xlsx')));
    try {
      expect(await client.readRoster('roster-sample.xlsx', bytes)).toEqual(await readRosterFile('roster-sample.xlsx', bytes));
    } finally {
      close();
    }
  });

  it('brings a refused file back as the same Chinese error', async () => {
    const { client, close } = pair<OfficeApi>(OFFICE);
    try {
      const error = await client.readRoster('旧名册.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RosterFileError);
      expect((error as Error).message).toContain('另存为');
    } finally {
      close();
    }
  });

  it('keeps the line of a template error and the field of a refused write', async () => {
    const { client, close } = pair({
      template: async () => {
        throw new TemplateError(7, '没有名为“x”的数据项');
      },
      write: async () => {
        throw new BookError('金额不能为负数', 'amountFen');
      },
      plain: async () => {
        throw new Error('磁盘已满');
      },
    });
    try {
      const t = await client.template().catch((e: unknown) => e);
      expect(t).toBeInstanceOf(TemplateError);
      expect((t as TemplateError).line).toBe(7);
      expect((t as TemplateError).message).toBe('模板第 7 行：没有名为“x”的数据项');
      const w = await client.write().catch((e: unknown) => e);
      expect(w).toBeInstanceOf(BookError);
      expect((w as BookError).field).toBe('amountFen');
      await expect(client.plain()).rejects.toThrow('磁盘已满');
    } finally {
      close();
    }
  });

  it('brings a refused book file back as itself: the restore asks for the password again only on a password error', async () => {
    const { client, close } = pair({
      wrong: async () => {
        throw new BackupPasswordError('wrong', '密码不正确');
      },
      missing: async () => {
        throw new BackupPasswordError('missing', '这个备份文件设置了密码');
      },
      refused: async () => {
        throw new BackupError('备份文件已损坏，未做任何更改。');
      },
    });
    try {
      const wrong = await client.wrong().catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(BackupPasswordError);
      expect(wrong).toMatchObject({ kind: 'wrong', message: '密码不正确' });
      expect(await client.missing().catch((e: unknown) => e)).toMatchObject({ kind: 'missing' });
      const refused = await client.refused().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(BackupError);
      expect(refused).not.toBeInstanceOf(BackupPasswordError);
      expect((refused as Error).message).toBe('备份文件已损坏，未做任何更改。');
    } finally {
      close();
    }
  });

  it('answers calls made together, each with its own result', async () => {
    const { client, close } = pair({ twice: async (n: number) => n * 2 });
    try {
      expect(await Promise.all([1, 2, 3, 4].map((n) => client.twice(n)))).toEqual([2, 4, 6, 8]);
    } finally {
      close();
    }
  });

  it('writes a workbook in the worker that the page receives whole', async () => {
    const { client, close } = pair<OfficeApi>(OFFICE);
    try {
      const bytes = await client.rejectedWorkbook(
        ['姓名', '身份证号码'],
        [{ rowNumber: 3, cells: ['张三', '123'] }],
        [{ row: 3, name: '张三', reason: '身份证号码位数不对' }],
      );
      expect(bytes).toBeInstanceOf(Uint8Array);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('未导入的行');
      expect(sheet?.getRow(1).values).toEqual([undefined, '原行号', '未导入原因', '姓名', '身份证号码']);
      expect(sheet?.getRow(2).values).toEqual([undefined, 3, '身份证号码位数不对', '张三', '123']);
    } finally {
      close();
    }
  });
});

import { writeDocx } from '../documents/docx-writer';
import type { DocBlock, DocModel } from '../documents/model';
import { headingNumber } from '../documents/model';
import { titleLines } from '../documents/title-lines';
import { formatDate } from '../engine/rules/dates';
import { formatYuan } from '../money/fen';
import type { HandoverFacts } from './handover-facts';

/** The three who sign a handover (会计基础工作规范 第三十五条: 移交人、接管人、监交人). */
export interface HandoverPeople {
  from: string;
  to: string;
  supervisor: string;
  /** The file name of the encrypted handover backup, listed among what is handed over. */
  backupFile: string;
}

const paragraph = (text: string, indent = true): DocBlock => ({
  type: 'paragraph',
  runs: [{ text, bold: false }],
  align: 'justify',
  indent,
});

/**
 * The 交接清单 as a document model, laid out by the same .docx writer as every other document
 * (GB/T 9704): what is handed over, in figures the book gives on the handover day, and the three
 * signature lines.
 */
export function handoverModel(facts: HandoverFacts, people: HandoverPeople): DocModel {
  const title = `${facts.unionName}经费账簿交接清单`;
  let n = 0;
  const heading = (text: string): DocBlock => ({ type: 'heading', level: 2, number: headingNumber(2, ++n), text });
  const blocks: DocBlock[] = [
    { type: 'title', text: title, lines: titleLines([title]) },
    paragraph(
      `因工会换届，经费账簿及有关资料于${formatDate(facts.date)}由${people.from || '＿＿＿＿'}移交给${people.to || '＿＿＿＿'}，` +
        `${people.supervisor || '＿＿＿＿'}监交。交接内容如下：`,
    ),
    heading('资金余额'),
    {
      type: 'table',
      header: ['项目', `${formatDate(facts.date)}余额（元）`],
      rows: [
        ['库存现金', formatYuan(facts.cashFen)],
        ['银行存款', formatYuan(facts.bankFen)],
        ['合计', formatYuan(facts.cashFen + facts.bankFen)],
      ],
      align: ['left', 'right'],
    },
    paragraph(
      facts.checks.find((c) => c.key === 'bank')?.ok
        ? '库存现金当面点清，银行存款与银行对账单核对一致。'
        : '库存现金当面点清；银行存款尚未全部与银行对账单核对（见“交接前检查”），由接交人继续核对。',
    ),
    heading('会计凭证'),
    facts.vouchers.length > 0
      ? {
          type: 'table',
          header: ['年度', '起号', '止号', '张数'],
          rows: facts.vouchers.map((v) => [`${v.year}年`, v.first, v.last, String(v.count)]),
          align: ['left', 'left', 'left', 'right'],
        }
      : paragraph('账簿中还没有记账凭证。'),
    heading('会员'),
    paragraph(`交接日会员 ${facts.members} 人，会员名册随账簿移交。`),
    heading('欠缴会费'),
    facts.arrears.length > 0
      ? {
          type: 'table',
          header: ['姓名', '部门', '欠缴月数', '金额（元）'],
          rows: [
            ...facts.arrears.map((a) => [a.name, a.department, String(a.months), formatYuan(a.fen)]),
            ['合计', '', '', formatYuan(facts.arrearsFen)],
          ],
          align: ['left', 'left', 'right', 'right'],
        }
      : paragraph('没有欠缴会费。'),
    heading('固定资产'),
    facts.assets.length > 0
      ? {
          type: 'table',
          header: ['名称', '取得日期', '原值（元）', '存放地点', '保管人'],
          rows: [
            ...facts.assets.map((a) => [a.name, a.acquiredDate, formatYuan(a.valueFen), a.location, a.keeper]),
            ['合计', '', formatYuan(facts.assetsFen), '', ''],
          ],
          align: ['left', 'left', 'right', 'left', 'left'],
        }
      : paragraph('没有在用的固定资产。'),
    heading('未结借款'),
    facts.advances.length > 0
      ? {
          type: 'table',
          header: ['凭证号', '借出日期', '摘要', '未结金额（元）'],
          rows: [
            ...facts.advances.map((a) => [a.voucherNumber, a.date, a.summary, formatYuan(a.openFen)]),
            ['合计', '', '', formatYuan(facts.advancesFen)],
          ],
          align: ['left', 'left', 'left', 'right'],
        }
      : paragraph('没有未结的借款。'),
    ...(facts.custodyFen !== 0
      ? [paragraph(`交接日代管经费 ${formatYuan(facts.custodyFen)} 元，含在上述库存现金和银行存款中，不属本会经费。`)]
      : []),
    heading('随附资料'),
    paragraph(
      `1. 加密的交接备份文件“${people.backupFile}”一份（含全部账目、会员名册和 ${facts.attachments} 个附件，密码另行当面交接）；` +
        '2. 纸质会计凭证、账簿、银行对账单及印鉴。',
    ),
    heading('交接前检查'),
    {
      type: 'table',
      header: ['检查项', '结果'],
      rows: facts.checks.map((c) => [c.label, `${c.ok ? '是' : '否'}：${c.detail}`]),
      align: ['left', 'left'],
    },
    heading('签字'),
    {
      type: 'table',
      header: ['', '姓名', '签字', '日期'],
      rows: [
        ['移交人', people.from, '', ''],
        ['接交人', people.to, '', ''],
        ['监交人', people.supervisor, '', ''],
      ],
      align: ['left', 'left', 'left', 'left'],
    },
  ];
  return { blocks };
}

export function handoverDocx(facts: HandoverFacts, people: HandoverPeople): Promise<Uint8Array> {
  const model = handoverModel(facts, people);
  return writeDocx(model, () => undefined, `${facts.unionName}经费账簿交接清单`);
}

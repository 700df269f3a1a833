import type { DuesPayment, Fen, IsoDate, IsoMonth, Member, PaymentMethod } from '../model/records';

/** One line of 缴费记录: a payment or reversal of the year's months, with its member's name. */
export interface PaymentLine {
  id: string;
  memberId: string;
  name: string;
  department: string;
  month: IsoMonth;
  paidDate: IsoDate;
  amountFen: Fen;
  method: PaymentMethod;
  receiptNumber: string;
  /** The payment this line reverses ('' for a payment). */
  reversalOf: string;
  batchId: string;
  /** A payment a live reversal cancels. */
  reversed: boolean;
}

/** Shown for a payment whose member is no longer on the roster. */
export const GONE_MEMBER = '（已删除会员）';

const COLLATOR = new Intl.Collator('zh-Hans-CN');

/**
 * 缴费记录 of a year: every live payment and reversal of its months, newest paid first, then the
 * later month, then by name. `payments` may hold other months (they are left out) but must hold
 * every reversal of the year's payments, which share their month.
 */
export function paymentLines(
  members: readonly Pick<Member, 'id' | 'name' | 'department' | 'deleted'>[],
  payments: readonly DuesPayment[],
  year: number,
): PaymentLine[] {
  const byId = new Map(members.filter((m) => m.deleted === 0).map((m) => [m.id, m]));
  const prefix = `${year}-`;
  const live = payments.filter((p) => p.deleted === 0 && p.month.startsWith(prefix));
  const reversed = new Set(live.filter((p) => p.reversalOf !== '').map((p) => p.reversalOf));
  const lines = live.map((p): PaymentLine => {
    const member = byId.get(p.memberId);
    return {
      id: p.id,
      memberId: p.memberId,
      name: member?.name ?? GONE_MEMBER,
      department: member?.department ?? '',
      month: p.month,
      paidDate: p.paidDate,
      amountFen: p.amountFen,
      method: p.method,
      receiptNumber: p.receiptNumber,
      reversalOf: p.reversalOf,
      batchId: p.batchId,
      reversed: reversed.has(p.id),
    };
  });
  // A posting's thousands of lines share their date and month: one collator for the names, not one per comparison.
  return lines.sort((a, b) => descending(a.paidDate, b.paidDate) || descending(a.month, b.month) || COLLATOR.compare(a.name, b.name));
}

const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** The lines whose name or receipt number holds `text` (all of them for none). */
export function findPaymentLines(lines: readonly PaymentLine[], text: string): readonly PaymentLine[] {
  const wanted = text.trim();
  return wanted ? lines.filter((l) => l.name.includes(wanted) || l.receiptNumber.includes(wanted)) : lines;
}

/**
 * The lines as they cross from the office worker to the window: a column per field, the amounts
 * and flags as typed arrays, each repeated text (names, dates, methods) once in a table. A large
 * union's year is some 60,000 lines; copied as objects they would hold the window as long as the
 * list took to build.
 */
export interface PackedPaymentLines {
  ids: string[];
  receiptNumbers: string[];
  /** Each line's index into `texts` for its member id, name, department, month, date, method, reversed id and batch. */
  fields: Uint32Array;
  texts: string[];
  amountFen: Float64Array;
  reversed: Uint8Array;
}

const TEXT_FIELDS = ['memberId', 'name', 'department', 'month', 'paidDate', 'method', 'reversalOf', 'batchId'] as const;

export function packPaymentLines(lines: readonly PaymentLine[]): PackedPaymentLines {
  const texts: string[] = [];
  const code = new Map<string, number>();
  const fields = new Uint32Array(lines.length * TEXT_FIELDS.length);
  const amountFen = new Float64Array(lines.length);
  const reversed = new Uint8Array(lines.length);
  lines.forEach((line, i) => {
    TEXT_FIELDS.forEach((field, f) => {
      const text = line[field];
      let at = code.get(text);
      if (at === undefined) {
        at = texts.length;
        texts.push(text);
        code.set(text, at);
      }
      fields[i * TEXT_FIELDS.length + f] = at;
    });
    amountFen[i] = line.amountFen;
    reversed[i] = line.reversed ? 1 : 0;
  });
  return { ids: lines.map((l) => l.id), receiptNumbers: lines.map((l) => l.receiptNumber), fields, texts, amountFen, reversed };
}

export function unpackPaymentLines(p: PackedPaymentLines): PaymentLine[] {
  const width = TEXT_FIELDS.length;
  const text = (i: number, f: number) => p.texts[p.fields[i * width + f]!]!;
  return p.ids.map((id, i) => ({
    id,
    memberId: text(i, 0),
    name: text(i, 1),
    department: text(i, 2),
    month: text(i, 3),
    paidDate: text(i, 4),
    method: text(i, 5) as PaymentMethod,
    reversalOf: text(i, 6),
    batchId: text(i, 7),
    amountFen: p.amountFen[i]!,
    receiptNumber: p.receiptNumbers[i]!,
    reversed: p.reversed[i] === 1,
  }));
}

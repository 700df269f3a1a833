import { live, type BookTables } from '../model/book';
import { WELFARE_KINDS } from '../welfare/kinds';
import type { WelfareFacts, WelfareKindFacts } from './types';

/** Welfare visits dated in the year, by kind in the usual order; kinds with none are left out. */
export function welfareFacts(book: Pick<BookTables, 'welfare'>, year: number): WelfareFacts {
  const prefix = `${year}-`;
  const byKind = new Map<string, WelfareKindFacts>();
  for (const v of live(book.welfare)) {
    if (!v.date.startsWith(prefix)) continue;
    let k = byKind.get(v.kind);
    if (!k) {
      k = { kind: v.kind, personTimes: 0, amountFen: 0 };
      byKind.set(v.kind, k);
    }
    k.personTimes++;
    k.amountFen += v.amountFen;
  }
  const kinds = [...byKind.values()].sort((a, b) => WELFARE_KINDS.indexOf(a.kind as never) - WELFARE_KINDS.indexOf(b.kind as never));
  return {
    personTimes: kinds.reduce((s, k) => s + k.personTimes, 0),
    amountFen: kinds.reduce((s, k) => s + k.amountFen, 0),
    kinds,
  };
}

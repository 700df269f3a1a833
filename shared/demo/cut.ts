import type { BookTables } from '../model/book';
import type { IsoDate } from '../model/records';

/**
 * The demo as it stands on `today`: what happens later in the year has not happened. Entries,
 * payments, visits and membership changes after it are dropped (with what they are linked to);
 * activities still to come stay as plans, without an expense yet; people hired later are not
 * members yet. Budgets stay: they are the year's plan.
 */
export function cutAt(book: BookTables, today: IsoDate): void {
  const year = today.slice(0, 4);
  const gone = new Set<string>();
  book.welfare = book.welfare.filter((w) => {
    if (w.date <= today) return true;
    gone.add(w.transactionId);
    return false;
  });
  book.duesPayments = book.duesPayments.filter((p) => p.paidDate <= today);
  book.activities = book.activities.filter((a) => {
    if (a.endDate <= today) return true;
    for (const id of a.transactionIds) gone.add(id);
    a.transactionIds = [];
    a.planned = true;
    return a.startDate.startsWith(year);
  });
  book.transactions = book.transactions.filter((t) => t.date <= today && !gone.has(t.id));
  const later = new Set(book.members.filter((m) => m.joinDate > today).map((m) => m.id));
  book.members = book.members.filter((m) => !later.has(m.id));
  book.memberships = book.memberships.filter((e) => e.date <= today && !later.has(e.memberId));
  book.wageBases = book.wageBases.filter((w) => !later.has(w.memberId) && String(w.year) <= year);
}

import { BookBuilder } from '../../../shared/book/builder';
import { newUnionProfile } from '../../../shared/book/new-union';
import type { Member, MembershipEventKind, MemberStatus } from '../../../shared/model/records';

/** A small book built by hand, so each test states the history it relies on. */
export function duesBook() {
  let tick = 0;
  const builder = new BookBuilder('test-device', () => Date.UTC(2025, 0, 1) + tick++);
  builder.insert('union', newUnionProfile({ name: '测试机关工会委员会', treasurer: '王晓燕' }));
  const addMember = (name: string, department: string, opts: { status?: MemberStatus; exempt?: string; idNumber?: string } = {}): Member =>
    builder.insert('members', {
      name,
      gender: '',
      ethnicity: '汉族',
      birthDate: '',
      idType: '居民身份证',
      idNumber: opts.idNumber ?? '',
      education: '',
      skillLevel: '',
      politicalStatus: '',
      householdType: '',
      isMigrantWorker: false,
      phone: '',
      department,
      joinDate: '',
      cardNumber: '',
      status: opts.status ?? 'active',
      duesExempt: opts.exempt !== undefined,
      duesExemptReason: opts.exempt ?? '',
      note: '',
    });
  const event = (memberId: string, kind: MembershipEventKind, date: string) =>
    builder.insert('memberships', { memberId, kind, date, reason: '', otherUnion: '' });
  const base = (memberId: string, year: number, yuan: number) =>
    builder.insert('wageBases', { memberId, year, baseFen: Math.round(yuan * 100) });
  return { builder, book: builder.book, addMember, event, base };
}

export const ctxClock = () => Date.UTC(2025, 5, 1);

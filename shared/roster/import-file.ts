import type { Member, MembershipEvent, WageBase } from '../model/records';
import { mappingProblems, planImport, type ImportPlan } from './plan';
import { readRosterFile } from './read';
import { RosterFileError, type ParsedRoster } from './sheet';
import { planWrites, type RosterWrites } from './writes';

/** Reads a roster file and plans it against a book's members in one go, with the automatic mapping (the CLI's path). */
export async function planRosterFile(
  fileName: string,
  bytes: Uint8Array,
  existing: { members: readonly Member[]; wageBases: readonly WageBase[]; memberships: readonly MembershipEvent[] },
  year: number,
  today?: string,
): Promise<{ parsed: ParsedRoster; plan: ImportPlan; writes: RosterWrites }> {
  const parsed = await readRosterFile(fileName, bytes);
  const problems = mappingProblems(parsed.mapping);
  if (problems.length > 0) throw new RosterFileError(`第 ${parsed.headerRowNumber} 行的表头缺少必要的列：${problems.join('；')}`);
  const plan = planImport({ rows: parsed.dataRows, mapping: parsed.mapping }, existing.members, { year, today });
  return { parsed, plan, writes: planWrites(plan, existing) };
}

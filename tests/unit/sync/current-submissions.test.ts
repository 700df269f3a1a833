import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/sync/db';
import { migrate } from '../../../server/sync/migrations';
import { createOrg, ROOT_ORG_ID } from '../../../server/sync/store/orgs';
import { currentSubmissions, returnSubmission, submitYear, type StoredSubmission } from '../../../server/sync/store/submissions';
import { createUnion } from '../../../server/sync/store/unions';
import { HybridLogicalClock } from '../../../shared/clock/hlc';
import { backends } from './backends';

const doc = (name: string) => ({ name, mimeType: 'application/pdf', base64: Buffer.from(name).toString('base64') });

describe.each(backends())('the current submissions of a subtree on $name', (backend) => {
  let db: Database;
  const clock = new HybridLogicalClock('server');
  const unions: Record<string, { id: string; code: string }> = {};
  let districtA = '';

  const submit = async (code: string, year: number, names: string[]) =>
    submitYear(db, clock, unions[code]!, { v: 1, year, recordId: `${code}-${year}`, facts: {}, documents: names.map(doc) });

  beforeAll(async () => {
    db = await backend.fresh();
    await migrate(db);
    districtA = (await createOrg(db, ROOT_ORG_ID, { code: 'DA', name: 'A区总工会' })).id;
    await createOrg(db, ROOT_ORG_ID, { code: 'DB', name: 'B区总工会' });
    for (const [code, org] of [
      ['UA', 'DA'],
      ['UB', 'DA'],
      ['UC', 'DA'],
      ['UD', 'DB'],
    ] as const) {
      const [row] = await db.query<{ id: string }>('SELECT id FROM orgs WHERE code = $1', [org]);
      const { union } = await createUnion(db, code, `${code}工会`, row!.id);
      unions[code] = { id: union.id, code };
    }
    // UA's first report, with three documents, is returned and replaced by one with a single document.
    const first = await submit('UA', 2025, ['甲-1.pdf', '甲-2.xlsx', '甲-3.docx']);
    const [returned] = await db.query<{ id: string }>('SELECT id FROM submissions WHERE receipt_number = $1', [first.receiptNumber]);
    await returnSubmission(db, clock, returned!.id, '请补充附件', ROOT_ORG_ID);
    await submit('UA', 2025, ['甲-新.pdf']);
    await submit('UB', 2025, ['乙-1.pdf', '乙-2.pdf']);
    await submit('UB', 2024, ['乙-2024.pdf']);
    await submit('UC', 2025, []);
    await submit('UD', 2025, ['丁-1.pdf']);
  });
  afterAll(async () => {
    await db.close();
    await backend.dispose();
  });

  const byUnion = (list: StoredSubmission[]) =>
    Object.fromEntries(
      list.map((s) => [Object.values(unions).find((u) => u.id === s.unionId)!.code, { receipt: s.receiptNumber, documents: s.documents }]),
    );

  it('hand each submission its own documents in order, never another union’s, year’s or an earlier report’s', async () => {
    expect(byUnion(await currentSubmissions(db, 2025, { top: ROOT_ORG_ID }))).toEqual({
      UA: { receipt: 'BS-2025-UA-02', documents: [{ index: 0, name: '甲-新.pdf' }] },
      UB: {
        receipt: 'BS-2025-UB-01',
        documents: [
          { index: 0, name: '乙-1.pdf' },
          { index: 1, name: '乙-2.pdf' },
        ],
      },
      UC: { receipt: 'BS-2025-UC-01', documents: [] },
      UD: { receipt: 'BS-2025-UD-01', documents: [{ index: 0, name: '丁-1.pdf' }] },
    });
    expect(Object.keys(byUnion(await currentSubmissions(db, 2025, { top: districtA }))).sort()).toEqual(['UA', 'UB', 'UC']);
    expect(byUnion(await currentSubmissions(db, 2024, { unionId: unions.UB!.id }))).toEqual({
      UB: { receipt: 'BS-2024-UB-01', documents: [{ index: 0, name: '乙-2024.pdf' }] },
    });
  });
});

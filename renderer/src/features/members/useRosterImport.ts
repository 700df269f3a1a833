import { useCallback, useMemo, useState } from 'react';
import type { ColumnMapping, RosterField } from '../../../../shared/roster/columns';
import { mappingProblems, type ImportPlan } from '../../../../shared/roster/plan';
import { RosterFileError, type ParsedRoster } from '../../../../shared/roster/sheet';
import { planWrites } from '../../../../shared/roster/writes';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { office } from '../../workers/office';
import { commitRosterImport } from '../../../../shared/engine/ops/members';
import { errorText } from '../../../../shared/error-text';

export type WizardStep = 'pick' | 'mapping' | 'preview' | 'done';

export interface ImportResult {
  inserted: number;
  updated: number;
  rejected: number;
}

/** The import wizard's state: the file read, the mapping as the user corrected it, the plan and the commit. */
export function useRosterImport(year: number) {
  const { db, store, platform } = useServices();
  const [step, setStep] = useState<WizardStep>('pick');
  const [fileName, setFileName] = useState('');
  const [parsed, setParsed] = useState<ParsedRoster | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'reading' | 'planning' | 'importing' | null>(null);
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<ImportResult | null>(null);

  const reset = useCallback(() => {
    setStep('pick');
    setParsed(null);
    setPlan(null);
    setMapping([]);
    setError(null);
    setBusy(null);
    setProgress(0);
    setResult(null);
    setFileName('');
  }, []);

  const pickFile = async () => {
    const file = await platform.openFile(FILTERS.spreadsheet);
    if (!file) return;
    setError(null);
    setBusy('reading');
    setFileName(file.name);
    try {
      // exceljs reads the file in the office worker: a 5,000-row workbook would hold the window for seconds.
      const roster = await office.readRoster(file.name, file.data);
      setParsed(roster);
      setMapping(roster.mapping);
      setStep('mapping');
    } catch (e) {
      setError(e instanceof RosterFileError ? e.message : `无法读取该文件：${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  /**
   * A field belongs to one column: giving it to another column takes it from the first. The same function
   * at every render, so the mapping table's columns are built again only when what they show changes.
   */
  const setColumnField = useCallback(
    (column: number, field: RosterField | null) =>
      setMapping((prev) => prev.map((f, i) => (i === column ? field : field !== null && f === field ? null : f))),
    [],
  );

  const problems = useMemo(() => mappingProblems(mapping), [mapping]);

  /** Every row is checked against the members already there, in the office worker, then previewed. */
  const toPreview = async () => {
    if (!parsed) return;
    setError(null);
    setBusy('planning');
    try {
      const existing = await db.members.toArray();
      setPlan(await office.planRosterImport({ rows: parsed.dataRows, mapping }, existing, { year }));
      setStep('preview');
    } catch (e) {
      setError(`无法检查名册：${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!plan) return;
    setBusy('importing');
    setProgress(0);
    setError(null);
    try {
      const [wageBases, memberships] = await Promise.all([db.wageBases.where('year').equals(year).toArray(), db.memberships.toArray()]);
      // Only whole-percent changes re-render: a tick per chunk is plenty for the bar.
      await commitRosterImport(store, planWrites(plan, { wageBases, memberships }), (done, total) =>
        setProgress(Math.round((done / Math.max(total, 1)) * 100)),
      );
      setProgress(100);
      setResult({ inserted: plan.toInsert.length, updated: plan.toUpdate.length, rejected: plan.rejected.length });
      setStep('done');
    } catch (e) {
      setError(`导入失败，名册没有任何改动：${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return {
    step,
    setStep,
    fileName,
    parsed,
    mapping,
    setColumnField,
    problems,
    plan,
    error,
    busy,
    progress,
    result,
    pickFile,
    toPreview,
    commit,
    reset,
  };
}

export type RosterImportState = ReturnType<typeof useRosterImport>;

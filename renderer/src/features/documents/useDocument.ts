import { useMemo } from 'react';
import { TemplateError } from '../../../../shared/documents/errors';
import { buildDocument, type BuiltDocument } from '../../../../shared/documents/generate';
import { computeAnnualFacts, documentDateProblem, narrativeFacts } from '../../../../shared/facts/annual';
import type { SectionTexts } from '../../../../shared/facts/sections';
import type { AnnualFacts } from '../../../../shared/facts/types';
import type { BookTables } from '../../../../shared/model/book';

export interface DocumentState {
  facts: AnnualFacts | null;
  built: BuiltDocument | null;
  error: string | null;
  /** The template line the error is on (1-based), 0 when it is not the template's. */
  errorLine: number;
}

/**
 * Facts of the year as of the document date (with the paragraphs as typed) → document model, or
 * the template's error in Chinese.
 */
export function useDocument(
  book: BookTables | undefined,
  year: number,
  date: string,
  sections: SectionTexts | null,
  source: string,
): DocumentState {
  const base = useMemo(() => {
    if (!book) return { facts: null, error: null };
    const problem = documentDateProblem(year, date);
    if (problem) return { facts: null, error: problem };
    try {
      return { facts: computeAnnualFacts(book, year, { date }), error: null };
    } catch (error) {
      // e.g. an entry on an account code the chart does not know: say so instead of breaking the page
      return { facts: null, error: `无法汇总${year}年的数据：${error instanceof Error ? error.message : String(error)}` };
    }
  }, [book, year, date]);
  const facts = useMemo(
    () => (base.facts ? { ...base.facts, notes: sections ? narrativeFacts(sections) : base.facts.notes } : null),
    [base.facts, sections],
  );
  return useMemo(() => {
    if (!facts) return { facts: null, built: null, error: base.error, errorLine: 0 };
    try {
      return { facts, built: buildDocument(source, facts), error: null, errorLine: 0 };
    } catch (error) {
      if (error instanceof TemplateError) return { facts, built: null, error: error.message, errorLine: error.line };
      return { facts, built: null, error: `模板无法生成：${error instanceof Error ? error.message : String(error)}`, errorLine: 0 };
    }
  }, [facts, source, base.error]);
}

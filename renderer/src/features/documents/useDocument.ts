import { useMemo } from 'react';
import { TemplateError } from '../../../../shared/documents/errors';
import { buildDocument, type BuiltDocument } from '../../../../shared/documents/generate';
import { narrativeFacts } from '../../../../shared/facts/annual';
import type { SectionTexts } from '../../../../shared/facts/sections';
import type { AnnualFacts } from '../../../../shared/facts/types';
import type { DocumentFacts } from '../../workers/office-api';

export interface DocumentState {
  facts: AnnualFacts | null;
  built: BuiltDocument | null;
  error: string | null;
  /** The template line the error is on (1-based), 0 when it is not the template's. */
  errorLine: number;
}

/**
 * The year's facts (counted off the page, see useDocumentFacts) with the paragraphs as typed →
 * document model, or the template's error in Chinese.
 */
export function useDocument(
  base: Pick<DocumentFacts, 'facts' | 'error'> | undefined,
  sections: SectionTexts | null,
  source: string,
): DocumentState {
  const facts = useMemo(
    () => (base?.facts ? { ...base.facts, notes: sections ? narrativeFacts(sections) : base.facts.notes } : null),
    [base?.facts, sections],
  );
  const baseError = base?.error ?? null;
  return useMemo(() => {
    if (!facts) return { facts: null, built: null, error: baseError, errorLine: 0 };
    try {
      return { facts, built: buildDocument(source, facts), error: null, errorLine: 0 };
    } catch (error) {
      if (error instanceof TemplateError) return { facts, built: null, error: error.message, errorLine: error.line };
      return { facts, built: null, error: `模板无法生成：${error instanceof Error ? error.message : String(error)}`, errorLine: 0 };
    }
  }, [facts, source, baseError]);
}

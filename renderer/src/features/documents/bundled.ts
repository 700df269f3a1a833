import annualSummary from '../../../../templates/annual-summary.md?raw';
import auditReport from '../../../../templates/audit-report.md?raw';
import financeReport from '../../../../templates/finance-report.md?raw';

export interface TemplateChoice {
  /** `bundled:<file>` for the shipped templates, the record id for a user's copy. */
  key: string;
  name: string;
  source: string;
  bundled: boolean;
}

/** The templates shipped with the app, read-only: a user edits a copy. */
export const BUNDLED: readonly TemplateChoice[] = [
  { key: 'bundled:annual-summary', name: '年度工会工作总结', source: annualSummary, bundled: true },
  { key: 'bundled:finance-report', name: '经费收支情况报告', source: financeReport, bundled: true },
  { key: 'bundled:audit-report', name: '经费审查报告', source: auditReport, bundled: true },
];

/** What a year's report to the upper union carries: the summary and the finance report (the 经费审查报告 is the union's own). */
export const SUBMITTED = BUNDLED.filter((t) => t.key !== 'bundled:audit-report');

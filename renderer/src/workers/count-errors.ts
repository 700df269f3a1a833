import { errorText } from '../../../shared/error-text';

/** Why a year's documents have no figures: said the same by the worker and by the page when the worker cannot answer. */
export const yearFactsError = (year: number, error: unknown) => `无法汇总${year}年的数据：${errorText(error)}`;

/** Why a year's 经费审查 could not be counted, in the same words wherever it failed. */
export const auditReviewError = (year: number, error: unknown) => `无法审查${year}年的账目：${errorText(error)}`;

/** Why a year's 会费 could not be counted. */
export const duesYearError = (year: number, error: unknown) => `无法统计${year}年的会费：${errorText(error)}`;

/** Why a year's 缴费记录 could not be listed. */
export const paymentLinesError = (year: number, error: unknown) => `无法读取${year}年的缴费记录：${errorText(error)}`;

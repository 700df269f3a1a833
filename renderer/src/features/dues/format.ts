import { DuesError } from '../../../../shared/dues/data';

/** A message for the user: domain errors are already worded for them; anything else gets a prefix. */
export function errorText(error: unknown): string {
  if (error instanceof DuesError) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return /[\u4e00-\u9fa5]/.test(text) ? text : `操作失败：${text}`;
}

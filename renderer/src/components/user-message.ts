import { BookErrors, isBookError } from '../../../shared/engine/errors';

/**
 * A refused write's message for the user: the book engine's messages are already worded for them;
 * anything else is an unexpected failure and says so.
 */
export function userMessage(error: unknown): string {
  if (isBookError(error)) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return /[\u4e00-\u9fa5]/.test(text) ? text : `操作失败：${text}`;
}

/** The refused fields of a BookError, for a form to mark (antd `form.setFields`). */
export function fieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (error instanceof BookErrors) return error.problems.filter((p) => p.field).map((p) => ({ name: p.field!, errors: [p.message] }));
  if (isBookError(error) && error.field) return [{ name: error.field, errors: [error.message] }];
  return [];
}

import { LARGE_DEMO } from '../../shared/demo/generator';

/** The large demo book the book bench measures, in the bench process and in its memory processes alike. */
export const bookOptions = { ...LARGE_DEMO, endMonth: '2025-12' };

import { maskIdNumber, maskPhone } from '../idcard/gb11643';
import type { RosterField } from './columns';

/**
 * A file's cell as the import shows it for checking its column: an identity number or a phone is
 * recognisable masked (330402********1234, 138****5678), and checking which column holds it never
 * needs the whole number on screen.
 */
export function maskedSample(field: RosterField | null | undefined, text: string): string {
  if (field === 'idNumber') return maskIdNumber(text);
  if (field === 'phone') return maskPhone(text);
  return text;
}

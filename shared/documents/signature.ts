import { CHARS_PER_LINE } from './layout';
import { textWidth } from './title-lines';

export interface SignaturePlacement {
  /** Where each line starts, in characters from the left margin. */
  issuerStart: number;
  dateStart: number;
}

/**
 * GB/T 9704-2012 7.3.5.2: the issuing body 右空二字; the date under it, its first character two
 * characters right of the body's first; when the date is the longer of the two, the date 右空二字
 * and the body moved so its first character is still two characters left of the date's.
 */
export function signaturePlacement(issuer: string, date: string, perLine = CHARS_PER_LINE): SignaturePlacement {
  const issuerWidth = textWidth(issuer);
  const dateWidth = textWidth(date);
  if (issuerWidth >= dateWidth + 2) {
    const issuerStart = Math.max(0, perLine - 2 - issuerWidth);
    return { issuerStart, dateStart: issuerStart + 2 };
  }
  const dateStart = Math.max(2, perLine - 2 - dateWidth);
  return { issuerStart: dateStart - 2, dateStart };
}

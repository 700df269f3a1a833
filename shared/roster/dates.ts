import { isRealDate } from '../idcard/gb11643';
import type { IsoDate } from '../model/records';
import { toHalfWidth, type CellValue } from './cells';

const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is past, which every plausible roster date is. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MIN_SERIAL = 367; // 1901-01-01
const MAX_SERIAL = 73_050; // 2099-12-31

function iso(y: number, m: number, d: number): IsoDate | null {
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isRealDate(text) ? text : null;
}

function fromUtcMs(ms: number): IsoDate | null {
  // Round to whole days: a date cell can come back a millisecond either side of midnight.
  const date = new Date(Math.round(ms / DAY_MS) * DAY_MS);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function excelSerialToIso(serial: number): IsoDate | null {
  if (serial < MIN_SERIAL || serial > MAX_SERIAL) return null;
  return fromUtcMs(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

/**
 * Reads a date as rosters hold it: a date cell, an Excel serial number, 2015-03-01, 2015/3/1,
 * 2015.3.1, 2015.03, 2015年3月, 2015年3月1日, 20150301. A month without a day is taken as the
 * 1st. Null when the value is not a date (the caller reports it); blank is the caller's concern.
 */
export function parseRosterDate(value: CellValue | undefined): IsoDate | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : fromUtcMs(value.getTime());
  if (typeof value === 'number') return parseNumberDate(value);
  const text = toHalfWidth(value)
    .trim()
    .replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '')
    .replace(/\s+/g, '');
  if (/^\d+(\.\d+)?$/.test(text) && !/^\d{4}\.\d{1,2}$/.test(text)) return parseNumberDate(Number(text));
  const m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月)?$/.exec(text);
  if (!m) return null;
  return iso(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]));
}

function parseNumberDate(n: number): IsoDate | null {
  if (Number.isInteger(n) && n >= 19_000_101 && n <= 21_001_231) {
    return iso(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
  }
  // A bare year (2015) is not a date, although it is also the serial of a day in 1905.
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return null;
  if (n >= 1900 && n < 2101) {
    // 2015.03 typed into a General cell is stored as the number 2015.03, and 2015.10 as 2015.1:
    // the fraction is the month in hundredths, so 2015.1 is October (January is typed 2015.01).
    const year = Math.floor(n);
    const month = Math.round((n - year) * 100);
    return iso(year, month, 1);
  }
  return excelSerialToIso(n);
}

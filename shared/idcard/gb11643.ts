/**
 * Resident identity numbers, GB 11643-1999: 17 digits and a check character. Digits 7-14 are
 * the birth date; digit 17 is odd for men and even for women.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdCheck = { ok: true; idNumber: string; birthDate: string; gender: '男' | '女' } | { ok: false; reason: string };

/** Full-width digits, spaces and a lower-case x are what real spreadsheets hold; they are not errors. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[０-９ＸｘＸ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000'‘’]/g, '')
    .toUpperCase();
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Province-level codes of GB/T 2260 (the first two digits of a resident ID number). */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '),
);

/** An existing province code, or the 2023 外国人永久居留身份证: 9 followed by the province code. */
export function hasProvinceCode(id: string): boolean {
  return PROVINCES.has(id.slice(0, 2)) || (id[0] === '9' && PROVINCES.has(id.slice(1, 3)));
}

export function checkIdNumber(raw: string): IdCheck {
  const id = normalizeIdNumber(raw);
  if (id === '') return { ok: false, reason: '缺少身份证号' };
  if (/^\d{15}$/.test(id)) return { ok: false, reason: '15 位旧身份证号，请改为 18 位' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '身份证号应为 18 位（最后一位可为 X）' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!hasProvinceCode(id)) return { ok: false, reason: '身份证号前两位不是有效的省级行政区划代码' };
  if (!isRealDate(birthDate)) return { ok: false, reason: '身份证号中的出生日期无效' };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, reason: '校验位错误' };
  const gender = Number(id[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, idNumber: id, birthDate, gender };
}

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** 330402199001011234 → 330402********123X style: region kept, birth date hidden, last four kept. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return id.replace(/./g, '*');
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return phone;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** Builds a valid id for a region, birth date (YYYYMMDD) and sequence — used by the demo data and tests. */
export function makeIdNumber(region: string, birthYmd: string, seq: number, gender: '男' | '女'): string {
  let s = seq % 1000;
  const wantOdd = gender === '男';
  if ((s % 2 === 1) !== wantOdd) s = (s + 1) % 1000;
  const first17 = `${region}${birthYmd}${String(s).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

import { describe, expect, it } from 'vitest';
import { checkCharacter, checkIdNumber, makeIdNumber, maskIdNumber, maskPhone } from '../../../shared/idcard/gb11643';

describe('GB 11643 resident ID', () => {
  it('computes the check character with the standard weights', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });
  it('accepts a valid number and reads birth date and gender from it', () => {
    expect(checkIdNumber('11010519491231002x')).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: '女',
    });
    const male = makeIdNumber('330402', '19900101', 123, '男');
    expect(checkIdNumber(male)).toMatchObject({ ok: true, gender: '男', birthDate: '1990-01-01' });
  });
  it('normalises full-width digits and spaces', () => {
    expect(checkIdNumber('１１０１０５ 1949 1231 002Ｘ')).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });
  it('names what is wrong', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, reason: '校验位错误' });
    expect(checkIdNumber('110105491231002')).toEqual({ ok: false, reason: '15 位旧身份证号，请改为 18 位' });
    expect(checkIdNumber('110105194902301234')).toEqual({ ok: false, reason: '身份证号中的出生日期无效' });
    expect(checkIdNumber('12345')).toMatchObject({ ok: false });
  });
  it('masks ids and phones', () => {
    expect(maskIdNumber('33040219900101123X')).toBe('330402********123X');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });
});

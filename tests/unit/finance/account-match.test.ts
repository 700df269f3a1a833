import { describe, expect, it } from 'vitest';
import { matchAccount } from '../../../shared/accounts/match';

describe('the account a typed code or name means (Enter in the account picker)', () => {
  it('an exact code, else the first code starting with the text', () => {
    expect(matchAccount('50702', true)?.code).toBe('50702');
    expect(matchAccount('4030', true)?.code).toBe('40301');
    expect(matchAccount(' 507 02 ', true)?.code).toBe('50702');
  });
  it('a parent code picks its first sub-account for an entry, and itself where a parent may be named', () => {
    expect(matchAccount('501', true)?.code).toBe('50101');
    expect(matchAccount('501', false)?.code).toBe('501');
  });
  it('a name, or part of one', () => {
    expect(matchAccount('办公设备', true)?.code).toBe('50702');
    expect(matchAccount('会费', true)?.code).toBe('401');
    expect(matchAccount('专项补助', true)?.code).toBe('40302');
  });
  it('transfers and 上缴 are not offered, and nonsense matches nothing', () => {
    expect(matchAccount('库存现金', true)).toBeNull();
    expect(matchAccount('应付上级经费', true)).toBeNull();
    // Inside a code counts as the list shows it: 101 is found in 50101.
    expect(matchAccount('101', true)?.code).toBe('50101');
    expect(matchAccount('打印机', true)).toBeNull();
    expect(matchAccount('   ', true)).toBeNull();
  });
});

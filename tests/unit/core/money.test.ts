import { describe, expect, it } from 'vitest';
import { toChineseCapitals } from '../../../shared/money/capitals';
import { formatWanYuan, formatYuan, parseYuan } from '../../../shared/money/fen';

describe('money', () => {
  it('parses yuan as typed or read from sheets into integer fen', () => {
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('１２３４．５６元')).toBe(123456);
    expect(parseYuan(4999.99)).toBe(499999);
    expect(parseYuan(0.1 + 0.2)).toBe(30);
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    expect(parseYuan('-5')).toBe(-500);
  });
  it('formats fen as yuan and 万元', () => {
    expect(formatYuan(123456)).toBe('1,234.56');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatWanYuan(12_345_678)).toBe('12.35');
  });
  it('groups the yuan in thousands at every length, and not when asked not to', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(99_999)).toBe('999.99');
    expect(formatYuan(100_000)).toBe('1,000.00');
    expect(formatYuan(-123_456_789)).toBe('-1,234,567.89');
    expect(formatYuan(123_456_789_012_345)).toBe('1,234,567,890,123.45');
    expect(formatYuan(123_456_789, { grouping: false })).toBe('1234567.89');
  });
  it('writes amounts in Chinese capitals as receipts do', () => {
    expect(toChineseCapitals(120000)).toBe('壹仟贰佰元整');
    expect(toChineseCapitals(1250)).toBe('壹拾贰元伍角整');
    expect(toChineseCapitals(100005)).toBe('壹仟元零伍分');
    expect(toChineseCapitals(10_000_000)).toBe('壹拾万元整');
    expect(toChineseCapitals(100_100_00)).toBe('壹拾万零壹佰元整');
    expect(toChineseCapitals(5)).toBe('伍分');
    expect(toChineseCapitals(0)).toBe('零元整');
    expect(toChineseCapitals(1_000_010_000)).toBe('壹仟万零壹佰元整');
  });
});

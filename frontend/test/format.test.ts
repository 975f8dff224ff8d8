import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatPercent, formatWanYuan } from '../src/format';

describe('formatWanYuan (amounts in 万元)', () => {
  it('keeps amounts below 1 亿 in 万元', () => {
    expect(formatWanYuan(0)).toBe('0 万元');
    expect(formatWanYuan(0.5)).toBe('0.5 万元');
    expect(formatWanYuan(12.34)).toBe('12.3 万元');
    expect(formatWanYuan(9999)).toBe('9,999 万元');
  });
  it('switches to 亿元 at 10,000 万元', () => {
    expect(formatWanYuan(10000)).toBe('1 亿元');
    expect(formatWanYuan(12345)).toBe('1.23 亿元');
    expect(formatWanYuan(178334.252)).toBe('17.8 亿元');
    expect(formatWanYuan(1783342.52)).toBe('178 亿元');
    expect(formatWanYuan(-25000)).toBe('-2.5 亿元');
  });
  it('shows a dash for missing values', () => {
    expect(formatWanYuan(null)).toBe('—');
    expect(formatWanYuan(undefined)).toBe('—');
    expect(formatWanYuan(Number.NaN)).toBe('—');
  });
});

describe('formatNumber, formatPercent, formatCount', () => {
  it('groups thousands and trims zeros', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1234.5, 2)).toBe('1,234.5');
    expect(formatNumber(-1234)).toBe('-1,234');
    expect(formatNumber(null)).toBe('—');
  });
  it('formats ratios as percentages', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe('—');
  });
  it('shortens counts with 万 and 亿', () => {
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12345)).toBe('1.2万');
    expect(formatCount(230000000)).toBe('2.3亿');
  });
});

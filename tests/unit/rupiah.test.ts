import { describe, expect, it } from 'vitest';
import { decimalToSen, formatCount, formatPercent, formatRupiah, groupThousands, senToDecimal, splitDecimal } from '../../src/lib/rupiah.ts';

describe('format (no decimal.js)', () => {
  it('groups thousands with dots', () => {
    expect(groupThousands('1864980719')).toBe('1.864.980.719');
    expect(groupThousands('999')).toBe('999');
  });
  it('splits decimal strings exactly', () => {
    expect(splitDecimal('-0005000.500')).toEqual({ neg: true, int: '5000', frac: '5' });
    expect(splitDecimal('-0.00')).toEqual({ neg: false, int: '0', frac: '' });
    expect(() => splitDecimal('1e9')).toThrow(/not a decimal string/);
  });
  it('writes rupiah, counts and percentages the Indonesian way', () => {
    expect(formatRupiah('1864980719')).toBe('Rp1.864.980.719');
    expect(formatRupiah('5000.5')).toBe('Rp5.000,50');
    expect(formatRupiah(-110400000n)).toBe('-Rp110.400.000');
    expect(formatCount('15954')).toBe('15.954');
    expect(formatPercent('82.67')).toBe('82,67%');
  });
});

describe('sen conversion (no decimal.js)', () => {
  it('writes sen as the canonical decimal string, or with two decimals', () => {
    expect(senToDecimal(500050n)).toBe('5000.5');
    expect(senToDecimal(500050n, { twoDecimals: true })).toBe('5000.50');
    expect(senToDecimal(500005n)).toBe('5000.05');
    expect(senToDecimal(186498071900n)).toBe('1864980719');
    expect(senToDecimal(-11040000000n)).toBe('-110400000');
    expect(senToDecimal(-1n)).toBe('-0.01');
    expect(senToDecimal(0n)).toBe('0');
  });
  it('reads exact decimal strings as sen and refuses anything else', () => {
    expect(decimalToSen('5000.5')).toBe(500050n);
    expect(decimalToSen('5000.05')).toBe(500005n);
    expect(decimalToSen('-110400000')).toBe(-11040000000n);
    expect(decimalToSen('123456789012345678901')).toBe(12345678901234567890100n);
    for (const bad of ['', '-', '1.', '.5', '1.234', '1,5', '1.864.980', '1e9', '+5', '--5', ' 5']) {
      expect(() => decimalToSen(bad), bad).toThrow(RangeError);
    }
  });
  it('round-trips', () => {
    for (const sen of [0n, 1n, 10n, 99n, 100n, 123456n, -987654321n, 10n ** 25n + 7n]) {
      expect(decimalToSen(senToDecimal(sen))).toBe(sen);
      expect(decimalToSen(senToDecimal(sen, { twoDecimals: true }))).toBe(sen);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatRupiah, groupThousands, splitDecimal } from '../src/lib/claims/format.ts';

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

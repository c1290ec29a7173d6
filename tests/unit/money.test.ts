import { describe, expect, it } from 'vitest';
import {
  addPartsAt, ensureSlots, parseCount, parseNominalParts, partsValue, senParts, senSums, valueAt,
  addDecimals, decimalToSen, explainNominal, formatCount, formatPercent, formatRupiah, formatRupiahShort,
  formatShare, parseNominal, parseNominalSen, senToDecimal, sharePercent,
} from '../../src/lib/claims/money.ts';

describe('formatRupiah', () => {
  it('writes rupiah the Indonesian way, exactly', () => {
    expect(formatRupiah('1864980719')).toBe('Rp1.864.980.719');
    expect(formatRupiah('12878543829')).toBe('Rp12.878.543.829');
    expect(formatRupiah('5000.5')).toBe('Rp5.000,50');
    expect(formatRupiah('5000.05')).toBe('Rp5.000,05');
    expect(formatRupiah('0')).toBe('Rp0');
    expect(formatRupiah('999')).toBe('Rp999');
    expect(formatRupiah('1000')).toBe('Rp1.000');
    expect(formatRupiah('-110400000')).toBe('-Rp110.400.000');
    expect(formatRupiah(123456789012345678901234567890n)).toBe('Rp123.456.789.012.345.678.901.234.567.890');
    expect(formatRupiah('007')).toBe('Rp7');
  });
  it('has no space (and no non-breaking space) after Rp', () => {
    expect(formatRupiah('16800')).toMatch(/^Rp\d/);
  });
  it('rejects what is not a decimal string', () => {
    expect(() => formatRupiah('1.864.980.719')).toThrow(RangeError);
    expect(() => formatRupiah('1e9')).toThrow(RangeError);
  });
});

describe('formatRupiahShort', () => {
  it('uses juta, miliar, triliun with two decimals and a comma', () => {
    expect(formatRupiahShort('10555055690')).toBe('Rp10,56 miliar');
    expect(formatRupiahShort('12768143829')).toBe('Rp12,77 miliar');
    expect(formatRupiahShort('1864980719')).toBe('Rp1,86 miliar');
    expect(formatRupiahShort('326400000')).toBe('Rp326,40 juta');
    expect(formatRupiahShort('21707420')).toBe('Rp21,71 juta');
    expect(formatRupiahShort('60720000000000')).toBe('Rp60,72 triliun');
    expect(formatRupiahShort('1000000')).toBe('Rp1,00 juta');
    expect(formatRupiahShort('16800')).toBe('Rp16.800');
    expect(formatRupiahShort('-110400000')).toBe('-Rp110,40 juta');
  });
  it('rounds half up and moves to the next unit at 1.000', () => {
    expect(formatRupiahShort('1005000')).toBe('Rp1,01 juta');
    expect(formatRupiahShort('999995000')).toBe('Rp1,00 miliar');
    expect(formatRupiahShort('999994999')).toBe('Rp999,99 juta');
    expect(formatRupiahShort('1234567890123456789')).toBe('Rp1.234.567,89 triliun');
  });
});

describe('shares and counts', () => {
  it('formats percentages with a comma', () => {
    expect(formatShare('10555055690', '12768143829')).toBe('82,67%');
    expect(formatShare('21707420', '12768143829')).toBe('0,17%');
    expect(formatShare('1', '1')).toBe('100,00%');
    expect(formatShare('1', '0')).toBe('–');
    expect(sharePercent('1864980719', '12768143829')).toBe('14.61');
    expect(formatPercent('82.67')).toBe('82,67%');
  });
  it('formats counts with dots', () => {
    expect(formatCount('15954')).toBe('15.954');
    expect(formatCount(4220000n)).toBe('4.220.000');
  });
});

describe('parseNominal', () => {
  it('accepts digits and up to two decimals', () => {
    expect(parseNominal('1864980719')).toEqual({ ok: true, sen: 186498071900n, value: '1864980719' });
    expect(parseNominal('1864980719.50')).toEqual({ ok: true, sen: 186498071950n, value: '1864980719.5' });
    expect(parseNominal('0.05')).toEqual({ ok: true, sen: 5n, value: '0.05' });
    expect(parseNominalSen('99999999999999999999.99')).toBe(9999999999999999999999n);
  });
  it('rejects everything else with a fix', () => {
    const bad = ['', '1.864.980.719', '1,864,980,719', '1e9', '0x1F', '1_000', 'NaN', 'Infinity', '-5', '+5', ' 5', '5 ', '1 000', '5.123', '.5', '5.', 'Rp5'];
    for (const b of bad) expect(parseNominal(b).ok, b).toBe(false);
    expect(explainNominal('1.864.980.719').en).toBe('nominal_rp "1.864.980.719" uses dots as thousands separators; write 1864980719');
    expect(explainNominal('1.864.980.719,50').en).toBe('nominal_rp "1.864.980.719,50" uses dots as thousands separators; write 1864980719.50');
    expect(explainNominal('Rp 5000').en).toBe('nominal_rp "Rp 5000" contains spaces; remove them and write a plain number of rupiah such as 1864980719 or 1864980719.50');
    expect(explainNominal('Rp5000').en).toBe('nominal_rp "Rp5000" has a currency prefix; write 5000');
    expect(explainNominal('1.864.980.719').id).toBe('nominal_rp "1.864.980.719" memakai titik sebagai pemisah ribuan; tulis 1864980719');
    expect(explainNominal('Rp5000').id).toBe('nominal_rp "Rp5000" memakai awalan mata uang; tulis 5000');
  });
});

describe('exact conversions', () => {
  it('round-trips sen and decimal strings', () => {
    expect(senToDecimal(186498071950n)).toBe('1864980719.5');
    expect(senToDecimal(-5n)).toBe('-0.05');
    expect(decimalToSen('-110400000')).toBe(-11040000000n);
    expect(addDecimals(['1864980719', '10555055690', '326400000', '21707420'])).toBe('12768143829');
    expect(addDecimals(['9007199254740993', '0.01'])).toBe('9007199254740993.01');
  });
});

describe('limb sums (the streaming check path)', () => {
  it('parse exactly what parseNominalSen accepts, to the same value', () => {
    const p = senParts();
    for (const v of ['0', '5', '5.5', '5.05', '12345678', '123456789', '99999999999999.99', '100000000000000', '12345678901234567890.23', '00012.30']) {
      expect(parseNominalParts(v, p), v).toBe(true);
      expect(partsValue(p), v).toBe(parseNominalSen(v));
    }
    for (const v of ['', '1e9', '5.', '.5', '5.123', '-1', '1,5', '１２']) expect(parseNominalParts(v, p), v).toBe(false);
    // A row amount has at most 20 integer digits (the limit is checked before any work).
    expect(parseNominalParts('123456789012345678901.23', p)).toBe(false);
  });

  it('sum 300,000 amounts exactly, far beyond 2^53, like a BigInt reference', () => {
    const sums = senSums();
    ensureSlots(sums, 2);
    const p = senParts();
    let ref = 0n;
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 300_000; i++) {
      const digits = 1 + (rnd() % 18);
      let s = String(1 + (rnd() % 9));
      while (s.length < digits) s += String(rnd() % 10);
      const d = rnd() % 3;
      if (d > 0) s += '.' + String(rnd() % (d === 1 ? 10 : 100)).padStart(d, '0');
      expect(parseNominalParts(s, p)).toBe(true);
      addPartsAt(sums, 2, p);
      ref += parseNominalSen(s)!;
    }
    expect(ref > 2n ** 60n).toBe(true);
    expect(valueAt(sums, 2)).toBe(ref);
    expect(valueAt(sums, 0)).toBe(0n);
  });

  it('parse case counts char by char', () => {
    expect(parseCount('15954')).toBe(15954);
    expect(parseCount('')).toBe(-1);
    expect(parseCount('1.000')).toBe(-1);
    expect(parseCount('1234567890123456')).toBe(-2);
  });
});

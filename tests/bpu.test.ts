import { describe, expect, it } from 'vitest';
import { bacaPenghasilan, formatPersenTarif, hitungIuran, kaliBulan, rupiahToSen, senToRupiah } from '../src/lib/bpu.ts';

const tarif = { jkk_persen: '1', jkm_rupiah: '6800', jht_persen: '2' };

describe('hitungIuran', () => {
  it('gives the commonly quoted minimum of Rp16.800 for a declared Rp1.000.000', () => {
    expect(hitungIuran('1000000', tarif, false)).toEqual({ jkk: '10000', jkm: '6800', jht: null, total: '16800' });
  });
  it('adds JHT 2% when chosen', () => {
    expect(hitungIuran('2000000', tarif, true)).toEqual({ jkk: '20000', jkm: '6800', jht: '40000', total: '66800' });
  });
  it('keeps sen exactly and rounds fractions of a sen half up', () => {
    expect(hitungIuran('1234567', tarif, true)).toEqual({ jkk: '12345.67', jkm: '6800', jht: '24691.34', total: '43837.01' });
    expect(hitungIuran('1000050', { ...tarif, jkk_persen: '0.25' }, false).jkk).toBe('2500.13');
  });
  it('is exact for incomes far beyond 2^53 sen', () => {
    const income = '90071992547409930';
    const r = hitungIuran(income, tarif, true);
    expect(r.jkk).toBe('900719925474099.3');
    expect(rupiahToSen(r.total)).toBe(BigInt(income) * 3n + 680000n);
  });
  it('rejects malformed rates', () => {
    expect(() => hitungIuran('1000000', { ...tarif, jkk_persen: '1,5' }, false)).toThrow(/jkk_persen/);
  });
});

describe('kaliBulan', () => {
  it('multiplies exactly for advance payments', () => {
    expect(kaliBulan('16800', 12)).toBe('201600');
    expect(kaliBulan('12345.67', 3)).toBe('37037.01');
    expect(() => kaliBulan('16800', 0)).toThrow(/positive whole number/);
  });
});

describe('bacaPenghasilan', () => {
  it('reads what people type', () => {
    expect(bacaPenghasilan('2000000')).toBe('2000000');
    expect(bacaPenghasilan('2.000.000')).toBe('2000000');
    expect(bacaPenghasilan(' Rp1.500.000 ')).toBe('1500000');
    expect(bacaPenghasilan('Rp. 1 500 000')).toBe('1500000');
    expect(bacaPenghasilan('007')).toBe('7');
  });
  it('refuses what is not a positive whole rupiah amount', () => {
    for (const bad of ['', 'abc', '-5', '0', '1,5', '1e6', '12.5x']) expect(bacaPenghasilan(bad), bad).toBeNull();
  });
});

describe('sen conversions', () => {
  it('round-trips', () => {
    expect(senToRupiah(1234567n)).toBe('12345.67');
    expect(senToRupiah(1000000n)).toBe('10000');
    expect(senToRupiah(5n)).toBe('0.05');
    expect(senToRupiah(1000050n)).toBe('10000.5');
    expect(rupiahToSen('0.5')).toBe(50n);
    expect(() => rupiahToSen('1.234')).toThrow(/two decimals/);
  });
});

describe('formatPersenTarif', () => {
  it('writes rates with a decimal comma', () => {
    expect(formatPersenTarif('1')).toBe('1%');
    expect(formatPersenTarif('0.24')).toBe('0,24%');
    expect(() => formatPersenTarif('1,5')).toThrow(/rate/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  bacaPenghasilan, bulanPada, formatNamaBulan, formatPersenTarif, formatRentangBulan, hitungIuran, iuranBeberapaBulan,
  jumlahIuran, periodeUntuk, potonganPada, tambahBulan, type AturanPotongan,
} from '../../src/lib/bpu.ts';

/** Rules as in data/bpu/iuran.yaml, written out so these tests do not depend on the data file. */
const aturan = { tarif: { jkk_persen: '1', jkm_rupiah: '6800', jht_persen: '2' }, penghasilan_minimum: '1000000' };
const pp50: AturanPotongan = {
  persen_dibayar: '50',
  program: ['JKK', 'JKM'],
  berlaku: [
    { kelompok: 'transportasi', mulai: '2026-01', sampai: '2027-03' },
    { kelompok: 'lainnya', mulai: '2026-04', sampai: '2026-12' },
  ],
};

describe('hitungIuran', () => {
  it('gives the commonly quoted minimum of Rp16.800 for a declared Rp1.000.000', () => {
    expect(hitungIuran('1000000', aturan, false)).toEqual({
      dasar: '1000000', naikKeMinimum: false, jkk: '10000', jkm: '6800', jht: null, total: '16800',
    });
  });

  it('computes an income below the minimum basis as the minimum, and says so', () => {
    const r = hitungIuran('500000', aturan, false);
    expect(r).toEqual({ dasar: '1000000', naikKeMinimum: true, jkk: '10000', jkm: '6800', jht: null, total: '16800' });
    expect(hitungIuran('999999', aturan, true).total).toBe(hitungIuran('1000000', aturan, true).total);
    expect(hitungIuran('1', aturan, true).jht).toBe('20000');
  });

  it('adds JHT 2% when chosen (the Rp36.800 of BPJS’s own example at Rp1.000.000)', () => {
    expect(hitungIuran('1000000', aturan, true).total).toBe('36800');
    expect(hitungIuran('2000000', aturan, true)).toMatchObject({ jkk: '20000', jkm: '6800', jht: '40000', total: '66800' });
  });

  it('bills whole rupiah: each programme rounded to the nearest rupiah, halves up', () => {
    // 1% of 1.234.567 = 12.345,67 → 12.346; 2% = 24.691,34 → 24.691.
    expect(hitungIuran('1234567', aturan, true)).toMatchObject({ jkk: '12346', jkm: '6800', jht: '24691', total: '43837' });
    // 1% of 1.000.050 = 10.000,5 → 10.001 (half up); 1% of 1.000.049 = 10.000,49 → 10.000.
    expect(hitungIuran('1000050', aturan, false).jkk).toBe('10001');
    expect(hitungIuran('1000049', aturan, false).jkk).toBe('10000');
    for (const income of ['1234567', '1000001', '3333333', '98765432']) {
      const r = hitungIuran(income, aturan, true, pp50);
      for (const v of [r.jkk, r.jkm, r.jht, r.total]) expect(v, income).toMatch(/^\d+$/);
    }
  });

  it('applies the PP 50/2025 discount to JKK and JKM only: Rp16.800 becomes Rp8.400', () => {
    expect(hitungIuran('1000000', aturan, false, pp50)).toMatchObject({ jkk: '5000', jkm: '3400', total: '8400' });
    expect(hitungIuran('1000000', aturan, true, pp50)).toMatchObject({ jht: '20000', total: '28400' });
    expect(hitungIuran('500000', aturan, false, pp50)).toMatchObject({ naikKeMinimum: true, total: '8400' });
  });

  it('halves the rounded normal amount and rounds again', () => {
    // Normal JKK of 1.234.567 is 12.346; half is 6.173.
    expect(hitungIuran('1234567', aturan, false, pp50).jkk).toBe('6173');
    // Normal JKK of 1.234.500 is 12.345; half is 6.172,5 → 6.173.
    expect(hitungIuran('1234500', aturan, false, pp50).jkk).toBe('6173');
  });

  it('is exact for incomes far beyond 2^53', () => {
    const income = '90071992547409930';
    const r = hitungIuran(income, aturan, true);
    expect(r.jkk).toBe('900719925474099');
    expect(r.jht).toBe('1801439850948199');
    expect(BigInt(r.total)).toBe(900719925474099n + 1801439850948199n + 6800n);
  });

  it('rejects malformed rates and incomes', () => {
    expect(() => hitungIuran('1000000', { ...aturan, tarif: { ...aturan.tarif, jkk_persen: '1,5' } }, false)).toThrow(/jkk_persen/);
    expect(() => hitungIuran('1.000.000', aturan, false)).toThrow(/whole rupiah/);
  });
});

describe('months', () => {
  it('reads the current month in Western Indonesian Time', () => {
    // 31 March 2026, 18:00 UTC is 1 April 2026, 01:00 in Jakarta.
    expect(bulanPada(new Date('2026-03-31T18:00:00Z'))).toBe('2026-04');
    expect(bulanPada(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03');
    expect(bulanPada(new Date('2026-03-31T18:00:00Z'), 'UTC')).toBe('2026-03');
  });
  it('adds months across years', () => {
    expect(tambahBulan('2026-12', 1)).toBe('2027-01');
    expect(tambahBulan('2026-01', 14)).toBe('2027-03');
    expect(tambahBulan('2026-01', -1)).toBe('2025-12');
    expect(() => tambahBulan('2026-13', 1)).toThrow(/YYYY-MM/);
  });
  it('writes months and ranges in Indonesian', () => {
    expect(formatNamaBulan('2026-04')).toBe('April 2026');
    expect(formatRentangBulan('2026-04', '2026-12')).toBe('April – Desember 2026');
    expect(formatRentangBulan('2026-01', '2027-03')).toBe('Januari 2026 – Maret 2027');
    expect(formatRentangBulan('2026-05', '2026-05')).toBe('Mei 2026');
  });
});

describe('potonganPada', () => {
  const cases: [string, string, boolean][] = [
    ['transportasi', '2025-12', false],
    ['transportasi', '2026-01', true],
    ['transportasi', '2027-03', true],
    ['transportasi', '2027-04', false],
    ['lainnya', '2026-03', false],
    ['lainnya', '2026-04', true],
    ['lainnya', '2026-12', true],
    ['lainnya', '2027-01', false],
    ['tidak-ada', '2026-06', false],
  ];
  it.each(cases)('%s in %s: discounted = %s', (kelompok, bulan, discounted) => {
    expect(potonganPada([pp50], kelompok, bulan) !== null).toBe(discounted);
  });
  it('gives the period of a group', () => {
    expect(periodeUntuk(pp50, 'lainnya')).toEqual({ kelompok: 'lainnya', mulai: '2026-04', sampai: '2026-12' });
    expect(periodeUntuk(pp50, 'tidak-ada')).toBeNull();
  });
});

describe('iuranBeberapaBulan', () => {
  it('applies each month’s own rule when paying in advance across the end of a discount', () => {
    const months = iuranBeberapaBulan('1000000', aturan, false, [pp50], 'lainnya', '2026-11', 3);
    expect(months.map((m) => [m.bulan, m.iuran.total])).toEqual([['2026-11', '8400'], ['2026-12', '8400'], ['2027-01', '16800']]);
    expect(jumlahIuran(months)).toBe('33600');
  });
  it('charges 12 normal months outside every discount', () => {
    expect(jumlahIuran(iuranBeberapaBulan('1000000', aturan, false, [pp50], 'transportasi', '2027-04', 12))).toBe('201600');
  });
  it('refuses a non-positive number of months', () => {
    expect(() => iuranBeberapaBulan('1000000', aturan, false, [pp50], 'lainnya', '2026-11', 0)).toThrow(/positive whole number/);
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

describe('formatPersenTarif', () => {
  it('writes rates with a decimal comma', () => {
    expect(formatPersenTarif('1')).toBe('1%');
    expect(formatPersenTarif('0.24')).toBe('0,24%');
    expect(() => formatPersenTarif('1,5')).toThrow(/rate/);
  });
});

/** The /bpu/ page's rates, minimum and table come from data/bpu/iuran.yaml, computed at build time. */
import { describe, expect, it } from 'vitest';
import { loadIuran } from '../src/lib/bpu-data.ts';
import { formatPersenTarif, hitungIuran } from '../src/lib/bpu.ts';
import { formatRupiah } from '../src/lib/claims/format.ts';
import { readPage } from './e2e/site.ts';

describe('/bpu/ figures', () => {
  const data = loadIuran();
  const text = readPage('/bpu/').replace(/<[^>]*>/g, '');

  it('states the rates and the quoted minimum from the data file', () => {
    expect(text).toContain(`JKK: ${formatPersenTarif(data.tarif.jkk_persen)} dari penghasilan`);
    expect(text).toContain(`JKM: ${formatRupiah(data.tarif.jkm_rupiah)} per bulan`);
    const minimum = hitungIuran(data.penghasilan_minimum, data.tarif, false);
    expect(text).toContain(`adalah ${formatRupiah(minimum.total)} per bulan`);
  });

  it('tabulates every example income with and without JHT', () => {
    for (const income of data.contoh_penghasilan) {
      expect(text).toContain(formatRupiah(income));
      expect(text).toContain(formatRupiah(hitungIuran(income, data.tarif, false).total));
      expect(text).toContain(formatRupiah(hitungIuran(income, data.tarif, true).total));
    }
  });
});

/** The /bpu/ page's rates, minimum, discounts and table come from data/bpu/iuran.yaml, computed at build time. */
import { describe, expect, it } from 'vitest';
import { loadIuran } from '../../src/lib/bpu-data.ts';
import { formatPersenTarif, formatRentangBulan, hitungIuran } from '../../src/lib/bpu.ts';
import { formatRupiah } from '../../src/lib/rupiah.ts';
import { readPage } from '../e2e/site.ts';

describe('/bpu/ figures', () => {
  const data = loadIuran();
  const html = readPage('/bpu/');
  const text = html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');

  it('states the rates, the minimum basis and the minimum from the data file', () => {
    expect(text).toContain(`JKK: ${formatPersenTarif(data.tarif.jkk_persen)} dari penghasilan`);
    expect(text).toContain(`JKM: ${formatRupiah(data.tarif.jkm_rupiah)} per bulan`);
    const minimum = hitungIuran(data.penghasilan_minimum, data, false);
    expect(text).toContain(`adalah ${formatRupiah(minimum.total)} per bulan`);
    expect(text).toContain(`tetap dihitung dari ${formatRupiah(data.penghasilan_minimum)}`);
  });

  it('tabulates every example income, normal and discounted, with and without JHT', () => {
    for (const income of data.contoh_penghasilan) {
      expect(text).toContain(formatRupiah(income));
      expect(text).toContain(formatRupiah(hitungIuran(income, data, false).total));
      expect(text).toContain(formatRupiah(hitungIuran(income, data, true).total));
      for (const p of data.potongan) {
        expect(text).toContain(formatRupiah(hitungIuran(income, data, false, p).total));
        expect(text).toContain(formatRupiah(hitungIuran(income, data, true, p).total));
      }
    }
  });

  it('names the months of each discount for each group, and who is excluded', () => {
    for (const p of data.potongan) {
      for (const b of p.berlaku) expect(text).toContain(formatRentangBulan(b.mulai, b.sampai));
      expect(text).toContain(p.tidak_berlaku_untuk);
    }
  });

  it('says plainly what is unverified, and lists the sources of the rates and discounts', () => {
    for (const s of data.belum_diperiksa) expect(text).toContain(s);
    for (const s of [...data.sumber, ...data.potongan.flatMap((p) => p.sumber)]) {
      if (s.url) expect(html).toContain(`href="${s.url}"`);
    }
  });

  it('shows no amount with sen', () => {
    expect(text).not.toMatch(/Rp[\d.]+,\d/);
  });
});

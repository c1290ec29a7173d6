/**
 * The real public record as readers see it in the built pages: rounded figures shown as the
 * source printed them, reconciliation within rounding versus real differences, sources with
 * date and confidence on every dataset page, and the office, regional and national pages.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { htmlFileFor, listPages } from '../e2e/site.ts';

const page = (route: string) => readFileSync(htmlFileFor(route), 'utf8');
/** Visible text of a page: tags removed, entities of the figures left as they are. */
const text = (route: string) => page(route).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the public record in the built pages', () => {
  it('at least 15 real datasets are published, each with source link, date, confidence', () => {
    const datasets = listPages().filter((r) => /^\/transparansi\/[a-z0-9-]+\/$/.test(r) && !['/transparansi/metodologi/', '/transparansi/riwayat/'].includes(r));
    expect(datasets.length).toBeGreaterThanOrEqual(15);
    for (const r of datasets) {
      const t = text(r);
      expect(t, r).toMatch(/Sumber .*?(\d{1,2} \w+ \d{4}|tanggal terbit tidak diketahui)/);
      expect(t, r).toMatch(/Tingkat keyakinan (V|M|U) —/);
      expect(page(r), r).toMatch(/<dt>Sumber<\/dt>\s*<dd>[\s\S]*?(<a href="https?:\/\/|tanggal terbit)/);
    }
  });

  it('Pasuruan 2018: JKK as printed (Rp11,9 miliar, rounded by the source), total consistent with "Rp 122 miliar" within rounding', () => {
    const t = text('/transparansi/pasuruan-2018/');
    expect(t).toContain('Rp11,9 miliar (dibulatkan oleh sumber)');
    expect(t).not.toContain('Rp11.900.000.000');
    expect(t).toContain('Total menurut sumber: Rp122 miliar (dibulatkan oleh sumber)');
    expect(t).toContain('sesuai dalam batas pembulatan');
    expect(t).not.toMatch(/berbeda Rp25\.774\.000/);
  });

  it('Jan–Feb 2017 (Rp110.400.000) and Sidoarjo 2023 (Rp1; 43 cases) are real differences', () => {
    const a = text('/transparansi/pasuruan-2017-01-02/');
    expect(a).toContain('berbeda Rp110.400.000');
    const s = text('/transparansi/sidoarjo-2023/');
    expect(s).toContain('berbeda Rp1 ');
    expect(s).toContain('berbeda 43 kasus');
  });

  it('a period without a stated start says so', () => {
    expect(text('/transparansi/surabaya-karimunjawa-2021-01-02/')).toContain('awal periode tidak disebut sumber');
  });

  it('office, regional and national pages list their datasets and what the office covers', () => {
    const p = text('/transparansi/kantor/pasuruan/');
    expect(p).toContain('Pasuruan dan Probolinggo');
    expect(p).toContain('BPJS Ketenagakerjaan Kantor Wilayah Jawa Timur');
    const k = text('/transparansi/kantor/kanwil-jawa-timur/');
    expect(k).toContain('Kantor cabang di bawahnya');
    expect(k).toMatch(/Kantor Cabang Pasuruan \(\d+ kumpulan data\)/);
    const n = text('/transparansi/kantor/nasional/');
    expect(n).toContain('Kantor wilayah di bawahnya');
    expect(n).toContain('Rp60,72 triliun');
  });
});

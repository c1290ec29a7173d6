import { describe, expect, it } from 'vitest';
import { beritaSchema, CONTENT_SCHEMAS, halamanSchema, messageText, pelatihanSchema, STATUS_PELATIHAN } from '../../src/lib/content-schemas.ts';

const halaman = { judul: 'A', ringkasan: 'Ringkasan yang cukup panjang untuk halaman.', sumber: [{ judul: 'S' }], terakhir_ditinjau: '2026-11-28' };

describe('content schemas', () => {
  it('are the three collections', () => {
    expect(Object.keys(CONTENT_SCHEMAS)).toEqual(['halaman', 'pelatihan', 'berita']);
    expect(STATUS_PELATIHAN).toEqual(['dibuka', 'ditutup', 'belum-diketahui']);
  });

  it('turn YYYY-MM-DD text (the content check) and midnight Dates (Astro\'s YAML parser) into the same Date', () => {
    const a = halamanSchema.parse(halaman);
    const b = halamanSchema.parse({ ...halaman, terakhir_ditinjau: new Date(Date.UTC(2026, 10, 28)) });
    expect(a.terakhir_ditinjau).toEqual(new Date(Date.UTC(2026, 10, 28)));
    expect(b.terakhir_ditinjau).toEqual(a.terakhir_ditinjau);
  });

  it('coerce nothing into a date', () => {
    for (const v of [null, 0, '', '2026-02-30', new Date(Date.UTC(2026, 10, 28, 10)), new Date(Number.NaN), true]) {
      expect(halamanSchema.safeParse({ ...halaman, terakhir_ditinjau: v }).success, String(v)).toBe(false);
    }
  });

  it('carry Indonesian messages with an English twin', () => {
    const r = pelatihanSchema.safeParse({ ...halaman, status: 'buka' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('kolom "bidang" wajib diisi');
    expect(messageText('kolom "bidang" wajib diisi')).toEqual({ id: 'kolom "bidang" wajib diisi', en: 'field "bidang" is required' });
    expect(messageText('"status" harus salah satu dari: dibuka, ditutup, belum-diketahui')?.en).toBe('"status" must be one of: dibuka, ditutup, belum-diketahui');
    expect(messageText('no such message')).toBeUndefined();
  });

  it('refuse unknown keys at every level, non-http source URLs and overlong text', () => {
    expect(halamanSchema.safeParse({ ...halaman, title: 'x' }).success).toBe(false);
    expect(halamanSchema.safeParse({ ...halaman, sumber: [{ judul: 'S', tahun: 2017 }] }).success).toBe(false);
    expect(halamanSchema.safeParse({ ...halaman, sumber: [{ judul: 'S', url: 'javascript:alert(1)' }] }).success).toBe(false);
    expect(halamanSchema.safeParse({ ...halaman, sumber: [{ judul: 'S', url: 'https://example.org/' }] }).success).toBe(true);
    expect(halamanSchema.safeParse({ ...halaman, judul: 'x'.repeat(151) }).success).toBe(false);
  });

  it('news without a date must say what is known about it', () => {
    const r = beritaSchema.safeParse({ ...halaman, tanggal_urut: '2017-03-01' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['keterangan_tanggal']);
    expect(beritaSchema.safeParse({ ...halaman, tanggal_urut: '2017-03-01', keterangan_tanggal: 'Awal 2017' }).success).toBe(true);
  });
});

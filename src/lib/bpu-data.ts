/**
 * The BPU contribution rates file (data/bpu/iuran.yaml): its schema and loader.
 * Rates are kept as exact decimal strings together with their source and date; temporary
 * discounts (PP 50/2025) are kept with their months, the groups they apply to and their sources.
 *
 * Messages of fields added for the discounts are in Indonesian (the site's editors' language);
 * the older ones are translated by the diagnostics work elsewhere.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseIsoDate } from './dates.ts';
import { parseYamlWithSchema } from './yaml-data.ts';

const desimal = (field: string) =>
  z.string({ error: `"${field}" must be a quoted decimal such as "1" or "6800"` })
    .regex(/^\d+(\.\d+)?$/, `"${field}" must be a plain decimal such as "1" or "6800" (no dots for thousands)`);

const tanggal = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine((s) => parseIsoDate(s) !== null, 'must be a real date written YYYY-MM-DD');

/** A date in a new field (Indonesian message). */
const tanggalBaru = (field: string) =>
  z
    .string({ error: `"${field}" wajib diisi: tanggal yang ditulis TTTT-BB-HH, misalnya 2026-02-04` })
    .refine((s) => parseIsoDate(s) !== null, `"${field}" harus tanggal yang benar, ditulis TTTT-BB-HH, misalnya 2026-02-04`);

/** A calendar month `YYYY-MM`. */
const bulan = (field: string) =>
  z
    .string({ error: `"${field}" wajib diisi: bulan yang ditulis TTTT-BB dalam tanda kutip, misalnya "2026-01"` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `"${field}" harus bulan yang ditulis TTTT-BB, misalnya "2026-01" (bulan 01 sampai 12)`);

const KEYAKINAN = ['V', 'M', 'U'] as const;

/** A source cited for a rule in force: every field required, so a reader can check it. */
const sumberLengkap = z
  .object({
    judul: z.string({ error: 'setiap sumber wajib punya "judul" (judul artikel atau dokumen)' }).min(1, '"judul" tidak boleh kosong'),
    penerbit: z.string({ error: 'setiap sumber wajib punya "penerbit" (media atau lembaga yang menerbitkan)' }).min(1, '"penerbit" tidak boleh kosong'),
    url: z.url({ error: 'setiap sumber wajib punya "url": alamat web lengkap yang diawali https://' }),
    tanggal: tanggalBaru('tanggal'),
    keyakinan: z.enum(KEYAKINAN, { error: '"keyakinan" wajib diisi: V, M, atau U (lihat PANDUAN-EDITOR.md)' }),
  })
  .strict();

const PROGRAM_POTONGAN = ['JKK', 'JKM', 'JHT'] as const;

const potonganSchema = z
  .object({
    nama: z.string({ error: '"nama" wajib diisi, misalnya "Potongan iuran JKK dan JKM (PP 50/2025)"' }).min(1, '"nama" tidak boleh kosong'),
    dasar_hukum: z.string({ error: '"dasar_hukum" wajib diisi: nama lengkap peraturannya' }).min(1, '"dasar_hukum" tidak boleh kosong'),
    diundangkan: tanggalBaru('diundangkan'),
    /** The share still paid, in percent of the normal amount ("50"). */
    persen_dibayar: z
      .string({ error: '"persen_dibayar" wajib diisi: persen yang tetap dibayar, dalam tanda kutip, misalnya "50"' })
      .regex(/^\d+(\.\d+)?$/, '"persen_dibayar" harus angka desimal biasa dalam tanda kutip, misalnya "50" atau "12.5"')
      .refine((s) => Number(s) < 100, '"persen_dibayar" harus kurang dari 100: ini persen yang tetap dibayar, bukan besar potongannya'),
    program: z
      .array(z.enum(PROGRAM_POTONGAN, { error: 'program yang dipotong harus salah satu dari: JKK, JKM, JHT' }), {
        error: '"program" wajib diisi: daftar program yang iurannya dipotong, misalnya [JKK, JKM]',
      })
      .min(1, '"program" harus menyebut paling sedikit satu program')
      .refine((list) => new Set(list).size === list.length, '"program" tidak boleh menyebut program yang sama dua kali'),
    berlaku: z
      .array(
        z
          .object({
            kelompok: z.string({ error: '"kelompok" wajib diisi: id dari daftar "kelompok_peserta"' }),
            mulai: bulan('mulai'),
            sampai: bulan('sampai'),
          })
          .strict()
          .refine((b) => b.mulai <= b.sampai, { message: '"sampai" tidak boleh lebih awal dari "mulai"', path: ['sampai'] }),
        { error: '"berlaku" wajib diisi: daftar kelompok peserta dengan bulan "mulai" dan "sampai"' },
      )
      .min(1, '"berlaku" harus berisi paling sedikit satu kelompok dengan bulan "mulai" dan "sampai"'),
    tidak_berlaku_untuk: z.string({ error: '"tidak_berlaku_untuk" wajib diisi: siapa yang tidak mendapat potongan' }).min(1),
    sumber: z.array(sumberLengkap, { error: '"sumber" wajib diisi: daftar sumber potongan ini' }).min(1, '"sumber" harus berisi paling sedikit satu sumber'),
  })
  .strict();

export const iuranSchema = z
  .object({
    sumber: z
      .array(
        z.object({
          judul: z.string().min(1),
          penerbit: z.string().optional(),
          url: z.url().optional(),
          tanggal: tanggalBaru('tanggal').optional(),
          keyakinan: z.enum(KEYAKINAN).optional(),
        }).strict(),
      )
      .min(1, 'list at least one source'),
    berlaku_sejak: tanggal.nullable(),
    keterangan_berlaku: z.string().optional(),
    terakhir_ditinjau: tanggal,
    tarif: z.object({
      jkk_persen: desimal('jkk_persen'),
      jkm_rupiah: desimal('jkm_rupiah'),
      jht_persen: desimal('jht_persen'),
    }).strict(),
    /** The lowest income basis: a declared income below it is computed as this amount. */
    penghasilan_minimum: z.string().regex(/^[1-9]\d*$/, '"penghasilan_minimum" must be whole rupiah digits, e.g. "1000000"'),
    contoh_penghasilan: z
      .array(z.string().regex(/^[1-9]\d*$/, 'each example income must be whole rupiah digits, e.g. "1500000"'))
      .min(1),
    catatan: z.string().min(1),
    /** What is still unverified, in plain words, shown on the page. */
    belum_diperiksa: z
      .array(z.string().min(1, 'kalimat di "belum_diperiksa" tidak boleh kosong'), {
        error: '"belum_diperiksa" wajib diisi: daftar hal yang belum kami periksa (boleh kosong: [])',
      }),
    url_resmi: z.url(),
    /** Groups of members a discount may apply to (ids used by "potongan[].berlaku[].kelompok"). */
    kelompok_peserta: z
      .array(
        z
          .object({
            id: z
              .string({ error: '"id" wajib diisi, huruf kecil tanpa spasi, misalnya transportasi' })
              .regex(/^[a-z][a-z0-9-]*$/, '"id" harus huruf kecil, angka, atau tanda hubung, misalnya transportasi'),
            nama: z.string({ error: '"nama" wajib diisi: nama kelompok yang dibaca pengunjung' }).min(1, '"nama" tidak boleh kosong'),
            keterangan: z.string().min(1).optional(),
          })
          .strict(),
        { error: '"kelompok_peserta" wajib diisi: daftar kelompok peserta (misalnya transportasi dan lainnya)' },
      )
      .min(1, '"kelompok_peserta" harus berisi paling sedikit satu kelompok'),
    /** Temporary discounts, each with its months per group and its sources. */
    potongan: z.array(potonganSchema, { error: '"potongan" wajib diisi: daftar potongan iuran yang berlaku (boleh kosong: [])' }),
  })
  .strict()
  .refine((d) => d.berlaku_sejak !== null || (d.keterangan_berlaku ?? '') !== '', {
    message: 'when "berlaku_sejak" is unknown (null), "keterangan_berlaku" must say so in words',
    path: ['keterangan_berlaku'],
  })
  .superRefine((d, ctx) => {
    const ids = d.kelompok_peserta.map((k) => k.id);
    d.kelompok_peserta.forEach((k, i) => {
      if (ids.indexOf(k.id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['kelompok_peserta', i, 'id'], message: `id "${k.id}" sudah dipakai kelompok lain; setiap kelompok perlu id sendiri` });
      }
    });
    // Each group may have at most one discount in any month, or the amount would be ambiguous.
    const seen: { kelompok: string; mulai: string; sampai: string; where: string }[] = [];
    d.potongan.forEach((p, i) => {
      p.berlaku.forEach((b, j) => {
        if (!ids.includes(b.kelompok)) {
          ctx.addIssue({
            code: 'custom',
            path: ['potongan', i, 'berlaku', j, 'kelompok'],
            message: `kelompok "${b.kelompok}" tidak ada di "kelompok_peserta"; pakai salah satu: ${ids.join(', ')}`,
          });
        }
        const overlap = seen.find((s) => s.kelompok === b.kelompok && s.mulai <= b.sampai && b.mulai <= s.sampai);
        if (overlap) {
          ctx.addIssue({
            code: 'custom',
            path: ['potongan', i, 'berlaku', j, 'mulai'],
            message: `bulan ${b.mulai} sampai ${b.sampai} untuk kelompok "${b.kelompok}" bertumpuk dengan ${overlap.where} (${overlap.mulai} sampai ${overlap.sampai}); dalam satu bulan hanya boleh ada satu potongan`,
          });
        }
        seen.push({ kelompok: b.kelompok, mulai: b.mulai, sampai: b.sampai, where: `potongan ke-${i + 1}` });
      });
    });
  });

export type DataIuran = z.output<typeof iuranSchema>;

export const IURAN_PATH = 'data/bpu/iuran.yaml';

const loaded = new Map<string, DataIuran>();

/**
 * Read and validate data/bpu/iuran.yaml (relative to the working directory, the project root),
 * once per build: the rate list, the table and the calculator all read it.
 */
export function loadIuran(path: string = IURAN_PATH): DataIuran {
  let data = loaded.get(path);
  if (!data) {
    data = parseYamlWithSchema(readFileSync(path, 'utf8'), path, iuranSchema);
    loaded.set(path, data);
  }
  return data;
}

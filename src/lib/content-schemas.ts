/**
 * The frontmatter schemas of the content collections (content/halaman, content/pelatihan,
 * content/berita), in one place: src/content.config.ts hands them to Astro, and
 * `npm run content:check` (a plain Node script) validates every file against the same schemas
 * first, so an editor sees `PATH:LINE:COLUMN` and an Indonesian message instead of Astro's error.
 *
 * Messages are Indonesian (what Astro prints if it ever gets that far); each one is registered
 * with its English version, which the content check looks up with `messageText()`.
 */
import { z } from 'zod';
import { parseIsoDate } from './dates.ts';
import { quoteInput, type Text } from './diagnostics.ts';

/** Every message a schema has produced in this process, by its Indonesian text. */
const TEXTS = new Map<string, Text>();

/** Registers a bilingual message and returns its Indonesian text (what zod carries). */
function pesan(id: string, en: string): string {
  if (!TEXTS.has(id)) TEXTS.set(id, { id, en });
  return id;
}

/** The bilingual message for a zod issue message produced by these schemas, if it is one of ours. */
export function messageText(message: string): Text | undefined {
  return TEXTS.get(message);
}

/** Limits on text fields: the page layout and search results stay readable, and a runaway value fails early. */
export const BATAS = {
  judul: 150,
  ringkasanMin: 20,
  ringkasanMax: 200,
  teks: 1000,
  url: 2000,
  daftar: 30,
} as const;

/** A required field is missing, or has the wrong type. */
function jenis(field: string, what: Text) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? pesan(`kolom "${field}" wajib diisi`, `field "${field}" is required`)
      : issue.input === null
        ? pesan(`kolom "${field}" kosong; isi ${what.id}`, `field "${field}" is empty; write ${what.en}`)
        : pesan(`"${field}" harus berupa ${what.id}`, `"${field}" must be ${what.en}`);
}

const TEKS: Text = { id: 'teks', en: 'text' };

/** A line of text: not empty, at most `max` characters. */
function teks(field: string, max: number = BATAS.teks) {
  return z
    .string({ error: jenis(field, TEKS) })
    .trim()
    .min(1, pesan(`"${field}" tidak boleh kosong`, `"${field}" must not be empty`))
    .max(max, pesan(`"${field}" terlalu panjang: paling banyak ${max} karakter`, `"${field}" is too long: at most ${max} characters`));
}

/** How a date should be written, for messages. */
const CONTOH_TANGGAL = { id: 'tulis YYYY-MM-DD, misalnya 2026-11-28', en: 'write it as YYYY-MM-DD, for example 2026-11-28' };

/**
 * A calendar date written `YYYY-MM-DD`. The content check reads YAML dates as text and they
 * must exist in the calendar; Astro's YAML parser may already have made a Date of it, which must
 * be a whole day. Nothing else is coerced: `null`, numbers and empty values are errors.
 */
function tanggal(field: string, opsional = false) {
  return z
    .union([z.date(), z.string()], {
      error: (issue) =>
        issue.input === undefined
          ? pesan(`kolom "${field}" wajib diisi; ${CONTOH_TANGGAL.id}`, `field "${field}" is required; ${CONTOH_TANGGAL.en}`)
          : issue.input === null
            ? opsional
              ? pesan(
                  `"${field}" kosong; isi tanggalnya (${CONTOH_TANGGAL.id}), atau hapus baris ini jika tanggalnya tidak diketahui`,
                  `"${field}" is empty; write the date (${CONTOH_TANGGAL.en}), or remove the line if the date is unknown`,
                )
              : pesan(`"${field}" kosong; isi tanggalnya, ${CONTOH_TANGGAL.id}`, `"${field}" is empty; write the date, ${CONTOH_TANGGAL.en}`)
            : pesan(`"${field}" harus tanggal; ${CONTOH_TANGGAL.id}`, `"${field}" must be a date; ${CONTOH_TANGGAL.en}`),
    })
    .transform((value, ctx) => {
      if (value instanceof Date) {
        if (!Number.isNaN(value.getTime()) && value.getTime() % 86_400_000 === 0) return value;
      } else {
        const parsed = parseIsoDate(value.trim());
        if (parsed) return parsed;
        if (value.trim() === '') {
          ctx.addIssue({
            code: 'custom',
            message: opsional
              ? pesan(
                  `"${field}" kosong; isi tanggalnya (${CONTOH_TANGGAL.id}), atau hapus baris ini jika tanggalnya tidak diketahui`,
                  `"${field}" is empty; write the date (${CONTOH_TANGGAL.en}), or remove the line if the date is unknown`,
                )
              : pesan(`"${field}" kosong; isi tanggalnya, ${CONTOH_TANGGAL.id}`, `"${field}" is empty; write the date, ${CONTOH_TANGGAL.en}`),
          });
          return z.NEVER;
        }
      }
      const shown = value instanceof Date ? (Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()) : value;
      const quoted = quoteInput(shown, 40);
      const dayFirst = typeof value === 'string' ? /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value.trim()) : null;
      if (dayFirst) {
        const iso = `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`;
        ctx.addIssue({
          code: 'custom',
          message: pesan(
            `"${field}" ditulis dengan hari lebih dulu: ${quoted}; tulis YYYY-MM-DD, yaitu ${iso}`,
            `"${field}" is written day first: ${quoted}; write it as YYYY-MM-DD, that is ${iso}`,
          ),
        });
        return z.NEVER;
      }
      if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
        ctx.addIssue({
          code: 'custom',
          message: pesan(`"${field}" harus tanggal: ${quoted}; ${CONTOH_TANGGAL.id}`, `"${field}" must be a date: ${quoted}; ${CONTOH_TANGGAL.en}`),
        });
        return z.NEVER;
      }
      ctx.addIssue({
        code: 'custom',
        message: pesan(
          `"${field}" bukan tanggal yang ada di kalender: ${quoted}; ${CONTOH_TANGGAL.id}`,
          `"${field}" is not a real date: ${quoted}; ${CONTOH_TANGGAL.en}`,
        ),
      });
      return z.NEVER;
    });
}

/** Unknown keys (usually a misspelt field): the content check names them with a suggestion. */
const strict = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? pesan(
          `kolom tidak dikenal: ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}; periksa ejaannya di PANDUAN-EDITOR.md`,
          `unknown field${(issue.keys ?? []).length === 1 ? '' : 's'} ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}: check the spelling against PANDUAN-EDITOR.md`,
        )
      : undefined,
};

export const KEYAKINAN = ['V', 'M', 'U'] as const;

/** Where a fact comes from. `keyakinan`: V verified, M several sources agree, U single/weak source. */
export const sumberSchema = z.strictObject(
  {
    judul: teks('judul', 300),
    penerbit: teks('penerbit', 300).optional(),
    url: z
      .url({
        protocol: /^https?$/,
        error: pesan('"url" harus alamat web lengkap yang diawali https://', '"url" must be a full web address starting with https://'),
      })
      .max(BATAS.url, pesan(`"url" terlalu panjang: paling banyak ${BATAS.url} karakter`, `"url" is too long: at most ${BATAS.url} characters`))
      .optional(),
    tanggal: tanggal('tanggal', true).optional(),
    keyakinan: z
      .enum(KEYAKINAN, { error: pesan('"keyakinan" harus V, M, atau U', '"keyakinan" must be V, M or U') })
      .optional(),
  },
  strict,
);

const umum = {
  judul: teks('judul', BATAS.judul),
  ringkasan: z
    .string({ error: jenis('ringkasan', TEKS) })
    .trim()
    .min(
      BATAS.ringkasanMin,
      pesan(
        `"ringkasan" harus kalimat lengkap, paling sedikit ${BATAS.ringkasanMin} karakter`,
        `"ringkasan" must be a full sentence of at least ${BATAS.ringkasanMin} characters`,
      ),
    )
    .max(
      BATAS.ringkasanMax,
      pesan(
        `"ringkasan" paling banyak ${BATAS.ringkasanMax} karakter (ditampilkan di hasil pencarian)`,
        `"ringkasan" must be at most ${BATAS.ringkasanMax} characters (it is shown in search results)`,
      ),
    ),
  sumber: z
    .array(sumberSchema, { error: jenis('sumber', { id: 'daftar sumber', en: 'a list of sources' }) })
    .min(1, pesan('"sumber" harus berisi paling sedikit satu sumber', '"sumber" must list at least one source'))
    .max(BATAS.daftar, pesan(`"sumber" paling banyak ${BATAS.daftar} sumber`, `"sumber" may list at most ${BATAS.daftar} sources`)),
  terakhir_ditinjau: tanggal('terakhir_ditinjau'),
};

/** Fixed pages: kemitraan, bpu, tentang, beranda (their file name is their id). */
export const halamanSchema = z.strictObject(umum, strict);

export const STATUS_PELATIHAN = ['dibuka', 'ditutup', 'belum-diketahui'] as const;

export const pelatihanSchema = z.strictObject(
  {
    ...umum,
    bidang: teks('bidang', 200),
    penyelenggara: teks('penyelenggara', 300),
    tempat: teks('tempat', 300),
    /** Unknown facts are left out; the page then says "belum diketahui". */
    durasi: teks('durasi', 300).optional(),
    biaya: teks('biaya', 300).optional(),
    syarat: z
      .array(teks('syarat', 300), { error: jenis('syarat', { id: 'daftar (baris yang diawali "- ")', en: 'a list (lines starting with "- ")' }) })
      .max(BATAS.daftar, pesan(`"syarat" paling banyak ${BATAS.daftar} baris`, `"syarat" may have at most ${BATAS.daftar} items`))
      .optional(),
    cara_daftar: teks('cara_daftar').optional(),
    status: z.enum(STATUS_PELATIHAN, {
      error: pesan(`"status" harus salah satu dari: ${STATUS_PELATIHAN.join(', ')}`, `"status" must be one of: ${STATUS_PELATIHAN.join(', ')}`),
    }),
    /** Date the status was last confirmed (optional). */
    tanggal_status: tanggal('tanggal_status', true).optional(),
  },
  strict,
);

export const beritaSchema = z
  .strictObject(
    {
      ...umum,
      /** Publication date when known. */
      tanggal: tanggal('tanggal', true).optional(),
      /** Sort date: the best known lower bound, used for ordering only when "tanggal" is unknown. */
      tanggal_urut: tanggal('tanggal_urut'),
      /** How the date is known, in words, required when "tanggal" is empty. */
      keterangan_tanggal: teks('keterangan_tanggal', 500).optional(),
    },
    strict,
  )
  .refine((b) => b.tanggal !== undefined || (b.keterangan_tanggal ?? '').length > 0, {
    message: pesan(
      'jika "tanggal" tidak diketahui, "keterangan_tanggal" harus menjelaskan apa yang diketahui tentang tanggalnya',
      'when "tanggal" is unknown, "keterangan_tanggal" must say what is known about the date',
    ),
    path: ['keterangan_tanggal'],
  });

/** The collections: folder under content/ → frontmatter schema. */
export const CONTENT_SCHEMAS = {
  halaman: halamanSchema,
  pelatihan: pelatihanSchema,
  berita: beritaSchema,
} as const;

export type Koleksi = keyof typeof CONTENT_SCHEMAS;

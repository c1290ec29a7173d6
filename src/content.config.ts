/**
 * Content collections: every MDX file under content/ is validated here.
 * A wrong field fails the build with Astro's message naming the entry and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** A calendar date written YYYY-MM-DD (YAML may already have parsed it into a Date). */
const tanggal = (field: string) =>
  z.coerce.date({ error: `"${field}" must be a date written YYYY-MM-DD, for example 2026-11-28` });

/** Where a fact comes from. `keyakinan`: V verified, M several sources agree, U single/weak source. */
const sumber = z.object({
  judul: z.string({ error: 'each source needs a "judul" (title)' }).min(1),
  penerbit: z.string().optional(),
  url: z.url({ error: '"url" must be a full web address starting with https://' }).optional(),
  tanggal: tanggal('tanggal').optional(),
  keyakinan: z.enum(['V', 'M', 'U'], { error: '"keyakinan" must be V, M or U (see DOMAIN.md)' }).optional(),
});

/** Unknown keys (usually a misspelt field) get a message that names them. */
const strict = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field${(issue.keys ?? []).length === 1 ? '' : 's'} ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}: check the spelling against PANDUAN-EDITOR.md`
      : undefined,
};

const umum = {
  judul: z.string({ error: '"judul" (title) is required' }).min(1, '"judul" must not be empty'),
  ringkasan: z
    .string({ error: '"ringkasan" (one-sentence summary, used as the page description) is required' })
    .min(20, '"ringkasan" must be a full sentence of at least 20 characters')
    .max(200, '"ringkasan" must be at most 200 characters (it is shown in search results)'),
  sumber: z.array(sumber, { error: '"sumber" must be a list of sources' }).min(1, '"sumber" must list at least one source'),
  terakhir_ditinjau: tanggal('terakhir_ditinjau'),
};

/** Fixed pages: kemitraan, bpu, tentang, beranda (their file name is their id). */
const halaman = defineCollection({
  loader: glob({ base: './content/halaman', pattern: '**/*.mdx' }),
  schema: z.strictObject(umum, strict),
});

export const STATUS_PELATIHAN = ['dibuka', 'ditutup', 'belum-diketahui'] as const;

const pelatihan = defineCollection({
  loader: glob({ base: './content/pelatihan', pattern: '**/*.mdx' }),
  schema: z
    .strictObject({
      ...umum,
      bidang: z.string().min(1),
      penyelenggara: z.string().min(1),
      tempat: z.string().min(1),
      /** Unknown facts are left out; the page then says "belum diketahui". */
      durasi: z.string().optional(),
      biaya: z.string().optional(),
      syarat: z.array(z.string()).optional(),
      cara_daftar: z.string().optional(),
      status: z.enum(STATUS_PELATIHAN, {
        error: `"status" must be one of: ${STATUS_PELATIHAN.join(', ')}`,
      }),
      /** Date the status was last confirmed (optional). */
      tanggal_status: tanggal('tanggal_status').optional(),
    }, strict),
});

const berita = defineCollection({
  loader: glob({ base: './content/berita', pattern: '**/*.mdx' }),
  schema: z
    .strictObject({
      ...umum,
      /** Publication date when known. */
      tanggal: tanggal('tanggal').optional(),
      /** Sort date: the best known lower bound, used for ordering only when "tanggal" is unknown. */
      tanggal_urut: tanggal('tanggal_urut'),
      /** How the date is known, in words, required when "tanggal" is empty. */
      keterangan_tanggal: z.string().optional(),
    }, strict)
    .refine((b) => b.tanggal !== undefined || (b.keterangan_tanggal ?? '').length > 0, {
      message: 'when "tanggal" is unknown, "keterangan_tanggal" must say what is known about the date',
      path: ['keterangan_tanggal'],
    }),
});

export const collections = { halaman, pelatihan, berita };

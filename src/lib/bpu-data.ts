/**
 * The BPU contribution rates file (data/bpu/iuran.yaml): its schema and loader.
 * Rates are kept as exact decimal strings together with their source and date.
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

export const iuranSchema = z
  .object({
    sumber: z
      .array(
        z.object({
          judul: z.string().min(1),
          penerbit: z.string().optional(),
          url: z.url().optional(),
          keyakinan: z.enum(['V', 'M', 'U']).optional(),
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
    /** The declared income of the commonly quoted minimum contribution (JKK + JKM). */
    penghasilan_minimum: z.string().regex(/^[1-9]\d*$/, '"penghasilan_minimum" must be whole rupiah digits, e.g. "1000000"'),
    contoh_penghasilan: z
      .array(z.string().regex(/^[1-9]\d*$/, 'each example income must be whole rupiah digits, e.g. "1500000"'))
      .min(1),
    catatan: z.string().min(1),
    url_resmi: z.url(),
  })
  .strict()
  .refine((d) => d.berlaku_sejak !== null || (d.keterangan_berlaku ?? '') !== '', {
    message: 'when "berlaku_sejak" is unknown (null), "keterangan_berlaku" must say so in words',
    path: ['keterangan_berlaku'],
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

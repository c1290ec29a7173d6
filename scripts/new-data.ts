/**
 * npm run data:new -- <id> [--lang en]
 *
 * Starts a claims dataset: writes data/klaim/<id>.csv (the header of contract v2) and
 * data/klaim/<id>.meta.yaml (every field, each with an Indonesian comment saying what goes
 * there). Values the editor must take from the source are left empty or null, so
 * `npm run data:check` points at each one until it is filled in: nothing is invented.
 *
 * Refuses an invalid or reserved id and never overwrites an existing file (exit 1).
 * Messages in Indonesian (English with --lang en or RTW_LANG=en); exit 2 on a usage error.
 */
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HEADER } from '../src/lib/claims/csv-check.ts';
import { ID_PATTERN, RESERVED_IDS } from '../src/lib/claims/meta.ts';
import { cliOptions, quoteInput, t, UsageError, type Lang, type Text } from '../src/lib/claims/diagnostics.ts';

/** The metadata template for a new dataset (every field of the schema, commented in Indonesian). */
export function metaTemplate(id: string): string {
  return `# Metadata dataset ${id}. Isi setiap isian dari sumbernya; yang tidak disebut sumber tetap null.
# Penjelasan lengkap: data/klaim/README.md dan PANDUAN-EDITOR.md bagian 9.
# Setelah mengisi, jalankan: npm run data:check -- data/klaim/${id}.csv
id: ${id}                # sama dengan nama berkas; jangan diubah
title: ""                # judul dataset dalam bahasa Indonesia, misalnya "Klaim BPJS Ketenagakerjaan Kantor Cabang Pasuruan, 2018"
description: null        # penjelasan singkat untuk pengunjung, atau null
level: kantor_cabang     # tingkat kantor yang dilaporkan: kantor_cabang, kantor_wilayah, atau nasional
offices: []              # nama kantor dari data/kantor.yaml yang dipakai di kolom kantor CSV, misalnya [Pasuruan]
period:                  # periode data menurut sumber
  start: null            # hari pertama periode, TTTT-BB-HH, misalnya 2018-01-01
  end: null              # hari terakhir periode, TTTT-BB-HH, misalnya 2018-12-31
  start_stated: true     # true bila sumber menyebut awal periode; false bila hanya akhirnya ("sampai Juli 2019")
  printed: ""            # periode persis seperti ditulis sumber, misalnya "sepanjang 2018"
confidence: U            # V (terverifikasi), M (beberapa sumber sepakat), atau U (satu sumber atau sumber lemah)
source:                  # dari mana angka-angka ini berasal
  publisher: ""          # penerbit sumber, misalnya "Radar Bromo (Jawa Pos)"
  headline: ""           # judul berita atau dokumen, persis seperti di sumber
  url: null              # alamat lengkap http(s) sumber, atau null bila tidak ada
  published: null        # tanggal terbit TTTT-BB-HH, atau null bila tidak diketahui
  note: null             # catatan tentang sumber, atau null
reported: null           # total yang disebut sumber, atau null bila sumber tidak menyebut total; bentuknya:
#   nominal: "122000000000"        # total rupiah dalam tanda kutip, angka polos tanpa titik
#   nominal_printed: Rp 122 miliar # teks total persis bila sumber membulatkannya; null bila ditulis sampai rupiah
#   kasus: null                    # total jumlah kasus dalam tanda kutip, atau null
#   kasus_printed: null            # teks jumlah kasus persis bila dibulatkan ("3,39 juta"), atau null
#   includes: []                   # bagian total yang bukan program (misalnya beasiswa), dengan name dan angkanya
licence:                 # lisensi data olahan dan hak cipta sumber
  id: CC-BY-4.0          # lisensi data olahan kita; saat ini hanya CC-BY-4.0
  note: ""               # siapa pemegang hak cipta teks sumber, dan bahwa sumber aslinya harus disebut bila mengutip
notes: null              # kutipan kalimat sumber untuk setiap angka, dan penjelasan lain, atau null
last_reviewed: null      # tanggal Anda terakhir memeriksa data ini terhadap sumbernya, TTTT-BB-HH
`;
}

/** Why an id cannot be used, or null when it can. */
export function idProblem(id: string): Text | null {
  if (id.length > 80) return t(`id ${quoteInput(id, 40)} lebih dari 80 karakter; persingkat`, `id ${quoteInput(id, 40)} is longer than 80 characters; shorten it`);
  if (!ID_PATTERN.test(id)) {
    return t(`id ${quoteInput(id, 40)} hanya boleh berisi huruf kecil, angka, dan tanda hubung tunggal, misalnya pasuruan-2018`,
      `id ${quoteInput(id, 40)} may contain only lower-case letters, digits and single dashes, e.g. pasuruan-2018`);
  }
  if (RESERVED_IDS.includes(id)) {
    return t(`id "${id}" sudah dipakai situs (${RESERVED_IDS.join(', ')}); pilih nama lain, misalnya pasuruan-2018`,
      `id "${id}" is taken by the site (${RESERVED_IDS.join(', ')}); choose another name, e.g. pasuruan-2018`);
  }
  return null;
}

/** Creates `path` with `content`, failing if it exists (no race between check and write). */
function createNew(path: string, content: string): void {
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

function main(argv: string[], env: NodeJS.ProcessEnv): number {
  let lang: Lang;
  let rest: string[];
  try {
    ({ lang, rest } = cliOptions(argv, env));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const say = (m: Text): string => m[lang];
  if (rest.length !== 1) {
    process.stderr.write(`error: ${say(t('sebutkan satu id dataset: npm run data:new -- pasuruan-2018', 'name one dataset id: npm run data:new -- pasuruan-2018'))}\n`);
    return 2;
  }
  const id = rest[0]!;
  const problem = idProblem(id);
  if (problem !== null) {
    process.stderr.write(`error: ${say(problem)}\n`);
    return 1;
  }
  const dir = resolve('data', 'klaim');
  const csv = join(dir, `${id}.csv`);
  const meta = join(dir, `${id}.meta.yaml`);
  const rel = (p: string): string => `data/klaim/${p.slice(dir.length + 1)}`;
  const taken = [csv, meta].filter((p) => existsSync(p));
  if (taken.length > 0) {
    const files = taken.map(rel).join(', ');
    process.stderr.write(`error: ${say(t(`${files} sudah ada; tidak ditimpa. Pilih id lain, atau sunting berkas yang ada`, `${files} already exists; not overwritten. Choose another id, or edit the existing file`))}\n`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  try {
    createNew(csv, `${HEADER}\n`);
    createNew(meta, metaTemplate(id));
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') {
      process.stderr.write(`error: ${say(t('berkas dataset dibuat bersamaan oleh proses lain; tidak ditimpa', 'the dataset files were created meanwhile by another process; not overwritten'))}\n`);
      return 1;
    }
    throw e;
  }
  process.stdout.write(say(t(
    `dibuat ${rel(csv)} dan ${rel(meta)}. Tambahkan satu baris per kantor, periode, dan program di CSV, isi metadata dari sumbernya, lalu jalankan: npm run data:check -- ${rel(csv)}\n`,
    `created ${rel(csv)} and ${rel(meta)}. Add one row per office, period and programme to the CSV, fill in the metadata from the source, then run: npm run data:check -- ${rel(csv)}\n`,
  )));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = main(process.argv.slice(2), process.env);
  } catch (e) {
    process.stderr.write(`error: data:new failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}

/**
 * The list of checks the claims pipeline runs, as data. The methodology page
 * renders this list, so it shows exactly the rules the code enforces; every
 * diagnostic carries the id of the rule that produced it.
 */

/** One validation rule: a stable id and a one-sentence plain-language description in Indonesian and English. */
export interface Rule {
  /** Stable identifier, also carried by each diagnostic (`Diagnostic.rule`). */
  id: string;
  /** Severity of a breach: errors stop publication, warnings are published with an explanation. */
  severity: 'error' | 'warning';
  /** One sentence in plain Indonesian (`id`, for the methodology page) and in English (`en`, for developers). */
  description: { id: string; en: string };
}

/** Every rule the code checks, in the order a file is read. */
export const RULES = [
  {
    id: 'file.read',
    severity: 'error',
    description: {
      id: 'Berkas data harus ada, dapat dibaca, dan tidak kosong.',
      en: 'A data file must exist, be readable and not be empty.',
    },
  },
  {
    id: 'file.encoding',
    severity: 'error',
    description: {
      id: 'Berkas CSV harus disimpan dalam pengodean UTF-8.',
      en: 'A CSV file must be encoded as UTF-8.',
    },
  },
  {
    id: 'header.delimiter',
    severity: 'error',
    description: {
      id: 'Kolom dipisahkan dengan koma, bukan titik koma atau tab.',
      en: 'Columns are separated by commas, not semicolons or tabs.',
    },
  },
  {
    id: 'header.missing',
    severity: 'error',
    description: {
      id: 'Baris judul memuat kedelapan kolom wajib: kantor, periode_awal, periode_akhir, program, jumlah_kasus, nominal_rp, kasus_tertulis, nominal_tertulis.',
      en: 'The header contains all eight required columns: kantor, periode_awal, periode_akhir, program, jumlah_kasus, nominal_rp, kasus_tertulis, nominal_tertulis.',
    },
  },
  {
    id: 'header.unknown',
    severity: 'error',
    description: {
      id: 'Baris judul tidak memuat kolom lain atau nama kolom yang salah eja.',
      en: 'The header has no other columns and no misspelt column names.',
    },
  },
  {
    id: 'header.duplicate',
    severity: 'error',
    description: {
      id: 'Setiap kolom hanya muncul satu kali di baris judul.',
      en: 'Each column appears only once in the header.',
    },
  },
  {
    id: 'header.order',
    severity: 'error',
    description: {
      id: 'Kolom berada dalam urutan baku yang sama di setiap berkas.',
      en: 'Columns are in the standard order in every file.',
    },
  },
  {
    id: 'rows.none',
    severity: 'error',
    description: {
      id: 'Berkas memuat paling sedikit satu baris data di bawah baris judul.',
      en: 'A file has at least one data row below its header.',
    },
  },
  {
    id: 'row.fields',
    severity: 'error',
    description: {
      id: 'Setiap baris memuat jumlah isian yang sama dengan baris judul.',
      en: 'Every row has as many fields as the header.',
    },
  },
  {
    id: 'csv.quotes',
    severity: 'error',
    description: {
      id: 'Tanda kutip dipakai berpasangan dan hanya untuk membungkus satu isian utuh.',
      en: 'Quotes come in pairs and only wrap a whole field.',
    },
  },
  {
    id: 'csv.linebreak',
    severity: 'error',
    description: {
      id: 'Tidak ada isian yang memuat pergantian baris.',
      en: 'No field contains a line break.',
    },
  },
  {
    id: 'branch.value',
    severity: 'error',
    description: {
      id: 'Nama kantor diisi, tanpa spasi di awal atau di akhir.',
      en: 'kantor_cabang is filled in, without leading or trailing spaces.',
    },
  },
  {
    id: 'date.format',
    severity: 'error',
    description: {
      id: 'Tanggal ditulis dalam format TTTT-BB-HH dan benar-benar ada di kalender (misalnya 2017-02-30 ditolak).',
      en: 'Dates are written as YYYY-MM-DD and exist in the calendar (2017-02-30 is rejected).',
    },
  },
  {
    id: 'date.range',
    severity: 'error',
    description: {
      id: 'Tahun pada tanggal berada antara 1977 dan 2100, untuk menangkap salah ketik.',
      en: 'Years are between 1977 and 2100, to catch typing mistakes.',
    },
  },
  {
    id: 'period.order',
    severity: 'error',
    description: {
      id: 'Tanggal akhir periode tidak lebih awal daripada tanggal awalnya.',
      en: 'periode_akhir is not before periode_awal.',
    },
  },
  {
    id: 'program.value',
    severity: 'error',
    description: {
      id: 'Program adalah salah satu dari JKK, JKM, JHT, JP, atau JKP, ditulis dengan huruf kapital.',
      en: 'program is one of JKK, JKM, JHT, JP or JKP, in capitals.',
    },
  },
  {
    id: 'program.jkn',
    severity: 'error',
    description: {
      id: 'JKN ditolak karena merupakan program BPJS Kesehatan, bukan BPJS Ketenagakerjaan.',
      en: 'JKN is rejected: it is a BPJS Kesehatan programme, not a BPJS Ketenagakerjaan one.',
    },
  },
  {
    id: 'program.jkp-date',
    severity: 'error',
    description: {
      id: 'Baris JKP tidak boleh untuk periode yang dimulai sebelum 2021, karena program itu baru ada sejak 2021.',
      en: 'A JKP row cannot be for a period starting before 2021, when the programme began.',
    },
  },
  {
    id: 'kasus.format',
    severity: 'error',
    description: {
      id: 'Jumlah kasus dikosongkan bila tidak dilaporkan, atau diisi bilangan bulat tidak negatif tanpa pemisah ribuan.',
      en: 'jumlah_kasus is empty when not reported, or a non-negative whole number without separators.',
    },
  },
  {
    id: 'nominal.format',
    severity: 'error',
    description: {
      id: 'Nominal ditulis sebagai angka rupiah polos dengan paling banyak dua desimal memakai titik, tanpa pemisah ribuan, spasi, atau notasi lain (misalnya 1864980719 atau 1864980719.50), atau dikosongkan bila sumber tidak menyebutnya; nominal yang tidak diketahui tidak pernah ditulis 0.',
      en: 'nominal_rp is a plain number of rupiah with at most two decimals after a dot, without thousands separators, spaces or other notations (e.g. 1864980719 or 1864980719.50).',
    },
  },
  {
    id: 'nominal.negative',
    severity: 'error',
    description: {
      id: 'Nominal klaim tidak boleh negatif.',
      en: 'Claim amounts are never negative.',
    },
  },
  {
    id: 'printed.format',
    severity: 'error',
    description: {
      id: 'Angka yang dibulatkan oleh sumber disalin persis seperti tercetak (misalnya "Rp 11,9 miliar" atau "3,39 juta") sehingga satuan pembulatannya dapat dibaca.',
      en: 'A figure the source rounded is copied exactly as printed (e.g. "Rp 11,9 miliar" or "3,39 juta") so that its rounding unit can be read.',
    },
  },
  {
    id: 'printed.mismatch',
    severity: 'error',
    description: {
      id: 'Angka polos sama persis dengan angka yang tercetak di sumber (pemeriksaan salin tulis).',
      en: 'The plain number equals the figure as printed in the source exactly (a transcription check).',
    },
  },
  {
    id: 'printed.missing',
    severity: 'error',
    description: {
      id: 'Nominal yang berupa kelipatan utuh satu miliar rupiah disertai teks aslinya dari sumber, agar angka yang dibulatkan tidak tampil seolah-olah tepat.',
      en: 'An amount that is a whole number of miliar carries the text its source printed, so a rounded figure is never shown as exact.',
    },
  },
  {
    id: 'row.duplicate',
    severity: 'error',
    description: {
      id: 'Di dalam satu dataset, kombinasi kantor, periode, dan program yang sama hanya muncul satu kali.',
      en: 'Within a dataset, the same office, period and programme appear only once.',
    },
  },
  {
    id: 'period.overlap',
    severity: 'error',
    description: {
      id: 'Di dalam satu dataset, periode untuk kantor dan program yang sama tidak saling tumpang tindih, agar klaim tidak terhitung dua kali. Dataset dari sumber berbeda boleh tumpang tindih, tetapi tidak pernah dijumlahkan.',
      en: 'Within a dataset, periods for the same office and programme do not overlap, so no claim is counted twice. Datasets from different sources may overlap, and are then never added together.',
    },
  },
  {
    id: 'meta.missing',
    severity: 'error',
    description: {
      id: 'Setiap berkas CSV punya berkas metadata bernama sama (.meta.yaml), dan sebaliknya.',
      en: 'Every CSV file has a metadata file with the same name (.meta.yaml), and the other way round.',
    },
  },
  {
    id: 'meta.syntax',
    severity: 'error',
    description: {
      id: 'Berkas metadata adalah YAML yang sah.',
      en: 'A metadata file is valid YAML.',
    },
  },
  {
    id: 'meta.schema',
    severity: 'error',
    description: {
      id: 'Metadata memuat semua isian wajib (sumber, periode, tingkat, kantor, tingkat keyakinan, lisensi, tanggal tinjauan) dengan bentuk yang benar, dan id sama dengan nama berkas.',
      en: 'Metadata has every required field (source, period, level, offices, confidence, licence, review date) in the right form, and its id equals the file name.',
    },
  },
  {
    id: 'meta.consistency',
    severity: 'error',
    description: {
      id: 'Kantor dan periode pada setiap baris sesuai dengan yang tercantum di metadata.',
      en: 'The office and period of every row match those stated in the metadata.',
    },
  },
  {
    id: 'office.registry',
    severity: 'error',
    description: {
      id: 'Setiap kantor yang dipakai tercantum di daftar kantor (data/kantor.yaml) dengan tingkat yang sama dengan tingkat dataset, dan daftar itu sendiri lengkap dan bersumber.',
      en: 'Every office used is listed in the registry of offices (data/kantor.yaml) at the level the dataset states, and the registry itself is complete and sourced.',
    },
  },
  {
    id: 'reconciliation.total',
    severity: 'warning',
    description: {
      id: 'Bila sumber menyebut total nominal atau total kasus, total itu dibandingkan dengan jumlah baris (ditambah bagian total yang bukan program, seperti beasiswa); selisih di luar batas pembulatan ditampilkan dan diterbitkan, bukan dikoreksi.',
      en: 'Where the source states a total amount or case count, it is compared with the sum of the rows (plus parts of the total that are not programmes, such as scholarships); a difference beyond rounding is shown and published, not corrected.',
    },
  },
  {
    id: 'dataset.conflict',
    severity: 'warning',
    description: {
      id: 'Bila dua dataset menyebut angka berbeda untuk kantor, periode, dan program yang sama, keduanya ditampilkan berdampingan di halaman masing-masing.',
      en: 'Where two datasets give different figures for the same office, period and programme, both are shown side by side on each page.',
    },
  },
] as const satisfies readonly Rule[];

/** Identifier of a rule in {@link RULES}. */
export type RuleId = (typeof RULES)[number]['id'];

/**
 * node scripts/generate-national.ts [--out DIR] [--seed N] [--years 10] [--branches 300] [--last-year 2024]
 *
 * Generates a SYNTHETIC national claims data set in the project's data contract
 * (data/klaim/README.md), for load tests and benchmarks only — never real data,
 * never written into the repository's data/ folder (refused).
 *
 * DIR plays the role of a `data/` folder: files go to DIR/klaim/, and the offices to the
 * registry DIR/kantor.yaml (appended to an existing registry, e.g. a copy of the real one:
 * offices already there by name are reused, the others added). Without --out, DIR is
 * a new folder `<os.tmpdir()>/national-XXXXXX/data`, so `node scripts/check-data.ts`
 * run from its parent checks it. The only line on stdout is DIR; a summary goes to stderr.
 *
 * Shape: one dataset per calendar year (`sintetis-YYYY.csv` + `.meta.yaml`, years
 * last-year-years+1 .. last-year, contract v2, level kantor_cabang), one row per
 * branch × month × programme. The registry gets the branches under REGIONS synthetic regional
 * offices ("Kanwil Sintetis 1".."10", by position) under the national office. Branch names are
 * plausible "Kantor Cabang" place names (real regency/city names, some with districts or a
 * regency in parentheses), not the real office list; "Pasuruan" is never used, so the real
 * Pasuruan 2017 dataset can sit beside the output without overlapping periods.
 * Magnitudes: about Rp200 miliar a year for an average branch (≈ Rp60 triliun nationally
 * for 300 branches in 2024, DOMAIN.md), log-normal branch sizes (metropolitan offices
 * larger), ~7 % growth a year, monthly seasonality and noise; JHT ≈ 80 %, then JP, JKK, JKM,
 * JKP (JKP only from 2022; JP ramps up from its 2015 start). Amounts are whole rupiah, ~8 %
 * with sen; jumlah_kasus is derived from an average claim size per programme and left empty
 * (unknown) for ~3 % of rows. About 1 % of amounts are "printed rounded" by the synthetic
 * source (`nominal_tertulis` such as "Rp123,45 juta", the plain value equal to it), and an
 * amount that is a whole number of miliar carries its exact printed text, as the contract
 * requires. Each year's metadata states a reported total equal to the sum of its rows, except
 * for 1–3 years: one with a typing difference (a reconciliation warning) and, with 3+ years,
 * one whose total is printed rounded to the miliar ("Rp60.721 miliar": within rounding, no
 * warning).
 *
 * Deterministic: a seeded mulberry32 PRNG and no clock; the same arguments give
 * byte-identical files.
 */
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync, existsSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatRupiah, groupThousands, senToDecimal } from '../src/lib/rupiah.ts';
import { slugify } from '../src/lib/slug.ts';
import { EXIT, inRange, parseArgs, UsageError } from './lib/cli.ts';
import { REPO_ROOT } from './lib/repo.ts';

/** The repository this script belongs to (its `data/` is off limits). */

export interface NationalOptions {
  /** The folder playing `data/`: files are written to `<out>/klaim/`. */
  out: string;
  seed: number;
  years: number;
  branches: number;
  lastYear: number;
}

export interface NationalDataset {
  id: string;
  year: number;
  csvPath: string;
  metaPath: string;
  rows: number;
  /** Exact sum of nominal_rp, as a plain decimal string. */
  computedTotal: string;
  /** reported.nominal written to the metadata. */
  reportedTotal: string;
  /** reported.nominal_printed ("Rp60.721 miliar") when the total is printed rounded, else null. */
  reportedPrinted: string | null;
}

export interface NationalResult {
  dir: string;
  branches: string[];
  /** The registry written or extended. */
  registryPath: string;
  datasets: NationalDataset[];
  rows: number;
}

// ---------------------------------------------------------------------------------------
// Branch names

/**
 * Plausible branch office names, built from real regency and city names (with a district for
 * cities that have several offices). The first ones are deliberately varied (spaces,
 * parentheses, a hyphen) so small runs exercise them too. "Pasuruan" is not in the list.
 */
const BRANCH_NAMES: readonly string[] = [
  'Jakarta Gatot Subroto', 'Bekasi Cikarang', 'Surabaya Rungkut', 'Pangkalan Bun (Kotawaringin Barat)', 'Sidoarjo',
  'Bandung Soekarno-Hatta', 'Medan Kota', 'Tanjung Selor (Bulungan)', 'Makassar Kota', 'Probolinggo',
  // DKI Jakarta
  'Jakarta Cilandak', 'Jakarta Kebon Sirih', 'Jakarta Salemba', 'Jakarta Menara Jamsostek', 'Jakarta Sudirman',
  'Jakarta Rawamangun', 'Jakarta Pulogadung', 'Jakarta Kelapa Gading', 'Jakarta Cengkareng', 'Jakarta Grogol',
  'Jakarta Mangga Dua', 'Jakarta Tanjung Priok', 'Jakarta Ciracas', 'Jakarta Cempaka Putih', 'Jakarta Kuningan',
  'Jakarta Pluit', 'Jakarta Marunda', 'Jakarta Kramat Jati', 'Jakarta Kebayoran Baru',
  // Banten
  'Serang', 'Cilegon', 'Pandeglang', 'Rangkasbitung', 'Tangerang Cikokol', 'Tangerang Batuceper', 'Tangerang Cimone',
  'Tangerang Cikupa', 'Tangerang Selatan Serpong', 'Tangerang Selatan Ciputat', 'Balaraja',
  // Jawa Barat
  'Bandung Suci', 'Bandung Lodaya', 'Cimahi', 'Padalarang (Bandung Barat)', 'Soreang', 'Majalaya', 'Bekasi Kota',
  'Bekasi Cibitung', 'Bogor Kota', 'Bogor Cileungsi', 'Bogor Cibinong', 'Depok', 'Karawang', 'Purwakarta', 'Subang',
  'Sumedang', 'Garut', 'Tasikmalaya', 'Ciamis', 'Banjar', 'Cirebon', 'Kuningan', 'Majalengka', 'Indramayu',
  'Sukabumi', 'Cianjur',
  // Jawa Tengah and DI Yogyakarta
  'Semarang Majapahit', 'Semarang Pemuda', 'Ungaran', 'Kendal', 'Demak', 'Kudus', 'Jepara', 'Pati', 'Rembang',
  'Blora', 'Purwodadi (Grobogan)', 'Salatiga', 'Boyolali', 'Klaten', 'Surakarta', 'Sukoharjo', 'Karanganyar',
  'Sragen', 'Wonogiri', 'Magelang', 'Temanggung', 'Wonosobo', 'Purworejo', 'Kebumen', 'Banjarnegara',
  'Purbalingga', 'Purwokerto', 'Cilacap', 'Tegal', 'Brebes', 'Pemalang', 'Pekalongan', 'Batang', 'Yogyakarta',
  'Sleman', 'Bantul', 'Wonosari', 'Wates',
  // Jawa Timur
  'Surabaya Darmo', 'Surabaya Tanjung Perak', 'Surabaya Karimunjawa', 'Gresik', 'Mojokerto', 'Jombang', 'Lamongan',
  'Tuban', 'Bojonegoro', 'Ngawi', 'Madiun', 'Magetan', 'Ponorogo', 'Pacitan', 'Trenggalek', 'Tulungagung', 'Blitar',
  'Kediri', 'Nganjuk', 'Malang Kota', 'Malang Kepanjen', 'Batu', 'Lumajang', 'Jember', 'Bondowoso', 'Situbondo',
  'Banyuwangi', 'Bangkalan', 'Sampang', 'Pamekasan', 'Sumenep',
  // Aceh and Sumatera Utara
  'Banda Aceh', 'Lhokseumawe', 'Langsa', 'Meulaboh', 'Takengon', 'Sigli', 'Bireuen', 'Kutacane', 'Tapaktuan',
  'Sabang', 'Blangpidie', 'Medan Utara', 'Medan Belawan', 'Binjai', 'Tebing Tinggi', 'Pematang Siantar', 'Kisaran',
  'Rantau Prapat', 'Padang Sidempuan', 'Sibolga', 'Tanjung Balai', 'Lubuk Pakam', 'Kabanjahe', 'Gunung Sitoli',
  'Tarutung', 'Balige', 'Sidikalang', 'Stabat',
  // Sumatera Barat, Riau, Kepulauan Riau
  'Padang', 'Bukittinggi', 'Solok', 'Payakumbuh', 'Pariaman', 'Sawahlunto', 'Padang Panjang', 'Lubuk Sikaping',
  'Dharmasraya', 'Painan', 'Pekanbaru Kota', 'Pekanbaru Panam', 'Dumai', 'Duri', 'Bengkalis', 'Rengat',
  'Tembilahan', 'Bangkinang', 'Pangkalan Kerinci', 'Siak Sri Indrapura', 'Ujung Batu', 'Bagan Siapiapi',
  'Batam Nagoya', 'Batam Sekupang', 'Batam Muka Kuning', 'Tanjung Pinang', 'Tanjung Balai Karimun', 'Natuna',
  // Jambi, Sumatera Selatan, Bengkulu, Bangka Belitung, Lampung
  'Jambi', 'Muara Bungo', 'Kuala Tungkal', 'Sarolangun', 'Muara Bulian', 'Sungai Penuh', 'Palembang Kota',
  'Palembang Sungai Buah', 'Prabumulih', 'Lubuk Linggau', 'Lahat', 'Baturaja', 'Kayu Agung', 'Sekayu',
  'Muara Enim', 'Pagar Alam', 'Bengkulu', 'Curup', 'Manna', 'Argamakmur', 'Pangkal Pinang', 'Tanjung Pandan',
  'Sungailiat', 'Muntok', 'Bandar Lampung Kota', 'Bandar Lampung Panjang', 'Metro', 'Kotabumi', 'Kalianda',
  'Pringsewu', 'Menggala', 'Liwa', 'Kota Agung',
  // Bali and Nusa Tenggara
  'Denpasar', 'Badung', 'Gianyar', 'Tabanan', 'Singaraja', 'Klungkung', 'Negara (Jembrana)', 'Amlapura (Karangasem)',
  'Mataram', 'Praya', 'Selong', 'Sumbawa Besar', 'Bima', 'Dompu', 'Kupang', 'Atambua', 'Soe', 'Kefamenanu', 'Ende',
  'Maumere', 'Larantuka', 'Ruteng (Manggarai)', 'Labuan Bajo', 'Waingapu (Sumba Timur)',
  // Kalimantan
  'Pontianak', 'Singkawang', 'Ketapang', 'Sintang', 'Sanggau', 'Putussibau', 'Mempawah', 'Palangka Raya', 'Sampit',
  'Muara Teweh (Barito Utara)', 'Kuala Kapuas', 'Buntok', 'Banjarmasin', 'Banjarbaru', 'Martapura', 'Kotabaru',
  'Batulicin', 'Tanjung (Tabalong)', 'Barabai', 'Kandangan', 'Pelaihari', 'Samarinda Kota', 'Samarinda Seberang',
  'Balikpapan', 'Bontang', 'Sangatta (Kutai Timur)', 'Tenggarong (Kutai Kartanegara)', 'Tanah Grogot', 'Penajam',
  'Tarakan', 'Nunukan', 'Malinau', 'Tanjung Redeb (Berau)',
  // Sulawesi
  'Sungguminasa (Gowa)', 'Maros', 'Pangkajene', 'Parepare', 'Palopo', 'Watampone', 'Bulukumba', 'Sinjai',
  'Sidenreng Rappang', 'Pinrang', 'Sengkang (Wajo)', 'Malili (Luwu Timur)', 'Bantaeng', 'Jeneponto', 'Takalar',
  'Barru', 'Enrekang', 'Makale (Tana Toraja)', 'Kendari', 'Kolaka', 'Baubau', 'Raha', 'Unaaha', 'Palu', 'Luwuk',
  'Poso', 'Tolitoli', 'Bungku (Morowali)', 'Parigi', 'Gorontalo', 'Marisa', 'Limboto', 'Manado', 'Bitung',
  'Tomohon', 'Kotamobagu', 'Tondano', 'Mamuju', 'Polewali', 'Majene',
  // Maluku and Papua
  'Ambon', 'Tual', 'Masohi', 'Saumlaki', 'Ternate', 'Tobelo', 'Sofifi', 'Jayapura', 'Sentani', 'Merauke', 'Timika',
  'Biak', 'Nabire', 'Wamena', 'Sorong', 'Manokwari', 'Fakfak', 'Serui',
];

/** Offices in large industrial/metropolitan areas get larger expected sizes. */
const METRO = /^(Jakarta|Bekasi|Tangerang|Surabaya|Bandung|Medan|Semarang|Batam|Bogor|Makassar|Palembang|Pekanbaru|Balikpapan|Samarinda|Sidoarjo|Gresik|Karawang|Cilegon|Depok)\b/;

/** The site's slug rule (src/lib/slug.ts); a name without letters or digits becomes `kantor`. */
const slugOf = (name: string): string => slugify(name, 'kantor');

/** The first `n` branch names; beyond the list, numbered "Perintis" offices. Unique names and slugs. */
export function branchNames(n: number): string[] {
  const names = BRANCH_NAMES.slice(0, n);
  for (let i = names.length; i < n; i++) names.push(`Perintis ${i - BRANCH_NAMES.length + 1}`);
  const slugs = new Map<string, string>();
  for (const name of names) {
    if (name === 'Pasuruan') throw new Error('internal: "Pasuruan" must not be generated (it would overlap the real dataset)');
    if (/[",\r\n]/.test(name)) throw new Error(`internal: branch name needs CSV quoting: ${name}`);
    const slug = slugOf(name);
    const other = slugs.get(slug);
    if (other !== undefined) throw new Error(`internal: branch names "${other}" and "${name}" share the slug ${slug}`);
    slugs.set(slug, name);
  }
  return names;
}

// ---------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a small, fast, seedable 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal variate (Box–Muller, one value per call). */
function normal(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

// ---------------------------------------------------------------------------------------
// Model

const PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;
type Program = (typeof PROGRAMS)[number];

/** Share of a branch's yearly claims by programme (before per-branch jitter and ramps). */
const BASE_SHARE: Record<Program, number> = { JKK: 0.065, JKM: 0.045, JHT: 0.8, JP: 0.075, JKP: 0.015 };
/** First year with JKP rows (the programme began paying in 2022; the validator rejects it before 2021). */
const JKP_FIRST_YEAR = 2022;
/** Mean yearly claims of an average branch in 2024, rupiah (≈ Rp60,72 triliun / 300 branches). */
const BRANCH_MEAN_2024 = 60.72e12 / 300;
const GROWTH = 1.07;
/** Relative month weights (sum 12): more JHT claims after Lebaran and at the year's end. */
const MONTH_WEIGHT = [0.94, 0.9, 1.0, 0.98, 1.04, 1.08, 1.02, 1.0, 0.97, 1.0, 1.01, 1.06];

/** Average paid per case, rupiah (JKM: death benefit raised in 2019). */
function perCase(p: Program, year: number): number {
  switch (p) {
    case 'JHT': return 11e6 * Math.pow(1.04, year - 2019);
    case 'JKK': return 9e6 * Math.pow(1.03, year - 2019);
    case 'JKM': return year >= 2020 ? 42e6 : 24e6;
    case 'JP': return 2.6e6 * Math.pow(1.05, year - 2019);
    case 'JKP': return 4.5e6;
  }
}

/** Multiplier for programmes that were still growing into their size. */
function ramp(p: Program, year: number): number {
  if (p === 'JKP') return year < JKP_FIRST_YEAR ? 0 : Math.min(1, 0.45 + 0.3 * (year - JKP_FIRST_YEAR));
  if (p === 'JP') return Math.min(1, 0.3 + 0.09 * (year - 2015)); // JP started in July 2015
  return 1;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate(); // month is 1-based: day 0 of the next month
}

/** sen (bigint) → plain decimal string with 0 or 2 decimals, as a CSV prints it. */
const senToPlain = (sen: bigint): string => senToDecimal(sen, { twoDecimals: true });

/** YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (s: string): string => JSON.stringify(s);

/** sen → `Rp1.234.567,89`, the site's way (src/lib/rupiah.ts). */
const formatSen = (sen: bigint): string => formatRupiah(senToDecimal(sen));

// ---------------------------------------------------------------------------------------
// Safety: never the repository's data/

function realpathLoose(p: string): string {
  // realpath of the nearest existing ancestor, plus the rest (the folder may not exist yet).
  let head = resolve(p);
  const rest: string[] = [];
  while (!existsSync(head)) {
    const parent = dirname(head);
    if (parent === head) break;
    rest.unshift(head.slice(parent.length).replace(/^[\\/]/, ''));
    head = parent;
  }
  return join(existsSync(head) ? realpathSync(head) : head, ...rest);
}

/** True when `out` is the repository's data folder or inside it (symlinks resolved). */
export function isInsideRepoData(out: string, repoRoot = REPO_ROOT): boolean {
  const data = realpathLoose(join(repoRoot, 'data'));
  const target = realpathLoose(out);
  const rel = relative(data, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

// ---------------------------------------------------------------------------------------
// Registry (data/kantor.yaml)

/** Synthetic regional offices the branches are spread over. */
const REGIONS = 10;

const SOURCE_YAML = [
  '  sources:',
  `    - publisher: ${'"Data sintetis (uji beban)"'}`,
  `      headline: ${'"Kantor sintetis, dibangkitkan oleh scripts/generate-national.ts"'}`,
  '      url: null',
  '      published: null',
  '      quote: null',
];

function officeYaml(id: string, name: string, fullName: string, level: string, parent: string | null): string {
  return [`- id: ${id}`, `  name: ${q(name)}`, `  full_name: ${q(fullName)}`, `  level: ${level}`, `  parent: ${parent ?? 'null'}`, '  coverage: null', ...SOURCE_YAML].join('\n');
}

/** Ids and names (with level) of an existing registry, read line by line (the generator has no YAML dependency). */
function existingOffices(text: string): { ids: Set<string>; names: Map<string, { id: string; level: string }>; nasional: string | null } {
  const ids = new Set<string>();
  const names = new Map<string, { id: string; level: string }>();
  let nasional: string | null = null;
  for (const block of text.split(/^- /m).slice(1)) {
    const id = /^id: *(.+)$/m.exec(block)?.[1]?.trim();
    const rawName = /^ {2}name: *(.+)$/m.exec(block)?.[1]?.trim();
    const level = /^ {2}level: *(.+)$/m.exec(block)?.[1]?.trim() ?? '';
    if (id === undefined || rawName === undefined) continue;
    const name = rawName.startsWith('"') ? (JSON.parse(rawName) as string) : rawName.replace(/^'(.*)'$/, '$1');
    ids.add(id);
    names.set(name, { id, level });
    if (level === 'nasional' && nasional === null) nasional = id;
  }
  return { ids, names, nasional };
}

/**
 * Writes `<dir>/kantor.yaml`, or appends to it: the national office (when absent), REGIONS
 * synthetic regional offices and every branch not already in the registry as a branch office.
 */
function writeRegistry(dir: string, names: readonly string[]): string {
  const path = join(dir, 'kantor.yaml');
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const have = existingOffices(before);
  const blocks: string[] = [];
  const nasional = have.nasional ?? 'nasional';
  if (have.nasional === null) blocks.push(officeYaml('nasional', 'Nasional', 'BPJS Ketenagakerjaan (seluruh Indonesia)', 'nasional', null));
  const regions = Math.min(REGIONS, Math.max(1, names.length));
  const regionIds: string[] = [];
  for (let i = 1; i <= regions; i++) {
    const id = `kanwil-sintetis-${i}`;
    regionIds.push(id);
    if (!have.ids.has(id)) blocks.push(officeYaml(id, `Kanwil Sintetis ${i}`, `Kantor Wilayah Sintetis ${i} (uji beban)`, 'kantor_wilayah', nasional));
  }
  names.forEach((name, i) => {
    const known = have.names.get(name);
    if (known !== undefined) {
      if (known.level !== 'kantor_cabang') throw new Error(`internal: the registry already has "${name}" as ${known.level}, not a branch office`);
      return;
    }
    let id = slugOf(name);
    if (have.ids.has(id)) id = `${id}-sintetis`;
    blocks.push(officeYaml(id, name, `Kantor Cabang ${name} (sintetis)`, 'kantor_cabang', regionIds[Math.floor((i * regions) / names.length)]!));
  });
  const head = before === '' ? '# SYNTHETIC office registry generated by scripts/generate-national.ts; not real offices.\n' : before.endsWith('\n') ? before : `${before}\n`;
  writeFileSync(path, `${head}${before === '' ? '' : '\n# Synthetic offices added by scripts/generate-national.ts (load tests only).\n'}${blocks.join('\n')}\n`);
  return path;
}

/** "Rp123,45 juta" / "Rp1,23 miliar": a synthetic source's rounded printing, and the value it stands for. */
function printRounded(rupiah: number): { value: number; unit: number; printed: string } | null {
  const [unit, scale, word] = rupiah >= 1e9 ? [1e7, 1e9, 'miliar'] : rupiah >= 1e6 ? [1e4, 1e6, 'juta'] : [0, 0, ''];
  if (unit === 0) return null;
  const value = Math.round(rupiah / unit) * unit;
  const hundredths = Math.round(value / unit);
  const int = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  void scale;
  return { value, unit, printed: `Rp${groupThousands(int.toString())},${pad2(frac)} ${word}` };
}

// ---------------------------------------------------------------------------------------
// Generation

export function generateNational(opts: NationalOptions): NationalResult {
  if (isInsideRepoData(opts.out)) {
    throw new RefusalError(`refusing to write into ${realpathLoose(opts.out)}: it is (inside) the repository's data/ folder, which holds only real, sourced data. Choose another --out folder (default: a new temporary folder).`);
  }
  const dir = resolve(opts.out);
  const klaim = join(dir, 'klaim');
  mkdirSync(klaim, { recursive: true });

  const names = branchNames(opts.branches);
  const firstYear = opts.lastYear - opts.years + 1;
  const registryPath = writeRegistry(dir, names);

  // Branch parameters come from their own stream, so they do not depend on --years.
  const rb = mulberry32(opts.seed ^ 0x9e3779b9);
  const branches = names.map((name) => {
    const size = Math.exp(0.7 * normal(rb)) * (METRO.test(name) ? 3 : 1);
    const share = {} as Record<Program, number>;
    for (const p of PROGRAMS) share[p] = BASE_SHARE[p] * Math.exp(0.18 * normal(rb));
    const trend = 1 + 0.02 * normal(rb); // branch-specific growth deviation per year
    return { name, size, share, trend };
  });
  const meanSize = branches.reduce((s, b) => s + b.size, 0) / branches.length;

  // Years whose reported total differs from the sum of the rows.
  const rd = mulberry32(opts.seed ^ 0x85ebca6b);
  const nDiff = opts.years >= 8 ? 3 : opts.years >= 3 ? 2 : 1;
  const pool = Array.from({ length: opts.years }, (_, i) => firstYear + i);
  const differing = new Map<number, number>(); // year → kind (0: typing difference, 1: printed rounded to the miliar)
  for (let k = 0; k < nDiff && pool.length > 0; k++) {
    const i = Math.floor(rd() * pool.length);
    differing.set(pool.splice(i, 1)[0]!, k % 2);
  }

  const datasets: NationalDataset[] = [];
  let totalRows = 0;
  for (let year = firstYear; year <= opts.lastYear; year++) {
    // One stream per year: a year's file depends only on (seed, year, branches).
    const r = mulberry32((opts.seed * 2654435761 + year * 40503) >>> 0);
    const national = Math.pow(GROWTH, year - 2024) * (1 + 0.02 * normal(r));
    const programs = PROGRAMS.filter((p) => ramp(p, year) > 0);
    const yearBranch = branches.map((b) => {
      const weights = programs.map((p) => b.share[p] * ramp(p, year));
      const sum = weights.reduce((s, w) => s + w, 0);
      const yearly = BRANCH_MEAN_2024 * (b.size / meanSize) * national * Math.pow(b.trend, year - 2024) * Math.exp(0.05 * normal(r));
      return { name: b.name, byProgram: programs.map((_, i) => (yearly * weights[i]!) / sum) };
    });

    const lines: string[] = ['kantor,periode_awal,periode_akhir,program,jumlah_kasus,nominal_rp,kasus_tertulis,nominal_tertulis'];
    let totalSen = 0n;
    /** Sum of the rounding units of the amounts printed rounded (sen). */
    let unitsSen = 0n;
    for (let month = 1; month <= 12; month++) {
      const awal = `${year}-${pad2(month)}-01`;
      const akhir = `${year}-${pad2(month)}-${pad2(lastDay(year, month))}`;
      const mw = MONTH_WEIGHT[month - 1]! / 12;
      for (const b of yearBranch) {
        for (let i = 0; i < programs.length; i++) {
          const p = programs[i]!;
          const noise = Math.exp(0.14 * normal(r));
          let rupiah = Math.max(250_000, Math.round(b.byProgram[i]! * mw * noise));
          let printed = '';
          const u = r();
          if (u >= 0.08 && u < 0.09) {
            const rounded = printRounded(rupiah);
            if (rounded !== null) {
              ({ value: rupiah, printed } = rounded);
              unitsSen += BigInt(rounded.unit) * 100n;
            }
          }
          let sen = BigInt(rupiah) * 100n;
          if (u < 0.03) sen += 50n;
          else if (u < 0.08) sen += BigInt(1 + Math.floor(r() * 99));
          // A whole number of miliar must carry its printed text (rule printed.missing): here the exact one.
          if (printed === '' && sen % 100_000_000_000n === 0n) printed = formatSen(sen);
          const amount = Number(sen / 100n);
          const cases = r() < 0.03 ? '' : String(Math.max(1, Math.round(amount / (perCase(p, year) * Math.exp(0.2 * normal(r))))));
          lines.push(`${b.name},${awal},${akhir},${p},${cases},${senToPlain(sen)},,${printed.includes(',') ? `"${printed}"` : printed}`);
          totalSen += sen;
        }
      }
    }
    const rows = lines.length - 1;
    const id = `sintetis-${year}`;
    const csvPath = join(klaim, `${id}.csv`);
    writeFileSync(csvPath, lines.join('\n') + '\n');

    const kind = differing.get(year);
    let reportedSen = totalSen;
    let reportedPrinted: string | null = null;
    let diffNote = 'Total yang "dilaporkan" sama dengan jumlah seluruh baris.';
    if (kind === 1) {
      const miliar = 100n * 1_000_000_000n;
      reportedSen = ((totalSen + miliar / 2n) / miliar) * miliar;
      reportedPrinted = `Rp${groupThousands((reportedSen / miliar).toString())} miliar`;
      diffNote = 'Total yang "dilaporkan" sengaja dicetak dibulatkan ke miliar rupiah terdekat: sesuai dalam batas pembulatan, tanpa peringatan.';
    } else if (kind === 0) {
      // Rp100.000 .. Rp900 juta beyond what the rounded rows explain (half their units), so it is a real difference.
      const delta = unitsSen / 2n + BigInt(1 + Math.floor(rd() * 9_000)) * 100_000n * 100n;
      reportedSen = rd() < 0.5 ? totalSen + delta : totalSen - delta;
      diffNote = `Total yang "dilaporkan" sengaja berbeda ${formatSen(delta)} dari jumlah baris (meniru salah ketik di sumber), untuk menguji peringatan rekonsiliasi.`;
    }
    const meta = [
      `# SYNTHETIC test data generated by scripts/generate-national.ts (seed ${opts.seed}); not real figures, never publish.`,
      `# Field reference: src/lib/claims/meta.ts`,
      `id: ${id}`,
      `title: ${q(`DATA SINTETIS (uji beban): klaim BPJS Ketenagakerjaan per kantor cabang, Januari – Desember ${year}`)}`,
      `description: ${q(`Data sintetis untuk uji beban, BUKAN data nyata: ${names.length} kantor cabang × 12 bulan × ${programs.length} program, dibangkitkan secara deterministik (seed ${opts.seed}). Nama kantor cabang hanya meniru nama daerah.`)}`,
      'level: kantor_cabang',
      'offices:',
      ...names.map((n) => `  - ${q(n)}`),
      'period:',
      `  start: ${year}-01-01`,
      `  end: ${year}-12-31`,
      '  start_stated: true',
      `  printed: ${q(`Januari – Desember ${year}`)}`,
      'confidence: U',
      'source:',
      `  publisher: ${q('Data sintetis (uji beban)')}`,
      `  headline: ${q(`Data sintetis nasional ${year}, dibangkitkan oleh scripts/generate-national.ts`)}`,
      '  url: null',
      '  published: null',
      `  note: ${q('Tidak ada sumber nyata: semua angka dibangkitkan oleh program dengan bilangan acak berbenih, hanya untuk menguji kinerja situs.')}`,
      'reported:',
      `  nominal: ${q(senToPlain(reportedSen))}`,
      `  nominal_printed: ${reportedPrinted === null ? 'null' : q(reportedPrinted)}`,
      '  kasus: null',
      '  kasus_printed: null',
      'licence:',
      '  id: CC-BY-4.0',
      `  note: ${q('Data sintetis untuk pengujian; tidak untuk diterbitkan atau dikutip.')}`,
      `notes: ${q(`Data uji sintetis, bukan data BPJS Ketenagakerjaan. ${diffNote}`)}`,
      'last_reviewed: 2026-01-01',
      '',
    ].join('\n');
    const metaPath = join(klaim, `${id}.meta.yaml`);
    writeFileSync(metaPath, meta);
    datasets.push({ id, year, csvPath, metaPath, rows, computedTotal: senToPlain(totalSen), reportedTotal: senToPlain(reportedSen), reportedPrinted });
    totalRows += rows;
  }
  return { dir, branches: names, registryPath, datasets, rows: totalRows };
}

export class RefusalError extends Error {}

// ---------------------------------------------------------------------------------------
// One large dataset of daily rows (benchmarks of the data check)

export interface DailyOptions {
  /** The data folder to write into (klaim/<id>.csv, .meta.yaml, kantor.yaml); never the repository's data/. */
  out: string;
  id: string;
  rows: number;
  /** Number of branch offices (default 300). */
  branches?: number;
  seed?: number;
}

/**
 * Writes one valid dataset of exactly `rows` rows: every branch × programme (JKK, JKM, JHT, JP)
 * for each day from 2021-01-01, ~1 in 7 case counts not reported, ~1 in 3 amounts with sen,
 * with its metadata and the branches added to the registry. Streams, so any size fits in memory.
 */
export async function generateDaily(opts: DailyOptions): Promise<{ csvPath: string; metaPath: string; rows: number }> {
  if (isInsideRepoData(opts.out)) throw new RefusalError(`refusing to write into ${realpathLoose(opts.out)}: it is (inside) the repository's data/ folder`);
  const dir = resolve(opts.out);
  mkdirSync(join(dir, 'klaim'), { recursive: true });
  const names = branchNames(opts.branches ?? 300);
  writeRegistry(dir, names);
  const csvPath = join(dir, 'klaim', `${opts.id}.csv`);
  const out = createWriteStream(csvPath);
  out.write('kantor,periode_awal,periode_akhir,program,jumlah_kasus,nominal_rp,kasus_tertulis,nominal_tertulis\n');
  const r = mulberry32(opts.seed ?? 12345);
  const programs = ['JKK', 'JKM', 'JHT', 'JP'] as const;
  const first = Date.UTC(2021, 0, 1);
  let n = 0;
  let day = 0;
  for (; n < opts.rows; day++) {
    const iso = new Date(first + day * 86_400_000).toISOString().slice(0, 10);
    let chunk = '';
    for (let b = 0; b < names.length && n < opts.rows; b++) {
      for (let p = 0; p < programs.length && n < opts.rows; p++, n++) {
        const u = r();
        const kasus = u < 1 / 7 ? '' : String(Math.floor(r() * 5000));
        // Below Rp1 miliar, so no amount is a whole number of miliar (which would need its printed text).
        const whole = 1 + Math.floor(r() * 999_999_998);
        const amount = u > 2 / 3 ? `${whole}.${pad2(Math.floor(r() * 100))}` : String(whole);
        chunk += `${names[b]},${iso},${iso},${programs[p]},${kasus},${amount},,\n`;
      }
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const last = new Date(first + (day - 1) * 86_400_000).toISOString().slice(0, 10);
  const metaPath = join(dir, 'klaim', `${opts.id}.meta.yaml`);
  writeFileSync(metaPath, [
    `# SYNTHETIC test data generated by scripts/generate-national.ts; not real figures, never publish.`,
    `id: ${opts.id}`,
    `title: ${q('DATA SINTETIS: klaim harian per kantor cabang (uji kinerja)')}`,
    'level: kantor_cabang',
    'offices:',
    ...names.map((name) => `  - ${q(name)}`),
    'period:',
    '  start: 2021-01-01',
    `  end: ${last}`,
    '  start_stated: true',
    '  printed: data sintetis',
    'confidence: U',
    'source:',
    '  publisher: Dibangkitkan oleh scripts/generate-national.ts',
    '  headline: Data sintetis',
    '  url: null',
    '  published: null',
    'reported: null',
    'licence:',
    '  id: CC-BY-4.0',
    '  note: Data sintetis, tidak diterbitkan.',
    'last_reviewed: 2026-11-28',
    '',
  ].join('\n'));
  return { csvPath, metaPath, rows: n };
}

// ---------------------------------------------------------------------------------------
// Command line

const USAGE = 'usage: node scripts/generate-national.ts [--out DIR] [--seed N] [--years 10] [--branches 300] [--last-year 2024]';

function readOptions(argv: string[]): NationalOptions {
  const { options: o, positional } = parseArgs(argv, { out: 'string', seed: 'int', years: 'int', branches: 'int', 'last-year': 'int', help: 'flag' });
  if (o.help === true || argv.includes('-h')) throw new UsageError('');
  if (positional.length > 0) throw new UsageError(`unknown argument "${positional[0]}"`);
  const opts: NationalOptions = {
    out: o.out ?? '',
    seed: inRange('seed', o.seed ?? 1, 0, 0xffffffff),
    years: inRange('years', o.years ?? 10, 1, 50),
    branches: inRange('branches', o.branches ?? 300, 1, 5000),
    lastYear: inRange('last-year', o['last-year'] ?? 2024, 2015, 2100),
  };
  if (opts.lastYear - opts.years + 1 < 1977) throw new UsageError('--years reaches before 1977, which the data contract does not accept');
  return opts;
}


function main(argv: string[]): number {
  let opts: NationalOptions;
  try {
    opts = readOptions(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`error: ${e.message}\n`);
      process.stderr.write(USAGE + '\n');
      return EXIT.usage;
    }
    throw e;
  }
  if (opts.out === '') opts.out = join(mkdtempSync(join(tmpdir(), 'national-')), 'data');
  try {
    const t0 = performance.now();
    const res = generateNational(opts);
    const ms = performance.now() - t0;
    process.stderr.write(
      `generated ${res.rows.toLocaleString('en')} rows in ${res.datasets.length} datasets (${res.branches.length} branches, ` +
        `${res.datasets[0]?.year}–${res.datasets.at(-1)?.year}, seed ${opts.seed}) in ${(ms / 1000).toFixed(1)} s into ${join(res.dir, 'klaim')}/; ` +
        `reported totals differ in ${res.datasets.filter((d) => d.reportedTotal !== d.computedTotal && d.reportedPrinted === null).map((d) => d.year).join(', ') || 'no year'}` +
        `, printed rounded in ${res.datasets.filter((d) => d.reportedPrinted !== null).map((d) => d.year).join(', ') || 'no year'}\n`,
    );
    process.stdout.write(res.dir + '\n');
    return 0;
  } catch (e) {
    if (e instanceof RefusalError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}

/**
 * Data history, computed once per build from git: for every current dataset, the commits
 * that touched its CSV or metadata, each version checked and aggregated with the checker in
 * force (cached by blob hash), the changes between consecutive versions, and the files of
 * every version published under `/data/v/<short sha256>/`.
 *
 * - {@link getHistory}: the site's history (memoised; `<cwd>/data`).
 * - {@link computeHistory}: the same for any folder (tests, benchmarks).
 * - {@link versionUrl}: where a version of a dataset's CSV is published.
 *
 * Versioned files. Each raw file is published under the short sha256 of its own bytes, so
 * its URL can never show other bytes: `/data/v/<sha256(csv)[:12]>/<id>.csv` (the committed
 * bytes) and `/data/v/<sha256(meta)[:12]>/<id>.meta.yaml`. The JSON of a version lives beside
 * its CSV, `/data/v/<sha256(csv)[:12]>/<id>.json`, and is made from the oldest version with
 * those CSV bytes that passes the current check (metadata-only changes later do not rewrite
 * it). A version that does not pass the current check (e.g. an older data format) has no
 * JSON; its raw CSV and metadata are still published.
 *
 * Without full history (no git, not a repository, a shallow clone) nothing is read from git:
 * the history says so and only the current version of each dataset is published by hash.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTEXT_FILES, currentDatasets, datasetFiles, figuresOf, loadVersion, metaFieldsOf, versionJson, type CurrentDataset, type Figure, type MetaField } from './adapter.ts';
import { compareVersions, mergeLogs, parseReason, type ChangeKind, type FigureChange, type MetaChange, type VersionResult } from './changes.ts';
import { CatFile, fileLog, gitState, readBlob } from './git.ts';
import { SHORT_HASH, versionUrl } from './url.ts';

export { SHORT_HASH, versionUrl } from './url.ts';

/** One change of one dataset (one commit), with the version it produced. */
export interface Change {
  datasetId: string;
  /** Title of the dataset at this version (or its current title when this version cannot be read). */
  title: string;
  commit: string;
  short: string;
  /** Committer date, ISO 8601 with offset. */
  date: string;
  /** The date part as the committer wrote it, YYYY-MM-DD. */
  day: string;
  subject: string;
  /** The `Alasan:` line of the commit message; null when none was given (show the subject). */
  reason: string | null;
  kind: ChangeKind;
  /** This version passes the current check. */
  readable: boolean;
  /** Figures and metadata were compared with the previous version (both pass the check). */
  compared: boolean;
  /** Whether the version before this one passes the current check (null for the first version). */
  previousReadable: boolean | null;
  figures: FigureChange[];
  meta: MetaChange[];
  /** The dataset's total at this version (figure `total` of adapter.ts); null when this version cannot be read. */
  total: Figure | null;
  /** First error lines when this version does not pass the current check. */
  errors: string[];
  csvSha256: string;
  metaSha256: string | null;
  /** Root-relative URLs of this version's files. */
  files: { csv: string; json: string | null; meta: string | null };
}

export interface DatasetHistory {
  id: string;
  /** Newest first. */
  changes: Change[];
  /** The CSV or metadata being published differs from the last commit (uncommitted edit). */
  uncommitted: boolean;
}

/** A dataset as published by this build: its current version, with or without history. */
export interface CurrentVersion {
  id: string;
  title: string;
  sha256: string;
  /** Root-relative URL of the current CSV by hash. */
  csv: string;
  /** The dataset's total now (figure `total` of adapter.ts). */
  total: Figure | null;
}

/** A file published under /data/v/. */
export interface VersionFile {
  /** Root-relative URL. */
  url: string;
  /** The `[versi]` route parameter (short sha256). */
  version: string;
  datasetId: string;
  ext: 'csv' | 'json' | 'meta.yaml';
  /** Full sha256 of the bytes the URL is keyed by (the CSV's for csv and json). */
  sha256: string;
  source: { kind: 'blob'; blob: string } | { kind: 'file'; path: string } | { kind: 'text'; text: () => string };
}

export type History =
  | { available: true; datasets: Map<string, DatasetHistory>; all: Change[]; current: CurrentVersion[]; files: VersionFile[]; cwd: string }
  | { available: false; reason: 'no-git' | 'not-a-repository' | 'shallow' | 'no-commits'; current: CurrentVersion[]; files: VersionFile[]; cwd: string };

/** Plain Indonesian explanation of why history is unavailable in a build. */
export const UNAVAILABLE_TEXT: Record<Exclude<History, { available: true }>['reason'], string> = {
  'no-git': 'Riwayat data tidak tersedia pada versi situs ini: situs dibangun tanpa riwayat perubahan (git tidak terpasang).',
  'not-a-repository': 'Riwayat data tidak tersedia pada versi situs ini: situs dibangun dari salinan berkas tanpa riwayat perubahan (git).',
  shallow: 'Riwayat data tidak tersedia pada versi situs ini: situs dibangun dari salinan repositori yang riwayatnya tidak lengkap (shallow clone).',
  'no-commits': 'Riwayat data tidak tersedia pada versi situs ini: repositori belum memiliki commit.',
};

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

// ---------------------------------------------------------------------------------------
// Cache

/** Serialised {@link VersionResult} (Maps as entry lists). */
type StoredResult = { ok: true; figures: [string, Figure][]; meta: [string, MetaField][] } | { ok: false; errors: string[] };

class Cache {
  readonly results = new Map<string, VersionResult>();
  readonly blobSha = new Map<string, string>();
  readonly dir: string;
  readonly fingerprint: string;
  constructor(dir: string, fingerprint: string) {
    this.dir = dir;
    this.fingerprint = fingerprint;
  }

  private file(name: string): string {
    return join(this.dir, name);
  }
  private write(name: string, text: string): void {
    const target = this.file(name);
    const tmp = `${target}.${process.pid}.${randomUUID()}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  }
  private read(name: string): string | null {
    try {
      return readFileSync(this.file(name), 'utf8');
    } catch {
      return null;
    }
  }
  getBlobSha(blob: string): string | null {
    const mem = this.blobSha.get(blob);
    if (mem !== undefined) return mem;
    const disk = this.read(`blob-${blob}.sha256`);
    if (disk !== null && /^[0-9a-f]{64}$/.test(disk)) {
      this.blobSha.set(blob, disk);
      return disk;
    }
    return null;
  }
  setBlobSha(blob: string, sha: string): void {
    this.blobSha.set(blob, sha);
    this.write(`blob-${blob}.sha256`, sha);
  }
  getResult(key: string): VersionResult | null {
    const mem = this.results.get(key);
    if (mem !== undefined) return mem;
    const text = this.read(`${key}.result.json`);
    if (text === null) return null;
    let s: StoredResult;
    try {
      s = JSON.parse(text) as StoredResult;
    } catch {
      return null; // unreadable cache entry: recompute (it is overwritten)
    }
    const r: VersionResult = s.ok ? { ok: true, figures: new Map(s.figures), meta: new Map(s.meta) } : { ok: false, errors: s.errors };
    if (r.ok && !existsSync(this.jsonPath(key))) return null;
    this.results.set(key, r);
    return r;
  }
  setResult(key: string, r: VersionResult, json: string | null): void {
    this.results.set(key, r);
    if (json !== null) this.write(`${key}.json`, json);
    const s: StoredResult = r.ok ? { ok: true, figures: [...r.figures], meta: [...r.meta] } : { ok: false, errors: r.errors };
    this.write(`${key}.result.json`, JSON.stringify(s));
  }
  jsonPath(key: string): string {
    return this.file(`${key}.json`);
  }
}

/**
 * A fingerprint of the code that checks and aggregates a version, so the on-disk cache is
 * never used across a change of the checker: sha256 over the pipeline's and history's
 * sources and the lock file. Null when they cannot be read (then nothing is cached on disk).
 */
function codeFingerprint(cwd: string): string | null {
  // src/lib of the project being built, else of this module (when run from the sources).
  const candidates = [join(cwd, 'src/lib'), fileURLToPath(new URL('..', import.meta.url))];
  const lib = candidates.find((c) => existsSync(join(c, 'claims')) && existsSync(join(c, 'history')));
  if (lib === undefined) return null;
  const hash = createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  try {
    walk(join(lib, 'claims'));
    walk(join(lib, 'history'));
    files.push(join(lib, 'dates.ts'));
    for (const f of files.sort()) hash.update(relative(lib, f)).update('\0').update(readFileSync(f)).update('\0');
    const lock = join(lib, '../../package-lock.json');
    if (existsSync(lock)) hash.update(readFileSync(lock));
  } catch {
    return null;
  }
  return hash.digest('hex');
}

function openCache(cwd: string, dir: string | undefined): Cache {
  const fingerprint = codeFingerprint(cwd);
  const wanted = dir ?? join(cwd, 'node_modules/.cache/rtw-history');
  if (fingerprint !== null) {
    try {
      mkdirSync(wanted, { recursive: true });
      if (statSync(wanted).isDirectory()) return new Cache(wanted, fingerprint);
    } catch {
      // not writable: fall through to a private temporary folder
    }
  }
  // A private folder for this process only (the JSON of each version is read from it while
  // the site is written), removed when the process ends.
  const own = mkdtempSync(join(tmpdir(), 'rtw-history-cache-'));
  process.once('exit', () => rmSync(own, { recursive: true, force: true }));
  return new Cache(own, fingerprint ?? `nocache-${process.pid}`);
}

// ---------------------------------------------------------------------------------------
// Computing

export interface HistoryOptions {
  /** The project folder (where `data/` is and git runs). */
  cwd: string;
  /** The data folder, default `<cwd>/data`. */
  dataDir?: string;
  /** On-disk cache folder, default `<cwd>/node_modules/.cache/rtw-history`. */
  cacheDir?: string;
}

/** Computes the history of the current datasets in `options.cwd`. */
export async function computeHistory(options: HistoryOptions): Promise<History> {
  const cwd = resolve(options.cwd);
  const dataDir = resolve(options.dataDir ?? join(cwd, 'data'));
  const dataRel = relative(cwd, dataDir).split('\\').join('/');
  const current = await currentDatasets(dataDir);
  const files = new Map<string, VersionFile>();
  const addFile = (f: VersionFile): void => {
    const had = files.get(f.url);
    if (had === undefined) files.set(f.url, f);
    else if (had.sha256 !== f.sha256) {
      throw new Error(`two versions of ${f.datasetId}.${f.ext} share the short hash ${f.version} (${had.sha256}, ${f.sha256}); lengthen SHORT_HASH`);
    }
  };
  const state = await gitState(cwd);
  const cache = state.available ? openCache(cwd, options.cacheDir) : null;
  const datasets = new Map<string, DatasetHistory>();
  const all: Change[] = [];

  if (state.available && cache !== null) {
    const work = mkdtempSync(join(tmpdir(), 'rtw-history-'));
    const cat = new CatFile(cwd);
    try {
      for (const cur of current) {
        const h = await datasetHistory({ cwd, prefix: state.prefix, dataRel, work, cache, cat }, cur, addFile);
        datasets.set(cur.id, h);
        all.push(...h.changes);
      }
    } finally {
      cat.close();
      rmSync(work, { recursive: true, force: true });
    }
  }

  // The current version of every dataset (whether committed or not, with or without history).
  for (const cur of current) {
    const paths = datasetFiles(cur.id);
    const csvPath = join(dataDir, paths.csv);
    const metaPath = join(dataDir, paths.meta);
    addFile({ url: versionUrl(cur.id, cur.sha256), version: cur.sha256.slice(0, SHORT_HASH), datasetId: cur.id, ext: 'csv', sha256: cur.sha256, source: { kind: 'file', path: csvPath } });
    const jsonUrl = versionUrl(cur.id, cur.sha256, 'json');
    if (!files.has(jsonUrl)) {
      addFile({ url: jsonUrl, version: cur.sha256.slice(0, SHORT_HASH), datasetId: cur.id, ext: 'json', sha256: cur.sha256, source: { kind: 'text', text: () => versionJson(cur.dataset) } });
    }
    if (existsSync(metaPath)) {
      const metaSha = sha256(readFileSync(metaPath));
      addFile({ url: versionUrl(cur.id, metaSha, 'meta.yaml'), version: metaSha.slice(0, SHORT_HASH), datasetId: cur.id, ext: 'meta.yaml', sha256: metaSha, source: { kind: 'file', path: metaPath } });
      const h = datasets.get(cur.id);
      const last = h?.changes[0];
      if (h && (last === undefined || last.csvSha256 !== cur.sha256 || last.metaSha256 !== metaSha)) h.uncommitted = true;
    }
  }

  const byUrl = (a: VersionFile, b: VersionFile): number => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
  const fileList = [...files.values()].sort(byUrl);
  const now: CurrentVersion[] = current.map((c) => ({
    id: c.id, title: c.title, sha256: c.sha256, csv: versionUrl(c.id, c.sha256), total: figuresOf(c.dataset).get('total') ?? null,
  }));
  if (!state.available) return { available: false, reason: state.reason, current: now, files: fileList, cwd };
  all.sort((a, b) => compareChanges(a, b));
  return { available: true, datasets, all, current: now, files: fileList, cwd };
}

/** Newest first: by instant, then dataset id, then commit. */
function compareChanges(a: Change, b: Change): number {
  const ta = Date.parse(a.date);
  const tb = Date.parse(b.date);
  if (ta !== tb) return tb - ta;
  if (a.datasetId !== b.datasetId) return a.datasetId < b.datasetId ? -1 : 1;
  return a.commit < b.commit ? -1 : a.commit > b.commit ? 1 : 0;
}

/** A file of the rest of data/ that a version's check needs. */
export interface ContextFile {
  /** Path relative to the data folder. */
  path: string;
  /** Its blob in the version's commit; null when that commit has no such file. */
  blob: string | null;
  bytes: Buffer | null;
  /** When the commit has no such file: the working tree's copy, if there is one. */
  wt: string | null;
}

/**
 * The context files (e.g. the office registry) for checking the version of `commit`: from
 * that same commit when it has them, else from the working tree, else absent.
 */
export async function contextFiles(
  cat: CatFile,
  commit: string,
  files: readonly string[],
  repoPath: (f: string) => string,
  worktreePath: (f: string) => string,
): Promise<ContextFile[]> {
  const out: ContextFile[] = [];
  for (const f of files) {
    const o = await cat.read(`${commit}:${repoPath(f)}`);
    const wt = worktreePath(f);
    out.push({ path: f, blob: o?.oid ?? null, bytes: o?.data ?? null, wt: o === null && existsSync(wt) ? wt : null });
  }
  return out;
}

interface Context {
  cwd: string;
  /** Path of cwd inside the repository ('' or ending in '/'). */
  prefix: string;
  /** The data folder relative to cwd. */
  dataRel: string;
  /** Temporary folder where versions are checked. */
  work: string;
  cache: Cache;
  cat: CatFile;
}

async function datasetHistory(ctx: Context, cur: CurrentDataset, addFile: (f: VersionFile) => void): Promise<DatasetHistory> {
  const { cwd, prefix, dataRel, work, cache, cat } = ctx;
  const paths = datasetFiles(cur.id);
  const rel = (p: string): string => (dataRel === '' ? p : `${dataRel}/${p}`);
  const [csvLog, metaLog] = await Promise.all([fileLog(cwd, rel(paths.csv)), fileLog(cwd, rel(paths.meta))]);
  const states = mergeLogs(csvLog, metaLog);
  const blobSha = async (blob: string): Promise<string> => {
    const known = cache.getBlobSha(blob);
    if (known !== null) return known;
    const sha = sha256(await blobBytes(blob));
    cache.setBlobSha(blob, sha);
    return sha;
  };
  const blobBytes = async (blob: string): Promise<Buffer> => {
    const o = await cat.read(blob);
    if (o === null) throw new Error(`git object ${blob} is missing`);
    return o.data;
  };
  const workData = join(work, 'data');
  const changes: Change[] = [];
  let previous: VersionResult | null = null;
  for (const s of states) {
    if (s.csvBlob === null) continue; // the CSV was deleted in this commit: no version to show
    // Files of the rest of data/ the check needs: from the same commit, else the working tree.
    const context = await contextFiles(cat, s.commit, CONTEXT_FILES, (f) => `${prefix}${rel(f)}`, (f) => join(cwd, rel(f)));
    const key = sha256(
      [cache.fingerprint, cur.id, s.csvBlob, s.metaBlob ?? '-', ...context.map((c) => `${c.path}=${c.blob ?? (c.wt !== null ? `wt:${sha256(readFileSync(c.wt))}` : '-')}`)].join('\n'),
    );
    let result = cache.getResult(key);
    if (result === null) {
      rmSync(workData, { recursive: true, force: true });
      mkdirSync(join(workData, 'klaim'), { recursive: true });
      const csvBytes = await blobBytes(s.csvBlob);
      writeFileSync(join(workData, paths.csv), csvBytes);
      if (s.metaBlob !== null) writeFileSync(join(workData, paths.meta), await blobBytes(s.metaBlob));
      for (const c of context) {
        const bytes = c.bytes ?? (c.wt !== null ? readFileSync(c.wt) : null);
        if (bytes === null) continue;
        mkdirSync(join(workData, c.path, '..'), { recursive: true });
        writeFileSync(join(workData, c.path), bytes);
      }
      const loaded = await loadVersion(workData, cur.id);
      result = loaded.ok ? { ok: true, figures: figuresOf(loaded.dataset), meta: metaFieldsOf(loaded.dataset) } : { ok: false, errors: loaded.errors };
      cache.setResult(key, result, loaded.ok ? versionJson(loaded.dataset) : null);
      if (cache.getBlobSha(s.csvBlob) === null) cache.setBlobSha(s.csvBlob, sha256(csvBytes));
    }
    const csvSha = await blobSha(s.csvBlob);
    const metaSha = s.metaBlob !== null ? await blobSha(s.metaBlob) : null;
    const version = csvSha.slice(0, SHORT_HASH);
    addFile({ url: versionUrl(cur.id, csvSha), version, datasetId: cur.id, ext: 'csv', sha256: csvSha, source: { kind: 'blob', blob: s.csvBlob } });
    if (metaSha !== null && s.metaBlob !== null) {
      addFile({ url: versionUrl(cur.id, metaSha, 'meta.yaml'), version: metaSha.slice(0, SHORT_HASH), datasetId: cur.id, ext: 'meta.yaml', sha256: metaSha, source: { kind: 'blob', blob: s.metaBlob } });
    }
    const jsonUrl = versionUrl(cur.id, csvSha, 'json');
    if (result.ok) {
      const jsonFile = cache.jsonPath(key);
      addFile({ url: jsonUrl, version, datasetId: cur.id, ext: 'json', sha256: csvSha, source: { kind: 'file', path: jsonFile } });
    }
    const cmp = compareVersions(previous, result);
    const { subject, reason } = parseReason(s.message);
    changes.push({
      datasetId: cur.id,
      title: result.ok ? (result.meta.get('title')?.value ?? cur.title) : cur.title,
      commit: s.commit,
      short: s.commit.slice(0, 7),
      date: s.date,
      day: s.date.slice(0, 10),
      subject,
      reason,
      kind: cmp.kind,
      readable: result.ok,
      compared: cmp.compared,
      previousReadable: previous === null ? null : previous.ok,
      figures: cmp.figures,
      meta: cmp.meta,
      total: result.ok ? (result.figures.get('total') ?? null) : null,
      errors: result.ok ? [] : result.errors,
      csvSha256: csvSha,
      metaSha256: metaSha,
      files: { csv: versionUrl(cur.id, csvSha), json: result.ok ? jsonUrl : null, meta: metaSha !== null ? versionUrl(cur.id, metaSha, 'meta.yaml') : null },
    });
    previous = result;
  }
  changes.reverse();
  return { id: cur.id, changes, uncommitted: false };
}

/** The bytes of a versioned file (a plain Uint8Array, as `Response` accepts). */
export async function versionFileBody(history: History, file: VersionFile): Promise<Uint8Array<ArrayBuffer> | string> {
  switch (file.source.kind) {
    case 'blob':
      return new Uint8Array(await readBlob(history.cwd, file.source.blob));
    case 'file':
      return new Uint8Array(readFileSync(file.source.path));
    case 'text':
      return file.source.text();
  }
}

let memo: Promise<History> | undefined;

/**
 * The history of this repository (`<cwd>/data`), computed once per build. The on-disk cache
 * folder may be set with the environment variable RTW_HISTORY_CACHE.
 */
export function getHistory(): Promise<History> {
  const cacheDir = process.env['RTW_HISTORY_CACHE'];
  memo ??= computeHistory({ cwd: process.cwd(), ...(cacheDir ? { cacheDir } : {}) });
  return memo;
}

export type { ChangeKind, FigureChange, MetaChange } from './changes.ts';
export type { Figure, FigureKind, MetaField } from './adapter.ts';

/**
 * Data history (src/lib/history/): the pure parts (log parsing, merging, reasons, diffs,
 * corrections, wording, URLs) and computeHistory over real temporary git repositories
 * holding a copy of data/ (no site build: see history-build.test.ts for that).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../src/lib/history/adapter.ts';
import { loadVersion, figuresOf } from '../../src/lib/history/adapter.ts';
import { compareVersions, diffFigures, isCorrection, mergeLogs, parseReason, sameValue } from '../../src/lib/history/changes.ts';
import { CatFile, LOG_FORMAT, parseLog, type LogEntry } from '../../src/lib/history/git.ts';
import { computeHistory, contextFiles, versionFileBody, type History } from '../../src/lib/history/index.ts';
import { versionUrl } from '../../src/lib/history/url.ts';
import { changeSummary, formatFigure, notComparedText, reasonLabel, reasonText } from '../../src/lib/history/view.ts';
import { commitAll, correctableDataset, correctOneAmount, git } from '../helpers/history-repo.ts';
import { ROOT } from '../helpers/project.ts';

const entry = (commit: string, time: number, blob: string | null, p = 'data/klaim/x.csv'): LogEntry => ({
  commit, time, date: new Date(time * 1000).toISOString(), message: `pesan ${commit}`, blob, path: p,
});
const fig = (computed: string | null, stated: string | null = null): Figure => ({ label: 'Total nominal', kind: 'rupiah', stated, computed });

describe('parseLog', () => {
  it('reads commits, dates, messages and the blob after each commit, renames and deletions included', () => {
    expect(LOG_FORMAT).toContain('%H');
    const a = '1'.repeat(40);
    const b = '2'.repeat(40);
    const out =
      `\x1e${a}\x1f1767000000\x1f2026-01-10T10:00:00+07:00\x1fKoreksi JHT\n\nAlasan: ralat sumber\n\x1f\n\n` +
      `:100644 100644 ${'3'.repeat(40)} ${'4'.repeat(40)} M\tdata/klaim/x.csv\n` +
      `\x1e${b}\x1f1766900000\x1f2026-01-09T10:00:00+07:00\x1fGanti nama\n\x1f\n\n` +
      `:100644 100644 ${'5'.repeat(40)} ${'5'.repeat(40)} R100\tdata/klaim/lama.csv\tdata/klaim/x.csv\n` +
      `\x1e${'6'.repeat(40)}\x1f1766800000\x1f2026-01-08T10:00:00+07:00\x1fHapus\n\x1f\n\n` +
      `:100644 000000 ${'7'.repeat(40)} ${'0'.repeat(40)} D\tdata/klaim/x.csv\n`;
    const log = parseLog(out);
    expect(log.map((e) => [e.commit[0], e.time, e.blob?.[0] ?? null, e.path])).toEqual([
      ['1', 1767000000, '4', 'data/klaim/x.csv'],
      ['2', 1766900000, '5', 'data/klaim/x.csv'],
      ['6', 1766800000, null, 'data/klaim/x.csv'],
    ]);
    expect(log[0]!.message).toBe('Koreksi JHT\n\nAlasan: ralat sumber');
    expect(log[0]!.date).toBe('2026-01-10T10:00:00+07:00');
  });
});

describe('mergeLogs', () => {
  it('gives one state per commit, oldest first, carrying the other file forward', () => {
    const csv = [entry('c3', 300, 'csv2'), entry('c1', 100, 'csv1')];
    const meta = [entry('c2', 200, 'meta2', 'data/klaim/x.meta.yaml'), entry('c1', 100, 'meta1', 'data/klaim/x.meta.yaml')];
    const states = mergeLogs(csv, meta);
    expect(states.map((s) => [s.commit, s.csvBlob, s.metaBlob])).toEqual([
      ['c1', 'csv1', 'meta1'],
      ['c2', 'csv1', 'meta2'],
      ['c3', 'csv2', 'meta2'],
    ]);
  });
  it('a CSV committed before its metadata has no metadata in that state', () => {
    const states = mergeLogs([entry('c1', 100, 'csv1')], [entry('c2', 200, 'm', 'x.meta.yaml')]);
    expect(states[0]!.metaBlob).toBeNull();
    expect(states[1]!.metaBlob).toBe('m');
  });
});

describe('parseReason', () => {
  it('takes the Alasan: line and its continuation up to an empty line', () => {
    expect(parseReason('Koreksi angka JHT\n\nAlasan: sumber menerbitkan ralat\npada 5 Januari.\n\nCatatan lain')).toEqual({
      subject: 'Koreksi angka JHT',
      reason: 'sumber menerbitkan ralat pada 5 Januari.',
    });
  });
  it('is case-insensitive and may be the subject itself', () => {
    expect(parseReason('alasan: salah ketik').reason).toBe('salah ketik');
  });
  it('is null when no reason is written (the subject is shown instead)', () => {
    expect(parseReason('Update data\n\nTanpa keterangan')).toEqual({ subject: 'Update data', reason: null });
    expect(parseReason('Update\n\nAlasan:   \n').reason).toBeNull();
  });
});

describe('figure diffs and corrections', () => {
  it('compares amounts exactly, as decimals', () => {
    expect(sameValue('rupiah', '5000.50', '5000.5')).toBe(true);
    expect(sameValue('rupiah', '5000.5', '5000.51')).toBe(false);
    expect(sameValue('rupiah', null, '0')).toBe(false);
    expect(sameValue('text', 'Rp 11,9 miliar', 'Rp 11,9 miliar')).toBe(true);
  });
  it('lists stated and computed changes separately, including figures that appear or go', () => {
    const before = new Map([['total', fig('100', '110')], ['nominal:JKP', fig('5')]]);
    const after = new Map([['total', fig('101', '110')], ['kasus:JKK', { ...fig('7'), kind: 'count' as const, label: 'JKK (jumlah kasus)' }]]);
    const d = diffFigures(before, after);
    expect(d.map((c) => [c.key, c.as, c.old, c.new])).toEqual([
      ['total', 'computed', '100', '101'],
      ['kasus:JKK', 'computed', null, '7'],
      ['nominal:JKP', 'computed', '5', null],
    ]);
    expect(isCorrection(d)).toBe(true);
  });
  it('a figure reported for the first time is a change, not a correction', () => {
    const d = diffFigures(new Map([['kasus:JKK', fig(null)]]), new Map([['kasus:JKK', fig('12')]]));
    expect(d).toHaveLength(1);
    expect(isCorrection(d)).toBe(false);
  });
  it('versions that do not pass the check are not compared', () => {
    const ok = { ok: true as const, figures: new Map([['total', fig('1')]]), meta: new Map() };
    expect(compareVersions(null, ok).kind).toBe('baru');
    expect(compareVersions({ ok: false, errors: ['x'] }, ok)).toEqual({ kind: 'perubahan', compared: false, figures: [], meta: [] });
    expect(compareVersions(ok, { ...ok, figures: new Map([['total', fig('2')]]) }).kind).toBe('koreksi');
  });
});

describe('wording', () => {
  it('formats figures the Indonesian way; unknown is never zero', () => {
    expect(formatFigure('rupiah', '1864980719')).toBe('Rp1.864.980.719');
    expect(formatFigure('count', '3390000')).toBe('3.390.000');
    expect(formatFigure('rupiah', null)).toBe('tidak ada');
    expect(formatFigure('text', 'Rp 11,9 miliar')).toBe('Rp 11,9 miliar');
  });
  it('says plainly when a version could not be read with the current format', () => {
    expect(notComparedText({ kind: 'perubahan', readable: false, compared: false, previousReadable: true })).toMatch(/format lama/);
    expect(notComparedText({ kind: 'perubahan', readable: true, compared: false, previousReadable: false })).toMatch(/format lama/);
    expect(notComparedText({ kind: 'koreksi', readable: true, compared: true, previousReadable: true })).toBeNull();
  });
  it('shows the Alasan: reason, else the subject labelled as such', () => {
    expect([reasonLabel({ reason: 'ralat sumber' }), reasonText({ reason: 'ralat sumber', subject: 'Fix' })]).toEqual(['Alasan', 'ralat sumber']);
    expect(reasonLabel({ reason: null })).toMatch(/^Alasan tidak ditulis/);
    expect(reasonText({ reason: null, subject: 'Fix JHT amount' })).toBe('Fix JHT amount');
  });
  it('versionUrl keys by the first 12 hex digits of the sha256', () => {
    const sha = 'a495b48e77ae04b00181dbc46d28a3ae0bd6329d68fda1ec700b59cb2b952155';
    expect(versionUrl('pasuruan-2017-01-02', sha)).toBe('/data/v/a495b48e77ae/pasuruan-2017-01-02.csv');
    expect(versionUrl('x', sha, 'json')).toBe('/data/v/a495b48e77ae/x.json');
    expect(() => versionUrl('x', 'abc')).toThrow(/not a sha256/);
  });
});

describe('correctOneAmount (test helper)', () => {
  it('changes one amount found by header name, keeping every other byte', () => {
    const csv = 'a,nominal_rp,b\nx,100,"y, z"\nx,200.5,w\n';
    const r = correctOneAmount(csv)!;
    expect(r.text).toBe('a,nominal_rp,b\nx,1100,"y, z"\nx,200.5,w\n');
    expect(r.line).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------
// computeHistory over real repositories

describe('computeHistory on a git repository with a copy of data/', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'rtw-history-unit-'));
  const repo = path.join(tmp, 'repo');
  const cache = path.join(tmp, 'cache');
  const dataDir = path.join(repo, 'data');
  let id = '';
  let csvFile = '';
  let original = '';
  let corrected = '';
  const commits: string[] = [];
  let h: History;

  beforeAll(async () => {
    cpSync(path.join(ROOT, 'data'), dataDir, { recursive: true });
    id = correctableDataset(dataDir);
    csvFile = path.join(dataDir, 'klaim', `${id}.csv`);
    original = readFileSync(csvFile, 'utf8');
    corrected = correctOneAmount(original)!.text;
    git(repo, ['init', '-q']);
    // 1. An older format: the amount column had another name. The current check refuses it.
    writeFileSync(csvFile, original.replace('nominal_rp', 'nominal_rupiah'));
    commits.push(commitAll(repo, 'Tambah data klaim', '2026-01-10T09:00:00+07:00'));
    // 2. Migrated to the current format (same figures).
    writeFileSync(csvFile, original);
    commits.push(commitAll(repo, 'Ubah ke format baru', '2026-01-11T09:00:00+07:00'));
    // 3. One amount corrected, with a reason.
    writeFileSync(csvFile, corrected);
    commits.push(commitAll(repo, 'Koreksi satu nominal\n\nAlasan: sumber memuat ralat angka.', '2026-01-12T09:00:00+07:00'));
    // 4. Metadata only, no reason.
    const metaFile = path.join(dataDir, 'klaim', `${id}.meta.yaml`);
    writeFileSync(metaFile, readFileSync(metaFile, 'utf8').replace(/^title: .*$/m, 'title: Judul baru untuk uji'));
    commits.push(commitAll(repo, 'Perbarui judul', '2026-01-13T09:00:00+07:00'));
    h = await computeHistory({ cwd: repo, cacheDir: cache });
  }, 60_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists every commit of the dataset, newest first, with date, commit and reason', () => {
    expect(h.available).toBe(true);
    if (!h.available) return;
    const changes = h.datasets.get(id)!.changes;
    expect(changes.map((c) => c.commit)).toEqual([...commits].reverse());
    expect(changes.map((c) => c.kind)).toEqual(['perubahan', 'koreksi', 'perubahan', 'baru']);
    expect(changes[1]!.reason).toBe('sumber memuat ralat angka.');
    expect(changes[1]!.date).toBe('2026-01-12T09:00:00+07:00');
    expect(changes[1]!.short).toBe(commits[2]!.slice(0, 7));
    expect(changes[0]!.reason).toBeNull();
    expect(changes[0]!.subject).toBe('Perbarui judul');
    expect(h.datasets.get(id)!.uncommitted).toBe(false);
  });

  it('the correction shows the old and new figures, per programme and total', async () => {
    if (!h.available) return;
    const c = h.datasets.get(id)!.changes[1]!;
    const dir = mkdtempSync(path.join(tmp, 'v-'));
    cpSync(dataDir, path.join(dir, 'data'), { recursive: true });
    writeFileSync(path.join(dir, 'data/klaim', `${id}.csv`), original);
    const before = await loadVersion(path.join(dir, 'data'), id);
    if (!before.ok) throw new Error(before.errors.join('\n'));
    const oldTotal = figuresOf(before.dataset).get('total')!.computed!;
    const total = c.figures.find((f) => f.key === 'total' && f.as === 'computed')!;
    expect(total.old).toBe(oldTotal);
    expect(BigInt(total.new!.split('.')[0]!) - BigInt(total.old!.split('.')[0]!)).toBe(1000n);
    expect(c.figures.some((f) => f.key.startsWith('nominal:') && f.as === 'computed')).toBe(true);
    expect(changeSummary(c)).toContain('Alasan: sumber memuat ralat angka.');
    expect(changeSummary(c)).toContain(formatFigure('rupiah', total.new));
  });

  it('an old-format version is listed with its raw files but not compared', () => {
    if (!h.available) return;
    const [, , migrated, first] = h.datasets.get(id)!.changes;
    expect(first!.readable).toBe(false);
    expect(first!.files.json).toBeNull();
    expect(first!.files.csv).toMatch(/^\/data\/v\/[0-9a-f]{12}\//);
    expect(notComparedText(first!)).toMatch(/format lama/);
    expect(migrated!.compared).toBe(false);
    expect(migrated!.previousReadable).toBe(false);
    expect(notComparedText(migrated!)).toMatch(/format lama/);
  });

  it('metadata changes are listed; a metadata-only change alters no figure', () => {
    if (!h.available) return;
    const c = h.datasets.get(id)!.changes[0]!;
    expect(c.figures).toEqual([]);
    expect(c.meta).toEqual([expect.objectContaining({ key: 'title', new: 'Judul baru untuk uji' })]);
  });

  it('every version CSV is published by the hash of its committed bytes', async () => {
    if (!h.available) return;
    for (const [i, commit] of commits.entries()) {
      const bytes = Buffer.from(git(repo, ['show', `${commit}:data/klaim/${id}.csv`]), 'utf8');
      const url = versionUrl(id, (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'));
      const file = h.files.find((f) => f.url === url);
      expect(file, `version of commit ${i + 1}`).toBeDefined();
      expect(Buffer.from(await versionFileBody(h, file!))).toEqual(bytes);
    }
    const jsonUrl = h.datasets.get(id)!.changes[1]!.files.json;
    const json = h.files.find((f) => f.ext === 'json' && f.url === jsonUrl);
    expect(JSON.parse(String(Buffer.from(await versionFileBody(h, json!))))).toMatchObject({ id });
  });

  it('a second run (on-disk cache) gives the same history', async () => {
    const again = await computeHistory({ cwd: repo, cacheDir: cache });
    const plain = (x: History) => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : typeof v === 'function' ? 'fn' : v));
    expect(plain(again)).toBe(plain(h));
  });

  it('a depth-1 clone and a folder without git have no history, but publish the current version', async () => {
    const shallow = path.join(tmp, 'shallow');
    git(tmp, ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const s = await computeHistory({ cwd: shallow, cacheDir: cache });
    expect(s).toMatchObject({ available: false, reason: 'shallow' });
    const plainDir = path.join(tmp, 'plain');
    cpSync(dataDir, path.join(plainDir, 'data'), { recursive: true });
    const p = await computeHistory({ cwd: plainDir, cacheDir: cache });
    expect(p).toMatchObject({ available: false, reason: 'not-a-repository' });
    const sha = (await import('node:crypto')).createHash('sha256').update(readFileSync(csvFile)).digest('hex');
    expect(p.files.map((f) => f.url)).toContain(versionUrl(id, sha));
    expect(p.files.map((f) => f.url)).toContain(versionUrl(id, sha, 'json'));
  });
});

describe('context files and CatFile', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'rtw-history-ctx-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('takes a registry from the same commit when it has one, else from the working tree', async () => {
    git(repo, ['init', '-q']);
    writeFileSync(path.join(repo, 'a.txt'), 'a\n');
    const c1 = commitAll(repo, 'satu', '2026-01-10T09:00:00+07:00');
    writeFileSync(path.join(repo, 'kantor.yaml'), '- id: lama\n');
    const c2 = commitAll(repo, 'dua', '2026-01-11T09:00:00+07:00');
    writeFileSync(path.join(repo, 'kantor.yaml'), '- id: sekarang\n');
    const cat = new CatFile(repo);
    try {
      const at = (c: string) => contextFiles(cat, c, ['kantor.yaml', 'lain.yaml'], (f) => f, (f) => path.join(repo, f));
      const [k1, l1] = await at(c1);
      expect(k1).toMatchObject({ blob: null, bytes: null, wt: path.join(repo, 'kantor.yaml') });
      expect(l1).toMatchObject({ blob: null, bytes: null, wt: null });
      const [k2] = await at(c2);
      expect(k2!.bytes!.toString()).toBe('- id: lama\n');
      expect(k2!.blob).toBe(git(repo, ['rev-parse', `${c2}:kantor.yaml`]).trim());
      expect(k2!.wt).toBeNull();
      // Reads keep their order; binary-safe; a missing object is null.
      const [x, missing, y] = await Promise.all([cat.read(`${c2}:a.txt`), cat.read('0'.repeat(40)), cat.read(k2!.blob!)]);
      expect(x!.data.toString()).toBe('a\n');
      expect(missing).toBeNull();
      expect(y!.data.toString()).toBe('- id: lama\n');
    } finally {
      cat.close();
    }
  });
});

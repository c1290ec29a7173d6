/**
 * Data history through the whole build: a temporary copy of the project becomes a git
 * repository where a dataset is committed and then one amount is corrected with a reason
 * (`Alasan: ...`). A full clone is built: the dataset page and /transparansi/riwayat/ show
 * the correction with old and new figure, date and reason, the feed has the entry, and both
 * versions' CSVs are downloadable by hash, equal to the committed bytes. A depth-1 clone is
 * built too: it says history is unavailable and still publishes the current version by hash.
 * The full clone's pages (with a correction marked) also go through the browser page gate.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresOf, loadVersion } from '../../src/lib/history/adapter.ts';
import { versionUrl } from '../../src/lib/history/url.ts';
import { formatFigure } from '../../src/lib/history/view.ts';
import { commitAll, correctableDataset, correctOneAmount, git } from '../helpers/history-repo.ts';
import { astroBuild, copyProject, mustRun, ROOT, runNode } from '../helpers/project.ts';

const work = copyProject('rtw-history-build-');
const full = path.join(work, 'full');
const shallow = path.join(work, 'shallow');
const REASON = 'Sumber memuat ralat: nominal satu program salah ketik.';
let id = '';
const commits: { hash: string; csv: Buffer }[] = [];
let oldTotal = '';
let newTotal = '';

const text = (file: string): string =>
  readFileSync(file, 'utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  const dataDir = path.join(work, 'data');
  id = correctableDataset(dataDir);
  const csvFile = path.join(dataDir, 'klaim', `${id}.csv`);
  const before = await loadVersion(dataDir, id);
  if (!before.ok) throw new Error(before.errors.join('\n'));
  oldTotal = figuresOf(before.dataset).get('total')!.computed!;

  writeFileSync(path.join(work, '.gitignore'), 'node_modules\ndist\n.astro\nfull\nshallow\n');
  git(work, ['init', '-q']);
  commits.push({ hash: commitAll(work, 'Tambah data klaim', '2026-01-10T09:00:00+07:00'), csv: readFileSync(csvFile) });
  writeFileSync(csvFile, correctOneAmount(readFileSync(csvFile, 'utf8'))!.text);
  commits.push({ hash: commitAll(work, `Koreksi nominal ${id}\n\nAlasan: ${REASON}`, '2026-01-12T09:00:00+07:00'), csv: readFileSync(csvFile) });
  const after = await loadVersion(dataDir, id);
  if (!after.ok) throw new Error(after.errors.join('\n'));
  newTotal = figuresOf(after.dataset).get('total')!.computed!;

  for (const [dir, depth] of [[full, []], [shallow, ['--depth', '1']]] as const) {
    git(work, ['clone', '-q', ...depth, `file://${work}`, dir]);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    astroBuild({ cwd: dir });
  }
  mustRun(['scripts/search-index.ts', path.join(full, 'dist')]); // the search page needs its index in the browser gate
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('history in a full clone', () => {
  const page = () => text(path.join(full, 'dist/transparansi', id, 'index.html'));
  const all = () => text(path.join(full, 'dist/transparansi/riwayat/index.html'));

  it('the dataset page shows the correction: old and new figure, date and reason', () => {
    const p = page();
    expect(p).toContain('Riwayat data');
    expect(p).toContain('Koreksi');
    expect(p).toContain(formatFigure('rupiah', oldTotal));
    expect(p).toContain(formatFigure('rupiah', newTotal));
    expect(p).toContain('12 Januari 2026');
    expect(p).toContain(REASON);
    expect(p).toContain('10 Januari 2026');
    expect(p).not.toContain('Riwayat data tidak tersedia');
  });

  it('/transparansi/riwayat/ lists the correction among all changes, marked', () => {
    const p = all();
    expect(p).toContain(REASON);
    expect(p).toContain(formatFigure('rupiah', oldTotal));
    expect(p).toContain(formatFigure('rupiah', newTotal));
    expect(p).toContain('12 Januari 2026');
    const html = readFileSync(path.join(full, 'dist/transparansi/riwayat/index.html'), 'utf8');
    expect(html).toMatch(new RegExp(`id="perubahan-${id}-${commits[1]!.hash.slice(0, 7)}" class="[^"]*koreksi`));
    expect(html).toContain('id="daftar-koreksi"');
  });

  it('the feed has the entry', () => {
    const xml = readFileSync(path.join(full, 'dist/transparansi/riwayat.xml'), 'utf8');
    const items = xml.split('<item>').slice(1);
    const item = items.find((i) => i.includes(REASON));
    expect(item).toBeDefined();
    expect(item).toContain('<title>Koreksi: ');
    expect(item).toContain(`#perubahan-${id}-${commits[1]!.hash.slice(0, 7)}</link>`);
    expect(item).toContain('<pubDate>Mon, 12 Jan 2026 02:00:00 GMT</pubDate>');
  });

  it('both versions CSVs are downloadable by hash, byte for byte as committed', () => {
    for (const c of commits) {
      expect(git(full, ['show', `${c.hash}:data/klaim/${id}.csv`])).toBe(c.csv.toString('utf8'));
      const file = path.join(full, 'dist', versionUrl(id, sha256(c.csv)));
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file).equals(c.csv)).toBe(true);
    }
    const json = JSON.parse(readFileSync(path.join(full, 'dist', versionUrl(id, sha256(commits[0]!.csv), 'json')), 'utf8')) as { total: { nominal_rp: { value: string | null } } };
    expect(json.total.nominal_rp.value).toBe(oldTotal);
  });

  it('the dataset page links the current version by hash, and datapackage.json lists it', () => {
    const html = readFileSync(path.join(full, 'dist/transparansi', id, 'index.html'), 'utf8');
    expect(html).toContain(`href="${versionUrl(id, sha256(commits[1]!.csv))}"`);
    const pkg = JSON.parse(readFileSync(path.join(full, 'dist/data/datapackage.json'), 'utf8')) as { resources: { dataset?: { id: string; version: { sha256: string; csv: string } } }[] };
    const r = pkg.resources.find((x) => x.dataset?.id === id)!;
    expect(r.dataset!.version).toMatchObject({ sha256: sha256(commits[1]!.csv), csv: versionUrl(id, sha256(commits[1]!.csv)).slice('/data/'.length) });
  });
});

describe('pages with a correction in a real browser', () => {
  it('pass the page gate (axe at 360 and 1280 px, no console errors, no horizontal scroll)', () => {
    const r = runNode(['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/vitest.config.ts', 'tests/e2e/pages.e2e.test.ts'], {
      env: { DIST_DIR: path.join(full, 'dist') },
    });
    expect(r.status, r.output.slice(-6000)).toBe(0);
    expect(r.output).toMatch(/Tests\s+\d+ passed/);
  }, 300_000);
});

describe('history in a depth-1 clone', () => {
  it('builds, says plainly that history is unavailable, and still publishes the current version by hash', () => {
    const p = text(path.join(shallow, 'dist/transparansi', id, 'index.html'));
    expect(p).toContain('Riwayat data tidak tersedia pada versi situs ini');
    expect(p).not.toContain(REASON);
    expect(text(path.join(shallow, 'dist/transparansi/riwayat/index.html'))).toContain('Riwayat data tidak tersedia pada versi situs ini');
    const current = commits[1]!.csv;
    expect(readFileSync(path.join(shallow, 'dist', versionUrl(id, sha256(current)))).equals(current)).toBe(true);
    expect(existsSync(path.join(shallow, 'dist', versionUrl(id, sha256(commits[0]!.csv))))).toBe(false);
  });
});

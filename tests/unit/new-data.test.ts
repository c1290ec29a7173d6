/**
 * npm run data:new -- <id>: starts a dataset with the v2 CSV header and a metadata file with
 * every field and an Indonesian comment on each; refuses invalid and reserved ids and never
 * overwrites. Filling in the template from a source (and adding a row) gives a dataset the
 * real checker accepts, so the template has every field the schema needs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { HEADER } from '../../src/lib/claims/csv-check.ts';
import { RESERVED_IDS } from '../../src/lib/claims/meta.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'data-new-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh folder playing the repository root, with the real registry. */
function repo(): string {
  const dir = join(tmp, String(n++));
  mkdirSync(join(dir, 'data', 'klaim'), { recursive: true });
  copyFileSync(join(ROOT, 'data', 'kantor.yaml'), join(dir, 'data', 'kantor.yaml'));
  return dir;
}

function run(script: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const e: NodeJS.ProcessEnv = { ...process.env, CI: '1', ...env };
  if (!('RTW_LANG' in env)) delete e['RTW_LANG'];
  return spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd, encoding: 'utf8', env: e });
}

describe('data:new', () => {
  it('writes the v2 header and a metadata file with every field, each with an Indonesian comment', () => {
    const dir = repo();
    const r = run('new-data.ts', ['pasuruan-2019'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('dibuat data/klaim/pasuruan-2019.csv dan data/klaim/pasuruan-2019.meta.yaml. Tambahkan satu baris per kantor, periode, dan program di CSV, isi metadata dari sumbernya, lalu jalankan: npm run data:check -- data/klaim/pasuruan-2019.csv\n');
    expect(readFileSync(join(dir, 'data/klaim/pasuruan-2019.csv'), 'utf8')).toBe(`${HEADER}\n`);
    const text = readFileSync(join(dir, 'data/klaim/pasuruan-2019.meta.yaml'), 'utf8');
    const meta = parse(text) as Record<string, Record<string, unknown> | unknown>;
    expect(Object.keys(meta)).toEqual(['id', 'title', 'description', 'level', 'offices', 'period', 'confidence', 'source', 'reported', 'licence', 'notes', 'last_reviewed']);
    expect(Object.keys(meta['period'] as object)).toEqual(['start', 'end', 'start_stated', 'printed']);
    expect(Object.keys(meta['source'] as object)).toEqual(['publisher', 'headline', 'url', 'published', 'note']);
    expect(Object.keys(meta['licence'] as object)).toEqual(['id', 'note']);
    expect(meta['id']).toBe('pasuruan-2019');
    // Nothing the source must give is filled in: no invented figure, date or name.
    expect(meta['reported']).toBeNull();
    expect(meta['last_reviewed']).toBeNull();
    expect(meta['offices']).toEqual([]);
    // Every field line has a comment in Indonesian.
    for (const line of text.split('\n').filter((l) => /^\s*[a-z_]+:/.test(l))) expect(line, line).toMatch(/ # \S.{10,}/);
    expect(text).toMatch(/# .*(tanggal|sumber|kantor)/);
    expect(text).not.toMatch(/# .*\b(the|write|source)\b/);
  });

  it('gives a dataset the checker accepts once it is filled in from a source, and data:check lists what is missing before', () => {
    const dir = repo();
    expect(run('new-data.ts', ['pasuruan-2019'], dir).status).toBe(0);
    const before = run('check-data.ts', ['data/klaim/pasuruan-2019.csv'], dir);
    expect(before.status).toBe(1);
    expect(before.stdout).toMatch(/data\/klaim\/pasuruan-2019\.meta\.yaml:5:8: error: "title" kosong/);
    expect(before.stdout).toContain('data/klaim/pasuruan-2019.csv:1:1: error: berkas punya baris judul tetapi tidak punya baris data');
    const metaPath = join(dir, 'data/klaim/pasuruan-2019.meta.yaml');
    const filled = readFileSync(metaPath, 'utf8')
      .replace('title: ""', 'title: "Data uji: klaim Kantor Cabang Pasuruan 2019"')
      .replace('offices: []', 'offices: [Pasuruan]')
      .replace('start: null', 'start: 2019-01-01')
      .replace('end: null', 'end: 2019-12-31')
      .replace('printed: ""', 'printed: "sepanjang 2019"')
      .replace('publisher: ""', 'publisher: "Penerbit Uji"')
      .replace('headline: ""', 'headline: "Judul uji"')
      .replace('note: ""', 'note: "Data uji."')
      .replace('last_reviewed: null', 'last_reviewed: 2026-11-29');
    writeFileSync(metaPath, filled);
    writeFileSync(join(dir, 'data/klaim/pasuruan-2019.csv'), `${HEADER}\nPasuruan,2019-01-01,2019-12-31,JKK,12,1864980719,,\n`);
    const after = run('check-data.ts', ['data/klaim/pasuruan-2019.csv'], dir);
    expect(after.stdout).toBe('1 dataset, 1 baris: 0 error, 0 warning\n');
    expect(after.status).toBe(0);
  });

  it('refuses to overwrite an existing dataset, leaving it unchanged', () => {
    const dir = repo();
    const csv = join(dir, 'data/klaim/pasuruan-2019.csv');
    writeFileSync(csv, 'isi lama\n');
    const r = run('new-data.ts', ['pasuruan-2019'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('error: data/klaim/pasuruan-2019.csv sudah ada; tidak ditimpa. Pilih id lain, atau sunting berkas yang ada\n');
    expect(readFileSync(csv, 'utf8')).toBe('isi lama\n');
    const meta = run('new-data.ts', ['pasuruan-2020'], dir);
    expect(meta.status).toBe(0);
    expect(run('new-data.ts', ['pasuruan-2020'], dir).stderr).toContain('data/klaim/pasuruan-2020.csv, data/klaim/pasuruan-2020.meta.yaml sudah ada');
  });

  it('refuses reserved and invalid ids, in Indonesian or English', () => {
    const dir = repo();
    for (const id of RESERVED_IDS) {
      const r = run('new-data.ts', [id], dir);
      expect(r.status, id).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^error: id "${id}" sudah dipakai situs`));
    }
    for (const id of ['Pasuruan 2019', 'pasuruan_2019', 'pasuruan--2019', 'x-', 'a'.repeat(81), '../x']) {
      const r = run('new-data.ts', [id], dir);
      expect(r.status, id).toBe(1);
      expect(r.stderr, id).toMatch(/^error: id ".*" (hanya boleh berisi huruf kecil|lebih dari 80 karakter)/);
    }
    const en = run('new-data.ts', ['kantor'], dir, { RTW_LANG: 'en' });
    expect(en.stderr).toMatch(/^error: id "kantor" is taken by the site/);
    expect(run('new-data.ts', ['Pasuruan', '--lang', 'en'], dir).stderr).toMatch(/^error: id "Pasuruan" may contain only lower-case letters/);
    expect(run('new-data.ts', [], dir).status).toBe(2);
    expect(run('new-data.ts', ['a', 'b'], dir).status).toBe(2);
    expect(readFileSync(join(dir, 'data/kantor.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'data/kantor.yaml'), 'utf8'));
  });
});

/**
 * The synthetic national generator (scripts/generate-national.ts): deterministic by seed,
 * JKP only from 2022, accepted by the real checker with reconciliation warnings exactly for
 * the years whose reported total differs, and never writing into the repository's data/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GENERATOR = join(ROOT, 'scripts', 'generate-national.ts');
const CHECKER = join(ROOT, 'scripts', 'check-data.ts');
const SMALL = ['--years', '4', '--branches', '5']; // 2021–2024: two years without JKP, two with

const tmp = mkdtempSync(join(tmpdir(), 'generate-national-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(script: string, args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  if (r.error) throw r.error;
  return r;
}

/** Generates into a fresh folder; returns the data folder and its klaim/ file contents by name. */
function generate(name: string, extra: string[] = []): { dir: string; files: Map<string, Buffer> } {
  const out = join(tmp, name, 'data');
  const r = run(GENERATOR, ['--out', out, ...SMALL, ...extra]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout.trim()).toBe(out);
  const klaim = join(out, 'klaim');
  const files = new Map(readdirSync(klaim).sort().map((f) => [f, readFileSync(join(klaim, f))] as const));
  return { dir: out, files };
}

type Generated = ReturnType<typeof generate>;
let a: Generated;
let b: Generated;
let c: Generated;
beforeAll(() => {
  a = generate('a', ['--seed', '7']);
  b = generate('b', ['--seed', '7']);
  c = generate('c', ['--seed', '8']);
});

describe('generate-national', () => {
  it('writes one CSV and one metadata file per calendar year', () => {
    expect([...a.files.keys()]).toEqual([2021, 2022, 2023, 2024].flatMap((y) => [`nasional-${y}.csv`, `nasional-${y}.meta.yaml`]));
  });

  it('is byte-identical for the same seed and differs for another seed', () => {
    expect([...b.files.keys()]).toEqual([...a.files.keys()]);
    for (const [name, bytes] of a.files) expect(b.files.get(name)!.equals(bytes), `${name} differs between two runs with seed 7`).toBe(true);
    expect(c.files.get('nasional-2024.csv')!.equals(a.files.get('nasional-2024.csv')!)).toBe(false);
  });

  it('has one row per branch × month × programme, JKP only from 2022, monthly periods with real month ends', () => {
    for (const year of [2021, 2022, 2023, 2024]) {
      const lines = a.files.get(`nasional-${year}.csv`)!.toString('utf8').trimEnd().split('\n');
      expect(lines[0]).toBe('kantor_cabang,periode_awal,periode_akhir,program,jumlah_kasus,nominal_rp');
      const rows = lines.slice(1).map((l) => l.split(','));
      const programs = new Set(rows.map((r) => r[3]));
      expect(programs.has('JKP'), `JKP in ${year}`).toBe(year >= 2022);
      expect(rows.length).toBe(5 * 12 * (year >= 2022 ? 5 : 4));
      const feb = rows.find((r) => r[1] === `${year}-02-01`)!;
      expect(feb[2]).toBe(`${year}-02-${year % 4 === 0 ? 29 : 28}`);
      for (const r of rows) {
        expect(r[0]).not.toBe('Pasuruan');
        expect(r[4]).toMatch(/^(\d+)?$/);
        expect(r[5]).toMatch(/^[1-9]\d*(\.\d\d)?$/);
      }
    }
  });

  it('passes the real checker, with a reconciliation warning exactly for the years whose reported total differs', () => {
    const csvs = [...a.files.keys()].filter((f) => f.endsWith('.csv')).map((f) => join(a.dir, 'klaim', f));
    const r = run(CHECKER, csvs);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^4 datasets, \d+ rows: 0 errors, \d+ warnings?$/m);

    // Which years differ, from the metadata versus the exact sum of the rows (in sen).
    const differing: number[] = [];
    for (const year of [2021, 2022, 2023, 2024]) {
      const csv = a.files.get(`nasional-${year}.csv`)!.toString('utf8').trimEnd().split('\n').slice(1);
      let sen = 0n;
      for (const line of csv) {
        const [whole, frac = ''] = line.split(',')[5]!.split('.');
        sen += BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0') || '0');
      }
      const meta = a.files.get(`nasional-${year}.meta.yaml`)!.toString('utf8');
      const reported = /^reported_total: "(\d+)(?:\.(\d\d))?"$/m.exec(meta);
      expect(reported, `reported_total in ${year}`).not.toBeNull();
      const reportedSen = BigInt(reported![1]!) * 100n + BigInt(reported![2] ?? '0');
      if (reportedSen !== sen) differing.push(year);
    }
    expect(differing.length).toBeGreaterThanOrEqual(1);
    expect(differing.length).toBeLessThan(4);

    const warned = [...r.stdout.matchAll(/nasional-(\d{4})\.meta\.yaml:\d+:\d+: warning: the reported total differs/g)].map((m) => Number(m[1]));
    expect(warned.sort()).toEqual(differing);
    expect(r.stdout).not.toMatch(/: error: /);
  });

  it('refuses to write into the repository data/ folder (and inside it)', () => {
    for (const out of [join(ROOT, 'data'), join(ROOT, 'data', 'klaim-sintetis'), join(ROOT, 'data', '..', 'data')]) {
      const before = readdirSync(join(ROOT, 'data', 'klaim')).sort();
      const r = run(GENERATOR, ['--out', out, ...SMALL]);
      expect(r.status, `--out ${out}`).not.toBe(0);
      expect(r.stderr).toMatch(/refusing to write/);
      expect(r.stdout).toBe('');
      expect(readdirSync(join(ROOT, 'data', 'klaim')).sort()).toEqual(before);
      expect(existsSync(join(ROOT, 'data', 'klaim-sintetis'))).toBe(false);
    }
    // A relative path from the repository root is refused too.
    const r = run(GENERATOR, ['--out', 'data', ...SMALL], ROOT);
    expect(r.status).not.toBe(0);
  });
});

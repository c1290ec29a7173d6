/**
 * The synthetic national generator (scripts/generate-national.ts): contract v2 files and a
 * registry, deterministic by seed, JKP only from 2022, accepted by the real checker with
 * reconciliation warnings exactly for the years whose reported total really differs (not for
 * a total printed rounded), and never writing into the repository's data/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT as ROOT } from '../../scripts/lib/repo.ts';

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
function generate(name: string, extra: string[] = []): { dir: string; files: Map<string, Buffer>; registry: string } {
  const out = join(tmp, name, 'data');
  const r = run(GENERATOR, ['--out', out, ...SMALL, ...extra]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout.trim()).toBe(out);
  const klaim = join(out, 'klaim');
  const files = new Map(readdirSync(klaim).sort().map((f) => [f, readFileSync(join(klaim, f))] as const));
  return { dir: out, files, registry: readFileSync(join(out, 'kantor.yaml'), 'utf8') };
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
    expect([...a.files.keys()]).toEqual([2021, 2022, 2023, 2024].flatMap((y) => [`sintetis-${y}.csv`, `sintetis-${y}.meta.yaml`]));
  });

  it('is byte-identical for the same seed and differs for another seed', () => {
    expect([...b.files.keys()]).toEqual([...a.files.keys()]);
    for (const [name, bytes] of a.files) expect(b.files.get(name)!.equals(bytes), `${name} differs between two runs with seed 7`).toBe(true);
    expect(b.registry).toBe(a.registry);
    expect(c.files.get('sintetis-2024.csv')!.equals(a.files.get('sintetis-2024.csv')!)).toBe(false);
  });

  it('has one row per branch × month × programme, JKP only from 2022, monthly periods with real month ends', () => {
    for (const year of [2021, 2022, 2023, 2024]) {
      const lines = a.files.get(`sintetis-${year}.csv`)!.toString('utf8').trimEnd().split('\n');
      expect(lines[0]).toBe('kantor,periode_awal,periode_akhir,program,jumlah_kasus,nominal_rp,kasus_tertulis,nominal_tertulis');
      const rows = parse(lines.slice(1).join('\n')) as string[][];
      const programs = new Set(rows.map((r) => r[3]));
      expect(programs.has('JKP'), `JKP in ${year}`).toBe(year >= 2022);
      expect(rows.length).toBe(5 * 12 * (year >= 2022 ? 5 : 4));
      const feb = rows.find((r) => r[1] === `${year}-02-01`)!;
      expect(feb[2]).toBe(`${year}-02-${year % 4 === 0 ? 29 : 28}`);
      for (const r of rows) {
        expect(r[0]).not.toBe('Pasuruan');
        expect(r[4]).toMatch(/^(\d+)?$/);
        expect(r[5]).toMatch(/^[1-9]\d*(\.\d\d)?$/);
        expect(r[6]).toBe('');
        expect(r[7]).toMatch(/^(Rp[\d.]+(,\d\d (juta|miliar))?)?$/);
      }
    }
  });

  it('writes a registry: the branches under synthetic regional offices under the national office', () => {
    const ids = [...a.registry.matchAll(/^- id: (.+)$/gm)].map((m) => m[1]);
    expect(ids.slice(0, 3)).toEqual(['nasional', 'kanwil-sintetis-1', 'kanwil-sintetis-2']);
    expect(ids.length).toBe(1 + 5 + 5); // 5 branches spread over min(10, 5) regional offices
    expect(a.registry).toMatch(/- id: jakarta-gatot-subroto\n {2}name: "Jakarta Gatot Subroto"\n.*\n {2}level: kantor_cabang\n {2}parent: kanwil-sintetis-1\n/);
  });

  it('extends an existing registry, reusing offices it already has by name', () => {
    const out = join(tmp, 'extend', 'data');
    mkdirSync(out, { recursive: true });
    const real = readFileSync(join(ROOT, 'data', 'kantor.yaml'), 'utf8');
    writeFileSync(join(out, 'kantor.yaml'), real);
    const r = run(GENERATOR, ['--out', out, '--years', '1', '--branches', '6']);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(out, 'kantor.yaml'), 'utf8');
    expect(text.startsWith(real)).toBe(true);
    // "Sidoarjo" (5th name) is already a branch office of the real registry: not added again.
    expect(text.match(/^ {2}name: "?Sidoarjo"?$/gm)?.length).toBe(1);
    expect(text).not.toMatch(/^- id: nasional\n[\s\S]*^- id: nasional$/m);
    const check = run(CHECKER, [join(out, 'klaim', 'sintetis-2024.csv')]);
    expect(check.status, check.stdout).toBe(0);
  });

  it('passes the real checker, with a reconciliation warning exactly for the years whose reported total differs', () => {
    // The registry is found beside klaim/ as in data/.
    const csvs = [...a.files.keys()].filter((f) => f.endsWith('.csv')).map((f) => join(a.dir, 'klaim', f));
    const r = run(CHECKER, csvs);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^4 dataset, \d+ baris: 0 error, \d+ warning$/m);

    // Which years differ, from the metadata versus the exact sum of the rows (in sen), and
    // which state their total printed rounded ("Rp5.005 miliar": within rounding, no warning).
    const differing: number[] = [];
    const rounded: number[] = [];
    for (const year of [2021, 2022, 2023, 2024]) {
      const rows = parse(a.files.get(`sintetis-${year}.csv`)!, { columns: true }) as Record<string, string>[];
      let sen = 0n;
      for (const row of rows) {
        const [whole, frac = ''] = row['nominal_rp']!.split('.');
        sen += BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0') || '0');
      }
      const meta = a.files.get(`sintetis-${year}.meta.yaml`)!.toString('utf8');
      const reported = /^reported:\n {2}nominal: "(\d+)(?:\.(\d\d?))?"\n {2}nominal_printed: (null|"Rp[\d.]+ miliar")$/m.exec(meta);
      expect(reported, `reported.nominal in ${year}`).not.toBeNull();
      const reportedSen = BigInt(reported![1]!) * 100n + BigInt((reported![2] ?? '').padEnd(2, '0'));
      if (reported![3] !== 'null') {
        rounded.push(year);
        // Rounded to the nearest miliar: within half a miliar of the exact sum.
        const diff = reportedSen - sen;
        expect(2n * (diff < 0n ? -diff : diff) <= 100n * 1_000_000_000n).toBe(true);
      } else if (reportedSen !== sen) differing.push(year);
    }
    expect(differing.length).toBe(1);
    expect(rounded.length).toBe(1);

    const warned = [...r.stdout.matchAll(/sintetis-(\d{4})\.meta\.yaml:\d+:\d+: warning: /g)].map((m) => Number(m[1]));
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

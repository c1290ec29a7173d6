/**
 * End-to-end tests of the claims pipeline: exact sums against a BigInt
 * reference on generated data, round-trip of the published CSV, CSV
 * injection, determinism, the site API's failure mode and the real data.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { loadClaims } from '../src/lib/claims/load.ts';
import type { ClaimsData } from '../src/lib/claims/load.ts';
import { csvField, publishedCsvFiles, safeCell, toCombinedCsv, toDataPackage, toDatasetCsv, toJson } from '../src/lib/claims/publish.ts';
import { dayToIso, parseIsoDay } from '../src/lib/claims/dates.ts';
import { RULES } from '../src/lib/claims/rules.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const HEADER = 'kantor_cabang,periode_awal,periode_akhir,program,jumlah_kasus,nominal_rp\n';

function meta(id: string, branches: string[], start: string, end: string, total: string | null): string {
  return [
    `id: ${id}`,
    `title: Data uji ${id}`,
    `branches: [${branches.map((b) => JSON.stringify(b)).join(', ')}]`,
    `period: {start: ${start}, end: ${end}}`,
    'source: {publisher: Penerbit Uji, headline: Judul uji, url: null, published: null}',
    `reported_total: ${total === null ? 'null' : JSON.stringify(total)}`,
    'licence: {id: CC-BY-4.0, note: Data uji.}',
    'last_reviewed: 2026-11-28',
    '',
  ].join('\n');
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('exact sums on 100,000 generated rows with amounts beyond 2^53', () => {
  let dir: string;
  let data: ClaimsData;
  const ref = { overall: 0n, byProgram: new Map<string, bigint>(), byBranch: new Map<string, bigint>(), kasus: new Map<string, bigint>() };
  const BRANCHES = Array.from({ length: 100 }, (_, i) => `Cabang ${String(i).padStart(3, '0')}`);
  const PROGS = ['JKK', 'JKM', 'JHT', 'JP'];
  const first = parseIsoDay('2018-01-01');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claims-exact-'));
    mkdirSync(join(dir, 'klaim'));
    const out = createWriteStream(join(dir, 'klaim', 'besar.csv'));
    out.write(HEADER);
    const rand = rng(42);
    let chunk = '';
    for (let d = 0; d < 250; d++) {
      const day = dayToIso(first + d);
      for (const b of BRANCHES) {
        for (const p of PROGS) {
          // Up to 19 integer digits (≈ 2^63), with 0, 1 or 2 decimals.
          const int = BigInt(Math.floor(rand() * 1e9)) * 10000000000n + BigInt(Math.floor(rand() * 1e10));
          const decimals = Math.floor(rand() * 3);
          const frac = decimals === 0 ? '' : '.' + String(Math.floor(rand() * 10 ** decimals)).padStart(decimals, '0');
          const sen = int * 100n + (frac === '' ? 0n : BigInt(frac.slice(1).padEnd(2, '0')));
          const kasus = BigInt(Math.floor(rand() * 1e6));
          chunk += `${b},${day},${day},${p},${kasus},${int}${frac}\n`;
          ref.overall += sen;
          ref.byProgram.set(p, (ref.byProgram.get(p) ?? 0n) + sen);
          ref.byBranch.set(b, (ref.byBranch.get(b) ?? 0n) + sen);
          ref.kasus.set(p, (ref.kasus.get(p) ?? 0n) + kasus);
        }
      }
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
    out.end();
    await once(out, 'finish');
    writeFileSync(join(dir, 'klaim', 'besar.meta.yaml'), meta('besar', BRANCHES, '2018-01-01', dayToIso(first + 249), null));
    data = await loadClaims(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const dec = (sen: bigint) => {
    const s = (sen / 100n).toString();
    const f = (sen % 100n).toString().padStart(2, '0').replace(/0+$/, '');
    return f === '' ? s : `${s}.${f}`;
  };

  it('reads every row', () => expect(data.datasets[0]!.rows.length).toBe(100_000));
  it('overall total equals the BigInt reference', () => {
    expect(ref.overall > BigInt(Number.MAX_SAFE_INTEGER) * 100n).toBe(true);
    expect(data.totals.overall).toBe(dec(ref.overall));
    expect(data.datasets[0]!.total).toBe(dec(ref.overall));
  });
  it('totals by programme, branch and case counts equal the reference', () => {
    for (const p of PROGS) expect(data.totals.byProgram[p as 'JKK']).toBe(dec(ref.byProgram.get(p)!));
    expect(data.totals.byBranch).toEqual(BRANCHES.map((b) => ({ branch: b, total: dec(ref.byBranch.get(b)!) })));
    for (const p of data.datasets[0]!.byProgram) expect(p.kasus).toBe(ref.kasus.get(p.program)!.toString());
  });
  it('totals by period add up to the overall total', () => {
    expect(data.totals.byPeriod.length).toBe(250);
    const sum = data.totals.byPeriod.reduce((s, p) => s + toSen(p.total), 0n);
    expect(sum).toBe(ref.overall);
  });
  it('round-trip: the published CSV parsed back gives the same sums', () => {
    const csv = toCombinedCsv(data);
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records.length).toBe(100_000);
    let total = 0n;
    for (const r of records) total += toSen(r['nominal_rp']!);
    expect(total).toBe(ref.overall);
  });
});

function toSen(v: string): bigint {
  const [i = '0', f = ''] = v.split('.');
  return BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
}

async function dataDir(files: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'claims-'));
  mkdirSync(join(dir, 'klaim'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'klaim', name), content);
  return dir;
}

describe('published files', () => {
  it('neutralise spreadsheet formulas (OWASP CSV injection) and quote per RFC 4180', async () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'ok', 'a,b', 'say "hi"'].map(csvField)).toEqual([
      "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`, 'ok', '"a,b"', '"say ""hi"""',
    ]);
    expect(safeCell('Pasuruan')).toBe('Pasuruan');
    const dir = await dataDir({
      'x-2017.csv': HEADER + '"=HYPERLINK(""http://evil"")",2017-01-01,2017-01-31,JKK,,1\n@cmd,2017-01-01,2017-01-31,JKK,,2\n"+Kota, Selatan",2017-01-01,2017-01-31,JKK,,3\n',
      'x-2017.meta.yaml': meta('x-2017', ['=HYPERLINK("http://evil")', '@cmd', '+Kota, Selatan'], '2017-01-01', '2017-01-31', null),
    });
    try {
      const data = await loadClaims(dir);
      const csv = toDatasetCsv(data.datasets[0]!);
      expect(csv).toBe(
        HEADER +
          `"'=HYPERLINK(""http://evil"")",2017-01-01,2017-01-31,JKK,,1\n` +
          "'@cmd,2017-01-01,2017-01-31,JKK,,2\n" +
          `"'+Kota, Selatan",2017-01-01,2017-01-31,JKK,,3\n`,
      );
      for (const line of csv.split('\n')) for (const cell of parse(line)[0] ?? []) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are byte-identical across two runs, and the data package hashes match', async () => {
    const a = await loadClaims(join(root, 'data'));
    const b = await loadClaims(join(root, 'data'));
    const render = (d: ClaimsData) => {
      const files = publishedCsvFiles(d);
      return [...files.map((f) => f.content), toJson(d), toDataPackage(d, files)];
    };
    expect(render(a)).toEqual(render(b));
    const files = publishedCsvFiles(a);
    const pkg = JSON.parse(toDataPackage(a, files)) as { resources: { path: string; bytes: number; hash: string }[] };
    for (const f of files) {
      const r = pkg.resources.find((x) => x.path === f.path)!;
      expect(r.bytes).toBe(Buffer.byteLength(f.content));
      expect(r.hash).toBe('sha256:' + createHash('sha256').update(f.content).digest('hex'));
    }
  });
});

describe('the real 2017 dataset', () => {
  it('loads with exact figures and the reconciliation difference', async () => {
    const data = await loadClaims(join(root, 'data'));
    const d = data.datasets.find((x) => x.id === 'pasuruan-2017-01-02')!;
    expect(d.csvPath).toBe('data/klaim/pasuruan-2017-01-02.csv');
    expect(d.sha256).toBe(createHash('sha256').update(readFileSync(join(root, d.csvPath))).digest('hex'));
    expect(d.byProgram).toEqual([
      { program: 'JKK', nominal: '1864980719', kasus: null, share: '14.61' },
      { program: 'JKM', nominal: '326400000', kasus: null, share: '2.56' },
      { program: 'JHT', nominal: '10555055690', kasus: null, share: '82.67' },
      { program: 'JP', nominal: '21707420', kasus: null, share: '0.17' },
    ]);
    expect(d.reconciliation).toEqual({ reported: '12878543829', computed: '12768143829', difference: '110400000' });
    expect(d.meta.source.published).toBeNull();
    expect(data.warnings.map((w) => w.rule)).toContain('reconciliation.total');
  });

  it('npm run data:check exits 0 and prints the warning with the three figures', () => {
    const r = spawnSync(process.execPath, ['scripts/check-data.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "data/klaim/pasuruan-2017-01-02.meta.yaml:25:17: warning: the reported total differs from the sum of the rows: computed Rp12.768.143.829, reported Rp12.878.543.829, difference Rp110.400.000 (reported minus computed); both figures are published with the difference. If a row has a typing mistake, correct it; otherwise keep the source's figure and explain in "notes"
      1 dataset, 4 rows: 0 errors, 1 warning
      "
    `);
  });

  it('data:check -- FILE exits 1 on a bad file', () => {
    const r = spawnSync(process.execPath, ['scripts/check-data.ts', '--', 'tests/fixtures/claims/nominal-negative/input.csv'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(readFileSync(join(root, 'tests/fixtures/claims/nominal-negative/expected.txt'), 'utf8'));
  });
});

describe('loadClaims refuses bad data', () => {
  it('throws with every error line, and never returns partial data', async () => {
    const dir = await dataDir({
      'a-2017.csv': HEADER + 'Pasuruan,2017-01-01,2017-02-28,JKK,,1.864.980.719\nPasuruan,2017-01-01,2017-02-28,JKN,,5\n',
      'a-2017.meta.yaml': meta('a-2017', ['Pasuruan'], '2017-01-01', '2017-02-28', null),
    });
    try {
      const err = await loadClaims(dir).then(() => null, (e: unknown) => e as Error);
      expect(err).toBeInstanceOf(Error);
      const prefix = dir.split('/').pop() + '/';
      expect(err!.message.split(prefix).join('')).toBe(
        'klaim/a-2017.csv:2:37: error: nominal_rp "1.864.980.719" uses dots as thousands separators; write 1864980719\n' +
          'klaim/a-2017.csv:3:32: error: program "JKN" is JKN (Jaminan Kesehatan Nasional), a programme of BPJS Kesehatan, not of BPJS Ketenagakerjaan; remove the row: this dataset covers JKK, JKM, JHT, JP and JKP only',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rules', () => {
  it('are documented in Indonesian and English, one sentence each, with unique ids', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.description_id).toMatch(/^[A-Z].*\.$/);
      expect(r.description_en).toMatch(/^[A-Za-z].*\.$/);
    }
  });
});

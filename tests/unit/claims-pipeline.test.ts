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
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { loadClaims } from '../../src/lib/claims/load.ts';
import type { ClaimsData } from '../../src/lib/claims/load.ts';
import { csvField, publishedCsvFiles, safeCell, toCombinedCsv, toDataPackage, toDatasetCsv, toJson } from '../../src/lib/claims/publish.ts';
import { dayToIso, parseIsoDay } from '../../src/lib/claims/dates.ts';
import { RULES } from '../../src/lib/claims/rules.ts';
import { REPO_ROOT as root } from '../../scripts/lib/repo.ts';

const HEADER = 'kantor,periode_awal,periode_akhir,program,jumlah_kasus,nominal_rp,kasus_tertulis,nominal_tertulis\n';

function meta(id: string, offices: string[], start: string, end: string, reported: string | null): string {
  return [
    `id: ${id}`,
    `title: Data uji ${id}`,
    'level: kantor_cabang',
    `offices: [${offices.map((b) => JSON.stringify(b)).join(', ')}]`,
    `period: {start: ${start}, end: ${end}, start_stated: true, printed: periode uji}`,
    'confidence: U',
    'source: {publisher: Penerbit Uji, headline: Judul uji, url: null, published: null}',
    `reported: ${reported === null ? 'null' : `{nominal: ${JSON.stringify(reported)}, nominal_printed: null, kasus: null, kasus_printed: null}`}`,
    'licence: {id: CC-BY-4.0, note: Data uji.}',
    'last_reviewed: 2026-11-28',
    '',
  ].join('\n');
}

/** A registry (data/kantor.yaml) with these branch offices under one regional office. */
function registry(branches: string[]): string {
  const src = '  sources: [{publisher: Penerbit Uji, headline: Judul uji, url: null, published: null, quote: null}]';
  const office = (id: string, name: string, level: string, parent: string | null) =>
    [`- id: ${id}`, `  name: ${JSON.stringify(name)}`, `  full_name: ${JSON.stringify(`Kantor ${name}`)}`, `  level: ${level}`, `  parent: ${parent ?? 'null'}`, '  coverage: null', src].join('\n');
  return [
    office('nasional', 'Nasional', 'nasional', null),
    office('kanwil-uji', 'Kanwil Uji', 'kantor_wilayah', 'nasional'),
    ...branches.map((b, i) => office(`cabang-${i}`, b, 'kantor_cabang', 'kanwil-uji')),
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
    writeFileSync(join(dir, 'kantor.yaml'), registry(BRANCHES));
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
          chunk += `${b},${day},${day},${p},${kasus},${int}${frac},,\n`;
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
  it('the dataset total equals the BigInt reference, exact (no rounding units, nothing missing)', () => {
    expect(ref.overall > BigInt(Number.MAX_SAFE_INTEGER) * 100n).toBe(true);
    expect(data.datasets[0]!.total.nominal).toEqual({ value: dec(ref.overall), printed: null, units: '0', missing: 0, atLeast: 0, parts: 100_000 });
  });
  it('totals by programme, office and case counts equal the reference', () => {
    const d = data.datasets[0]!;
    expect(d.byProgram.map((p) => p.program)).toEqual(PROGS);
    for (const p of d.byProgram) {
      expect(p.nominal.value).toBe(dec(ref.byProgram.get(p.program)!));
      expect(p.kasus.value).toBe(ref.kasus.get(p.program)!.toString());
    }
    expect(d.byOffice.map((o) => [o.office.name, o.total.nominal.value])).toEqual(BRANCHES.map((b) => [b, dec(ref.byBranch.get(b)!)]));
    expect(d.offices.map((o) => o.id)).toEqual(BRANCHES.map((_b, i) => `cabang-${i}`));
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

async function dataDir(files: Record<string, string>, offices: string[] = ['Pasuruan']): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'claims-'));
  mkdirSync(join(dir, 'klaim'));
  writeFileSync(join(dir, 'kantor.yaml'), registry(offices));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'klaim', name), content);
  return dir;
}

describe('published files', () => {
  it('neutralise spreadsheet formulas (OWASP CSV injection) and quote per RFC 4180', async () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'ok', 'a,b', 'say "hi"'].map(csvField)).toEqual([
      "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`, 'ok', '"a,b"', '"say ""hi"""',
    ]);
    expect(safeCell('Pasuruan')).toBe('Pasuruan');
    const names = ['=HYPERLINK("http://evil")', '@cmd', '+Kota, Selatan'];
    const dir = await dataDir({
      'x-2017.csv': HEADER + '"=HYPERLINK(""http://evil"")",2017-01-01,2017-01-31,JKK,,1,,\n@cmd,2017-01-01,2017-01-31,JKK,,2,,\n"+Kota, Selatan",2017-01-01,2017-01-31,JKK,,3,,\n',
      'x-2017.meta.yaml': meta('x-2017', names, '2017-01-01', '2017-01-31', null),
    }, names);
    try {
      const data = await loadClaims(dir);
      const csv = toDatasetCsv(data.datasets[0]!);
      expect(csv).toBe(
        HEADER +
          `"'=HYPERLINK(""http://evil"")",2017-01-01,2017-01-31,JKK,,1,,\n` +
          "'@cmd,2017-01-01,2017-01-31,JKK,,2,,\n" +
          `"'+Kota, Selatan",2017-01-01,2017-01-31,JKK,,3,,\n`,
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

describe('the real data', () => {
  let data: ClaimsData;
  beforeAll(async () => {
    data = await loadClaims(join(root, 'data'));
  });
  const get = (id: string) => data.datasets.find((x) => x.id === id)!;
  const exact = (value: string | null, parts = 1) => ({ value, printed: null, units: '0', missing: value === null ? parts : 0, atLeast: 0, parts });

  it('Pasuruan Jan-Feb 2017: exact figures, case counts not reported, the stated total differs by Rp110.400.000', () => {
    const d = get('pasuruan-2017-01-02');
    expect(d.csvPath).toBe('data/klaim/pasuruan-2017-01-02.csv');
    expect(d.sha256).toBe(createHash('sha256').update(readFileSync(join(root, d.csvPath))).digest('hex'));
    expect(d.byProgram).toEqual([
      { program: 'JKK', nominal: exact('1864980719'), kasus: exact(null), share: '14.61' },
      { program: 'JKM', nominal: exact('326400000'), kasus: exact(null), share: '2.56' },
      { program: 'JHT', nominal: exact('10555055690'), kasus: exact(null), share: '82.67' },
      { program: 'JP', nominal: exact('21707420'), kasus: exact(null), share: '0.17' },
    ]);
    expect(d.total.nominal).toEqual(exact('12768143829', 4));
    expect(d.total.kasus).toEqual(exact(null, 4));
    const c = d.reconciliation.nominal!;
    expect([c.stated.value, c.computed.value, c.difference, c.tolerance, c.status]).toEqual(['12878543829', '12768143829', '110400000', '0', 'berbeda']);
    expect(d.reconciliation.kasus).toBeNull();
    expect(d.meta.source.published).toBeNull();
    expect(d.offices.map((o) => o.id)).toEqual(['pasuruan']);
  });

  it('Pasuruan 2018: figures printed rounded keep their text, and the stated total agrees within rounding', () => {
    const d = get('pasuruan-2018');
    expect(d.rows.every((r) => r.nominalTertulis !== null)).toBe(true);
    expect(d.reconciliation.nominal!.status).toBe('dalam-pembulatan');
    expect(d.reconciliation.nominal!.stated.printed).not.toBeNull();
    expect(BigInt(d.total.nominal.units) > 0n).toBe(true);
  });

  it('Sidoarjo 2023: exact figures that differ from the stated totals by Rp1 and by -43 cases', () => {
    const d = get('sidoarjo-2023');
    expect([d.reconciliation.nominal!.status, d.reconciliation.nominal!.difference]).toEqual(['berbeda', '1']);
    expect([d.reconciliation.kasus!.status, d.reconciliation.kasus!.difference]).toEqual(['berbeda', '-43']);
  });

  it('national 2023: an unknown JKP amount is null, never 0, and makes the sum a lower bound', () => {
    const d = get('nasional-2023');
    const jkp = d.byProgram.find((p) => p.program === 'JKP')!;
    expect(jkp.nominal.value).toBeNull();
    expect(jkp.share).toBeNull();
    expect(d.total.nominal.missing).toBe(1);
    expect(d.reconciliation.nominal!.status).toBe('tidak-lengkap');
  });

  it('every dataset office is in the registry at the dataset level', () => {
    for (const d of data.datasets) for (const o of d.offices) expect(o.level).toBe(d.meta.level);
    expect(data.registry.byId.get('pasuruan')?.parent).toBe('kanwil-jawa-timur');
  });

  const checkData = (args: string[], env: Record<string, string> = {}) => {
    const e: NodeJS.ProcessEnv = { ...process.env, CI: 'true', ...env };
    if (!('RTW_LANG' in env)) delete e['RTW_LANG'];
    return spawnSync(process.execPath, ['scripts/check-data.ts', ...args], { cwd: root, encoding: 'utf8', env: e });
  };

  it('npm run data:check exits 0 and prints the reconciliation warnings, in Indonesian', () => {
    const r = checkData([]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    const rows = data.datasets.reduce((n, d) => n + d.rows.length, 0);
    expect(lines.at(-1)).toBe(`${data.datasets.length} dataset, ${rows} baris: 0 error, ${data.warnings.length} warning`);
    expect(lines.length).toBe(data.warnings.length + 1);
    const pasuruan = lines.find((l) => l.startsWith('data/klaim/pasuruan-2017-01-02.meta.yaml:'));
    expect(pasuruan).toMatch(/: warning: total nominal menurut sumber berbeda .*Rp12\.768\.143\.829.*Rp12\.878\.543\.829.*Rp110\.400\.000/);
  });

  it('data:check speaks English with --lang en or RTW_LANG=en, and refuses an unknown language', () => {
    const rows = data.datasets.reduce((n, d) => n + d.rows.length, 0);
    for (const r of [checkData(['--lang', 'en']), checkData([], { RTW_LANG: 'en' }), checkData(['--lang=en'], { RTW_LANG: 'id' })]) {
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.at(-1)).toBe(`${data.datasets.length} datasets, ${rows} rows: 0 errors, ${data.warnings.length} warnings`);
      expect(lines.find((l) => l.startsWith('data/klaim/pasuruan-2017-01-02.meta.yaml:'))).toMatch(/: warning: the stated total amount differs .*Rp110\.400\.000/);
    }
    const bad = checkData(['--lang', 'fr']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: --lang "fr" tidak dikenal/);
    expect(bad.stdout).toBe('');
  });

  it('data:check -- FILE exits 1 on a bad file, with the pinned messages in either language', () => {
    const r = checkData(['--', 'tests/fixtures/claims/nominal-negative/input.csv']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(readFileSync(join(root, 'tests/fixtures/claims/nominal-negative/expected.txt'), 'utf8'));
    const en = checkData(['--lang', 'en', 'tests/fixtures/claims/nominal-negative/input.csv']);
    expect(en.stdout).toBe(readFileSync(join(root, 'tests/fixtures/claims/nominal-negative/expected.en.txt'), 'utf8'));
  });

  it('data:check --format github prints one annotation per problem', () => {
    const r = checkData(['--format', 'github', 'tests/fixtures/claims/nominal-negative/input.csv']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual([
      '::error file=tests/fixtures/claims/nominal-negative/input.csv,line=2,col=37,title=nominal.negative::nominal_rp "-1864980719" negatif; nominal klaim tidak mungkin di bawah nol: periksa sumbernya dan tulis nominal tanpa tanda',
      '::error file=tests/fixtures/claims/nominal-negative/input.csv,line=3,col=37,title=nominal.negative::nominal_rp "-5.50" negatif; nominal klaim tidak mungkin di bawah nol: periksa sumbernya dan tulis nominal tanpa tanda',
    ]);
    expect(lines.at(-1)).toBe('1 dataset, 2 baris: 2 error, 0 warning');
  });
});

describe('datasets that overlap', () => {
  it('are loaded side by side, with overlaps recorded and a same-period difference beyond rounding as a conflict', async () => {
    const data = await loadClaims(join(root, 'tests/fixtures/claims/overlap-across'));
    const [a, b, c] = ['a-2017', 'b-2017', 'c-2017'].map((id) => data.datasets.find((d) => d.id === id)!);
    // Totals stay per dataset: nothing is added across datasets.
    expect(a!.total.nominal.value).toBe('12420036409');
    expect(b!.total.nominal.value).toBe('10');
    expect(b!.overlaps).toEqual(expect.arrayContaining([expect.objectContaining({ dataset: 'a-2017', office: 'Pasuruan', program: 'JKK', period: '2017-02-01..2017-02-28', otherPeriod: '2017-01-01..2017-02-28' })]));
    // Different periods overlap but are not the same figure: no conflict.
    expect(b!.conflicts).toEqual([]);
    // Same office, period and programme: JKK differs by Rp719 (a conflict), JHT 10555055690 vs "Rp 10,6 miliar" is within rounding (not one).
    expect(a!.conflicts.map((x) => [x.dataset, x.program, x.measure, x.mine.value, x.theirs.value])).toEqual([['c-2017', 'JKK', 'nominal', '1864980719', '1864980000']]);
    expect(c!.conflicts.map((x) => [x.dataset, x.program, x.measure, x.mine.value, x.theirs.value, x.theirs.printed])).toEqual([['a-2017', 'JKK', 'nominal', '1864980000', '1864980719', null]]);
    expect(data.warnings).toEqual([]);
  });
});

describe('loadClaims refuses bad data', () => {
  it('throws with every error line in Indonesian (what a failing build shows), and never returns partial data', async () => {
    const dir = await dataDir({
      'a-2017.csv': HEADER + 'Pasuruan,2017-01-01,2017-02-28,JKK,,1.864.980.719,,\nPasuruan,2017-01-01,2017-02-28,JKN,,5,,\n',
      'a-2017.meta.yaml': meta('a-2017', ['Pasuruan'], '2017-01-01', '2017-02-28', null),
    });
    try {
      const err = await loadClaims(dir).then(() => null, (e: unknown) => e as Error);
      expect(err).toBeInstanceOf(Error);
      const prefix = dir.split('/').pop() + '/';
      expect(err!.message.split(prefix).join('')).toBe(
        'klaim/a-2017.csv:2:37: error: nominal_rp "1.864.980.719" memakai titik sebagai pemisah ribuan; tulis 1864980719\n' +
          'klaim/a-2017.csv:3:32: error: program "JKN" adalah JKN (Jaminan Kesehatan Nasional), program BPJS Kesehatan, bukan BPJS Ketenagakerjaan; hapus barisnya: data ini hanya untuk JKK, JKM, JHT, JP, dan JKP',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('throws when an office is not in the registry', async () => {
    const dir = await dataDir({
      'a-2017.csv': HEADER + 'Pasuruan,2017-01-01,2017-02-28,JKK,,1,,\n',
      'a-2017.meta.yaml': meta('a-2017', ['Pasuruan'], '2017-01-01', '2017-02-28', null),
    }, ['Sidoarjo']);
    try {
      const err = await loadClaims(dir).then(() => null, (e: unknown) => e as Error);
      expect(err?.message).toMatch(/a-2017\.meta\.yaml:\d+:\d+: error: kantor "Pasuruan" tidak ada di daftar kantor .*kantor\.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rules', () => {
  it('are documented in Indonesian and English, one sentence each, with unique ids', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.description.id).toMatch(/^[A-Z].*\.$/);
      expect(r.description.en).toMatch(/^[A-Za-z].*\.$/);
    }
  });
});

/**
 * The map and reduce of the claims check: quote-aware record boundaries, and a file checked in
 * chunks on worker threads giving exactly what one pass gives (sums, periods, office ids,
 * first printed figures), or, when it has any problem, the same diagnostics as one pass.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCsv, createCheckContext, HEADER, sortedKeys, type CsvCheckResult } from '../../src/lib/claims/csv-check.ts';
import { checkInParallel } from '../../src/lib/claims/csv-parallel.ts';
import { firstLine, recordBoundaries } from '../../src/lib/claims/csv-split.ts';
import { fileSource } from '../../src/lib/claims/source.ts';

const dir = mkdtempSync(join(tmpdir(), 'csv-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows for `days` days of three offices (one quoted, with a comma) × four programmes; some printed rounded. */
function rows(days: number, eol = '\n'): string {
  const out = [HEADER];
  const offices = ['Pasuruan', '"Sengkang, Wajo"', 'Sidoarjo'];
  for (let d = 0; d < days; d++) {
    const iso = new Date(Date.UTC(2021, 0, 1 + d)).toISOString().slice(0, 10);
    offices.forEach((o, i) => ['JKK', 'JKM', 'JHT', 'JP'].forEach((p, j) => {
      const n = (d * 31 + i * 7 + j * 3) % 997;
      const printed = (d + i + j) % 50 === 0;
      out.push(printed ? `${o},${iso},${iso},${p},${n},1230000,,"Rp1,23 juta"` : `${o},${iso},${iso},${p},${n % 5 === 0 ? '' : n},${n * 1000 + j}.${String(n % 100).padStart(2, '0')},,`);
    }));
  }
  return out.join(eol) + eol;
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** What a check gives, as plain values (combo keys included: office ids must match too). */
function summary(r: CsvCheckResult, names: string[]) {
  return {
    rowCount: r.rowCount,
    errorCount: r.errorCount,
    diagnostics: r.diagnostics,
    totalSen: r.totalSen,
    minStart: r.minStart,
    maxEnd: r.maxEnd,
    periods: [...r.periods],
    names,
    combos: [...r.combos].map(([k, c]) => ({ k, ...c, keys: [...sortedKeys(c.keys)] })),
  };
}

async function both(file: string) {
  const one = createCheckContext();
  const many = createCheckContext();
  const single = await checkCsv(fileSource(file), { context: one, parallel: { threads: 1 } });
  const parallel = await checkCsv(fileSource(file), { context: many, parallel: { threads: 3, minBytes: 0 } });
  return { single: summary(single, one.branchNames), parallel: summary(parallel, many.branchNames) };
}

describe('recordBoundaries', () => {
  it('cuts only after a line feed outside quotes', () => {
    const text = `${HEADER}\nA,"x\ny",1\nB,"p""\nq",2\nC,3,4\nD,5,6\n`;
    const file = write('quotes.csv', text);
    const head = firstLine(file)!;
    expect(head).toEqual({ text: HEADER, end: HEADER.length + 1, crlf: false });
    for (let parts = 2; parts <= 12; parts++) {
      const cuts = recordBoundaries(file, head.end, text.length, parts);
      expect(cuts[0]).toBe(head.end);
      expect(cuts.at(-1)).toBe(text.length);
      for (const c of cuts.slice(1, -1)) {
        expect(text[c - 1]).toBe('\n');
        // An even number of quotes before every cut.
        expect((text.slice(0, c).match(/"/g) ?? []).length % 2).toBe(0);
      }
    }
  });

  it('with CR LF endings, never cuts at a lone line feed', () => {
    const text = `${HEADER}\r\nA,1\nB,2\r\nC,3\r\nD,4\r\n`;
    const file = write('crlf.csv', text);
    const head = firstLine(file)!;
    expect(head.crlf).toBe(true);
    for (let parts = 2; parts <= 8; parts++) {
      for (const c of recordBoundaries(file, head.end, text.length, parts, true).slice(1, -1)) expect(text.slice(c - 2, c)).toBe('\r\n');
    }
  });
});

describe('checkCsv on several threads', () => {
  it('gives exactly what one pass gives for a valid file (LF and CR LF)', async () => {
    for (const [name, eol] of [['valid.csv', '\n'], ['valid-crlf.csv', '\r\n']] as const) {
      const file = write(name, rows(60, eol));
      const { single, parallel } = await both(file);
      expect(single.errorCount).toBe(0);
      expect(single.rowCount).toBe(720);
      expect(parallel).toEqual(single);
      // The parallel path was taken: the file is really split.
      expect(await checkInParallel(fileSource(file), {}, { threads: 3, minBytes: 0 })).not.toBeNull();
    }
  });

  it('gives the same diagnostics, lines and columns as one pass when chunks find problems', async () => {
    const lines = rows(40).split('\n');
    lines[98] = lines[98]!.replace(/,JKM,/, ',JKX,');
    lines[300] = lines[299]!; // a duplicate row
    lines[400] = lines[400]!.replace(/,(\d+)\.(\d\d),,$/, ',1.234.567,,');
    const file = write('bad.csv', lines.join('\n'));
    expect(await checkInParallel(fileSource(file), {}, { threads: 3, minBytes: 0 })).toBeNull();
    const { single, parallel } = await both(file);
    expect(single.diagnostics.map((d) => `${d.line} ${d.rule}`)).toEqual(['99 program.value', '301 row.duplicate', '401 nominal.format']);
    expect(parallel).toEqual(single);
  });

  it('stays on one thread for a small file, a non-standard header, or threads < 2', async () => {
    const file = write('small.csv', rows(5));
    expect(await checkInParallel(fileSource(file), {}, { threads: 2 })).toBeNull();
    expect(await checkInParallel(fileSource(file), {}, { threads: 1, minBytes: 0 })).toBeNull();
    const odd = write('odd-header.csv', rows(5).replace(HEADER, HEADER.split(',').map((c) => `"${c}"`).join(',')));
    expect(await checkInParallel(fileSource(odd), {}, { threads: 2, minBytes: 0 })).toBeNull();
    expect(readFileSync(odd, 'utf8').startsWith('"kantor"')).toBe(true);
  });
});

describe('checkDatasets with several files in worker threads', () => {
  it('gives the same run as one file after another: diagnostics, office ids, sums, overlaps', async () => {
    const { writeDataDir } = await import('../helpers/claims-data.ts');
    const { checkDatasets } = await import('../../src/lib/claims/check.ts');
    const day = (d: number) => new Date(Date.UTC(2021, 0, 1 + d)).toISOString().slice(0, 10);
    const daily = (office: string, days: number, from = 0) => Array.from({ length: days }, (_, d) => `${office},${day(from + d)},${day(from + d)},JKK,${d},${1000 + d}.5,,`);
    const data = writeDataDir([
      { id: 'a-2021', offices: ['Sidoarjo', 'Pasuruan'], start: '2021-01-01', end: '2021-12-31', rows: [...daily('Sidoarjo', 200), ...daily('Pasuruan', 100)] },
      { id: 'b-2021', offices: ['Pasuruan'], start: '2021-01-01', end: '2021-12-31', rows: [...daily('Pasuruan', 50, 10), 'Pasuruan,2021-03-01,2021-03-01,JKN,,5,,', 'Sidoarjo,2021-03-02,2021-03-02,JKK,,5,,'] },
      { id: 'c-2021', offices: ['Sidoarjo'], start: '2021-01-01', end: '2021-12-31', rows: [...daily('Sidoarjo', 30), ...daily('Sidoarjo', 2, 5)] },
    ]);
    try {
      const files = ['a-2021', 'b-2021', 'c-2021'].map((id) => ({ fsPath: join(data, 'klaim', `${id}.csv`), displayPath: `klaim/${id}.csv` }));
      const run = (parallel: { threads: number; fileMinBytes?: number }) => checkDatasets(files, { requireMeta: true, parallel });
      const [one, many] = [await run({ threads: 1 }), await run({ threads: 3, fileMinBytes: 0 })];
      const view = (r: Awaited<ReturnType<typeof run>>) => ({
        diagnostics: r.diagnostics, errorCount: r.errorCount, warningCount: r.warningCount, rowCount: r.rowCount, names: r.context.branchNames,
        datasets: r.datasets.map((d) => ({ id: d.id, total: d.csv.totalSen, overlaps: d.overlaps, combos: [...d.csv.combos.keys()], periods: [...d.csv.periods] })),
      });
      expect(one.errorCount).toBe(4); // JKN, Sidoarjo not listed in b, two duplicate rows in c
      expect(one.datasets[1]!.overlaps.length).toBeGreaterThan(0);
      expect(view(many)).toEqual(view(one));
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatPrinted, isPrintedError, readPrinted } from '../../src/lib/claims/printed.ts';

/** Reads and fails the test with the reason when the text cannot be read. */
function read(text: string, money: boolean) {
  const r = readPrinted(text, money);
  if (isPrintedError(r)) throw new Error(`"${text}" ${r.error}`);
  return r;
}

describe('readPrinted', () => {
  it('reads amounts with their rounding unit (in sen)', () => {
    // Rp 11,9 miliar = Rp11.900.000.000, rounded to Rp100.000.000.
    expect(read('Rp 11,9 miliar', true)).toEqual({ value: 1_190_000_000_000n, unit: 10_000_000_000n, qualifier: null, scale: 9, decimals: 1 });
    expect(read('Rp 926,774 juta', true)).toMatchObject({ value: 92_677_400_000n, unit: 100_000n });
    expect(read('Rp1,55 T', true)).toMatchObject({ value: 155_000_000_000_000n, unit: 1_000_000_000_000n, scale: 12 });
    expect(read('Rp43,25 triliun', true)).toMatchObject({ value: 4_325_000_000_000_000n });
    expect(read('Rp. 5 M', true)).toMatchObject({ value: 500_000_000_000n, unit: 100_000_000_000n });
    expect(read('Rp 122 milyar', true)).toMatchObject({ value: 12_200_000_000_000n, unit: 100_000_000_000n });
  });

  it('reads a dot followed by one or two digits as a decimal point, as some outlets print', () => {
    expect(read('Rp1.68 Triliun', true)).toMatchObject({ value: 168_000_000_000_000n, decimals: 2 });
    // Three digits after a dot are a thousands group, not decimals.
    expect(read('Rp1.680 miliar', true)).toMatchObject({ value: 168_000_000_000_000n, decimals: 0 });
  });

  it('reads exact printed figures (no scale word) with unit 0', () => {
    expect(read('Rp1.864.980.719', true)).toEqual({ value: 186_498_071_900n, unit: 0n, qualifier: null, scale: 0, decimals: 0 });
    expect(read('Rp 1.234,50', true)).toMatchObject({ value: 123_450n, unit: 0n });
    expect(read('50.119', false)).toMatchObject({ value: 50_119n, unit: 0n });
  });

  it('reads case counts and qualifiers', () => {
    expect(read('3,39 juta', false)).toEqual({ value: 3_390_000n, unit: 10_000n, qualifier: null, scale: 6, decimals: 2 });
    expect(read('1,6 juta', false)).toMatchObject({ value: 1_600_000n, unit: 100_000n });
    expect(read('Rp212 miliar lebih', true)).toMatchObject({ value: 21_200_000_000_000n, qualifier: 'lebih' });
    expect(read('lebih dari 4 juta', false)).toMatchObject({ value: 4_000_000n, qualifier: 'lebih' });
    expect(read('sekitar Rp 5 miliar', true)).toMatchObject({ qualifier: 'sekitar' });
  });

  it('refuses text it cannot read, saying why', () => {
    const err = (text: string, money: boolean) => {
      const r = readPrinted(text, money);
      return isPrintedError(r) ? r.error : null;
    };
    expect(err('', true)).toBe('is empty');
    expect(err('Rp sebelas miliar', true)).toMatch(/^is not a number written as the source printed it/);
    expect(err('Rp 11,9 milyard', true)).toBe('has the word "milyard", which is not a scale (ribu, juta, miliar, triliun)');
    expect(err('Rp 1,2 ribu', false)).toBe('is an amount of money, not a number of cases');
    expect(err('Rp 1,005', true)).toBe('has more decimals than a sen');
    expect(err('1,5', false)).toBe('is not a whole number of cases');
    expect(err('sekitar Rp 5 miliar lebih', true)).toBe('has two qualifiers');
  });
});

describe('formatPrinted', () => {
  it('writes the site\'s way, keeping exactly the precision printed', () => {
    expect(formatPrinted('Rp 11,9 miliar', true)).toBe('Rp11,9 miliar');
    expect(formatPrinted('Rp1.68 Triliun', true)).toBe('Rp1,68 triliun');
    expect(formatPrinted('Rp1,55 T', true)).toBe('Rp1,55 triliun');
    expect(formatPrinted('Rp 926,774 juta', true)).toBe('Rp926,774 juta');
    expect(formatPrinted('Rp 1.250 miliar', true)).toBe('Rp1.250 miliar');
    expect(formatPrinted('3,39 juta', false)).toBe('3,39 juta');
    expect(formatPrinted('Rp212 miliar lebih', true)).toBe('lebih dari Rp212 miliar');
    expect(formatPrinted('sekitar Rp 5 M', true)).toBe('sekitar Rp5 miliar');
    expect(formatPrinted('Rp1.864.980.719', true)).toBe('Rp1.864.980.719');
    expect(formatPrinted('Rp 0,5 miliar', true)).toBe('Rp0,5 miliar');
    expect(formatPrinted('Rp sebelas miliar', true)).toBeNull();
  });
});

describe('every printed figure in data/', () => {
  const dir = 'data/klaim';
  const csvs = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  const metas = readdirSync(dir).filter((f) => f.endsWith('.meta.yaml'));

  it('every kasus_tertulis and nominal_tertulis of data/klaim/*.csv parses, equals its plain column and formats', () => {
    let seen = 0;
    for (const f of csvs) {
      const rows = parse(readFileSync(join(dir, f)), { columns: true, bom: true }) as Record<string, string>[];
      for (const [i, r] of rows.entries()) {
        for (const [col, plain, money] of [['nominal_tertulis', 'nominal_rp', true], ['kasus_tertulis', 'jumlah_kasus', false]] as const) {
          const text = r[col]!;
          if (text === '') continue;
          seen++;
          const where = `${f} row ${i + 2} ${col} "${text}"`;
          const p = read(text, money);
          const [int = '', frac = ''] = r[plain]!.split('.');
          const base = money ? BigInt(int) * 100n + BigInt(frac.padEnd(2, '0') || '0') : BigInt(r[plain]!);
          expect(p.value, where).toBe(base);
          expect(formatPrinted(text, money), where).not.toBeNull();
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('every *_printed of data/klaim/*.meta.yaml parses', () => {
    let seen = 0;
    const visit = (node: unknown, file: string): void => {
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'nominal_printed' || k === 'kasus_printed') && typeof v === 'string') {
          seen++;
          expect(isPrintedError(readPrinted(v, k === 'nominal_printed')), `${file} ${k} "${v}"`).toBe(false);
        } else visit(v, file);
      }
    };
    for (const f of metas) visit(parseYaml(readFileSync(join(dir, f), 'utf8')), f);
    expect(seen).toBeGreaterThan(5);
  });
});

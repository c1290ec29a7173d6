import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { addSum, compareStated, emptySum, type SumParts } from '../../src/lib/claims/reconcile.ts';
import { isPrintedError, readPrinted } from '../../src/lib/claims/printed.ts';

const sen = (rupiah: bigint): bigint => rupiah * 100n;
const sum = (value: bigint, units = 0n, missing = 0, atLeast = 0): SumParts => ({ value, units, missing, atLeast });
const stated = (value: bigint, unit = 0n, qualifier: 'sekitar' | 'lebih' | null = null) => ({ value, unit, qualifier });

/** The sum of a real dataset's rows and its stated total, read straight from data/klaim (base units). */
function realDataset(id: string, measure: 'nominal' | 'kasus') {
  const money = measure === 'nominal';
  const rows = parse(readFileSync(`data/klaim/${id}.csv`), { columns: true, bom: true }) as Record<string, string>[];
  const total = emptySum();
  for (const r of rows) {
    const plain = r[money ? 'nominal_rp' : 'jumlah_kasus']!;
    const text = r[money ? 'nominal_tertulis' : 'kasus_tertulis']!;
    if (plain === '') {
      addSum(total, sum(0n, 0n, 1));
      continue;
    }
    const p = text === '' ? null : readPrinted(text, money);
    if (p !== null && isPrintedError(p)) throw new Error(`${id}: ${text} ${p.error}`);
    const [int = '', frac = ''] = plain.split('.');
    const value = money ? BigInt(int) * 100n + BigInt(frac.padEnd(2, '0') || '0') : BigInt(plain);
    addSum(total, sum(value, p?.unit ?? 0n, 0, p?.qualifier === 'lebih' ? 1 : 0));
  }
  const meta = parseYaml(readFileSync(`data/klaim/${id}.meta.yaml`, 'utf8')) as { reported: Record<string, string | null> };
  const value = meta.reported[measure]!;
  const printed = meta.reported[`${measure}_printed`] ?? null;
  const p = printed === null ? null : readPrinted(printed, money);
  if (p !== null && isPrintedError(p)) throw new Error(`${id}: ${printed} ${p.error}`);
  return { computed: total, stated: stated(money ? sen(BigInt(value)) : BigInt(value), p?.unit ?? 0n, p?.qualifier ?? null) };
}

describe('compareStated', () => {
  it('sama: equal to the last digit', () => {
    expect(compareStated(stated(100n), sum(100n))).toEqual({ difference: 0n, tolerance2: 0n, status: 'sama' });
    // A stated rounded figure that happens to equal an exact sum is still equal.
    expect(compareStated(stated(sen(122_000_000_000n), sen(1_000_000_000n)), sum(sen(122_000_000_000n))).status).toBe('sama');
  });

  it('dalam-pembulatan: a difference within the summed half-units, on both sides', () => {
    // Units 1.000 + 500 → tolerance ±750.
    expect(compareStated(stated(10_750n, 1_000n), sum(10_000n, 500n))).toEqual({ difference: 750n, tolerance2: 1_500n, status: 'dalam-pembulatan' });
    expect(compareStated(stated(9_250n, 1_000n), sum(10_000n, 500n)).status).toBe('dalam-pembulatan');
    expect(compareStated(stated(10_751n, 1_000n), sum(10_000n, 500n)).status).toBe('berbeda');
    expect(compareStated(stated(9_249n, 1_000n), sum(10_000n, 500n)).status).toBe('berbeda');
  });

  it('berbeda: exact figures that differ by any amount, even Rp0,01', () => {
    expect(compareStated(stated(100n), sum(101n))).toEqual({ difference: -1n, tolerance2: 0n, status: 'berbeda' });
  });

  it('tidak-lengkap: the stated total is larger and some parts are not reported', () => {
    expect(compareStated(stated(5_000n), sum(1_000n, 0n, 1)).status).toBe('tidak-lengkap');
    // A stated total smaller than the known parts is a real difference even with parts missing.
    expect(compareStated(stated(500n), sum(1_000n, 0n, 1)).status).toBe('berbeda');
  });

  it('a stated lower bound ("lebih"): consistent when the sum reaches it', () => {
    const lebih = (v: bigint) => stated(v, 1_000n, 'lebih');
    expect(compareStated(lebih(212_000n), sum(215_000n)).status).toBe('dalam-pembulatan');
    // "More than X" is not "exactly X": equal figures are only consistent, not the same.
    expect(compareStated(lebih(212_000n), sum(212_000n)).status).toBe('dalam-pembulatan');
    // Short of the bound by less than the sum's own rounding: still consistent.
    expect(compareStated(lebih(212_000n), sum(211_800n, 500n)).status).toBe('dalam-pembulatan');
    expect(compareStated(lebih(300_000n), sum(215_000n)).status).toBe('berbeda');
    expect(compareStated(lebih(300_000n), sum(215_000n, 0n, 1)).status).toBe('tidak-lengkap');
  });

  it('parts printed as lower bounds: any stated total above the computed range is consistent', () => {
    expect(compareStated(stated(900_000n), sum(500_000n, 0n, 0, 1)).status).toBe('dalam-pembulatan');
    expect(compareStated(stated(400_000n), sum(500_000n, 0n, 0, 1)).status).toBe('berbeda');
  });
});

describe('the real datasets', () => {
  it('Pasuruan 2018: Rp 122 miliar against four figures printed rounded is within rounding', () => {
    const { computed, stated: s } = realDataset('pasuruan-2018', 'nominal');
    expect(computed.value).toBe(sen(122_025_774_000n));
    expect(computed.units).toBe(sen(102_001_000n));
    expect(s).toEqual(stated(sen(122_000_000_000n), sen(1_000_000_000n)));
    expect(compareStated(s, computed)).toEqual({ difference: sen(-25_774_000n), tolerance2: sen(1_102_001_000n), status: 'dalam-pembulatan' });
  });

  it('Pasuruan Jan–Feb 2017: exact figures, the stated total is Rp110.400.000 more: berbeda', () => {
    const { computed, stated: s } = realDataset('pasuruan-2017-01-02', 'nominal');
    expect(compareStated(s, computed)).toEqual({ difference: sen(110_400_000n), tolerance2: 0n, status: 'berbeda' });
  });

  it('Sidoarjo 2023: berbeda by Rp1 and by -43 cases', () => {
    const n = realDataset('sidoarjo-2023', 'nominal');
    expect(compareStated(n.stated, n.computed)).toEqual({ difference: sen(1n), tolerance2: 0n, status: 'berbeda' });
    const k = realDataset('sidoarjo-2023', 'kasus');
    expect(compareStated(k.stated, k.computed)).toEqual({ difference: -43n, tolerance2: 0n, status: 'berbeda' });
  });
});

describe('addSum and emptySum', () => {
  it('add every part', () => {
    const a = emptySum();
    expect(addSum(a, sum(5n, 1n, 1, 0))).toBe(a);
    addSum(a, sum(7n, 2n, 0, 1));
    expect(a).toEqual({ value: 12n, units: 3n, missing: 1, atLeast: 1 });
    expect(emptySum()).toEqual({ value: 0n, units: 0n, missing: 0, atLeast: 0 });
  });
});

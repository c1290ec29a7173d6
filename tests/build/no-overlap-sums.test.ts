/**
 * Datasets from different sources that overlap are never added together: for every pair of
 * overlapping datasets in the built site, no page and no download carries the sum of their
 * totals (overall or for a programme they share), in any of the ways the site writes a figure.
 * Reads dist/ (DIST_DIR for another build).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from '../e2e/site.ts';

interface FigureJson { value: string | null }
interface DatasetJson {
  id: string;
  total: { nominal_rp: FigureJson };
  by_program: { program: string; nominal_rp: FigureJson }[];
  overlaps_with: { dataset: string; program: string }[];
}

function sen(v: string): bigint {
  const [int = '0', frac = ''] = v.split('.');
  return BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
}

/**
 * Ways a rupiah figure may be written: raw and exact Indonesian (`exact`), and the short form
 * to two decimals (`short`, which other figures can share by chance: it counts only on a page
 * that names both datasets).
 */
function writings(s: bigint): { exact: string[]; short: string[] } {
  const int = (s / 100n).toString();
  const frac = s % 100n;
  const raw = frac === 0n ? int : `${int}.${frac.toString().padStart(2, '0').replace(/0$/, '')}`;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const exact = [`value="${raw}"`, `"${raw}"`, `Rp${grouped}${frac === 0n ? '' : `,${frac.toString().padStart(2, '0')}`}`];
  const short: string[] = [];
  for (const [exp, word] of [[12, 'triliun'], [9, 'miliar'], [6, 'juta']] as const) {
    const unit = 10n ** BigInt(exp + 2);
    if (s >= unit) {
      const hundredths = (s * 100n + unit / 2n) / unit;
      short.push(`Rp${(hundredths / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${(hundredths % 100n).toString().padStart(2, '0')} ${word}`);
      break;
    }
  }
  return { exact, short };
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.(html|json|csv|xml)$/.test(e.name) && !e.parentPath.includes(`${path.sep}pagefind`)) out.push(path.join(e.parentPath, e.name));
  }
  return out;
}

const json = existsSync(path.join(DIST, 'data/klaim.json'))
  ? (JSON.parse(readFileSync(path.join(DIST, 'data/klaim.json'), 'utf8')) as { datasets: DatasetJson[] })
  : { datasets: [] };

describe('overlapping datasets are never added together', () => {
  const byId = new Map(json.datasets.map((d) => [d.id, d]));
  const pairs = new Map<string, { a: DatasetJson; b: DatasetJson; programs: Set<string> }>();
  for (const a of json.datasets) {
    for (const o of a.overlaps_with) {
      const b = byId.get(o.dataset);
      if (!b) continue;
      const key = [a.id, b.id].sort().join('+');
      const p = pairs.get(key) ?? { a, b, programs: new Set<string>() };
      p.programs.add(o.program);
      pairs.set(key, p);
    }
  }

  it('finds overlapping datasets in the real data', () => {
    if (!process.env['DIST_DIR']) expect(pairs.size).toBeGreaterThan(0);
  });

  it('no page or download carries the sum of two overlapping datasets', () => {
    const sums = new Map<string, { what: string; ids: [string, string] | null }>();
    for (const { a, b, programs } of pairs.values()) {
      const add = (x: FigureJson | undefined, y: FigureJson | undefined, what: string) => {
        if (!x?.value || !y?.value) return;
        const w = writings(sen(x.value) + sen(y.value));
        for (const e of w.exact) sums.set(e, { what: `${a.id} + ${b.id} (${what})`, ids: null });
        for (const e of w.short) sums.set(e, { what: `${a.id} + ${b.id} (${what})`, ids: [a.id, b.id] });
      };
      add(a.total.nominal_rp, b.total.nominal_rp, 'total');
      for (const p of programs) add(a.by_program.find((x) => x.program === p)?.nominal_rp, b.by_program.find((x) => x.program === p)?.nominal_rp, p);
    }
    expect(sums.size > 0 || pairs.size === 0).toBe(true);
    const found: string[] = [];
    for (const file of files(DIST)) {
      const text = readFileSync(file, 'utf8');
      for (const [w, { what, ids }] of sums) {
        if (!text.includes(w)) continue;
        if (ids !== null && !(text.includes(`/${ids[0]}/`) && text.includes(`/${ids[1]}/`))) continue;
        found.push(`${path.relative(DIST, file)}: ${w} = ${what}`);
      }
    }
    expect(found).toEqual([]);
  });
});

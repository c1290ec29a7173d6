/**
 * Aggregates across datasets for the overview pages: totals per year and programme,
 * per branch, per branch and year. Computed once per build (memoised per ClaimsData) and
 * exact: amounts are summed as BigInt sen.
 */
import { PROGRAMS, type ClaimsData, type Program } from './claims/load.ts';
import { decimalToSen, senToDecimal } from './claims/money.ts';

export interface ProgramAmount {
  program: Program;
  nominal: string;
}

export interface YearTotal {
  /** Calendar year of the rows' periode_awal. */
  tahun: number;
  total: string;
  byProgram: ProgramAmount[];
}

export interface BranchTotal {
  branch: string;
  total: string;
  byProgram: ProgramAmount[];
  years: YearTotal[];
  /** Ids of the datasets that have rows for this branch, newest first. */
  datasetIds: string[];
  periodeAwal: string;
  periodeAkhir: string;
}

export interface Overview {
  years: YearTotal[];
  /** Largest total first; ties by name. */
  branches: BranchTotal[];
}

function programAmounts(sums: Map<Program, bigint>): ProgramAmount[] {
  return PROGRAMS.filter((p) => sums.has(p)).map((p) => ({ program: p, nominal: senToDecimal(sums.get(p) ?? 0n) }));
}

function yearTotals(map: Map<number, Map<Program, bigint>>): YearTotal[] {
  return [...map.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([tahun, progs]) => ({
      tahun,
      total: senToDecimal([...progs.values()].reduce((a, b) => a + b, 0n)),
      byProgram: programAmounts(progs),
    }));
}

function bump<K>(map: Map<K, Map<Program, bigint>>, key: K, program: Program, sen: bigint): void {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map();
    map.set(key, inner);
  }
  inner.set(program, (inner.get(program) ?? 0n) + sen);
}

const cache = new WeakMap<ClaimsData, Overview>();

/** Build (once per ClaimsData) the cross-dataset aggregates. */
export function overview(claims: ClaimsData): Overview {
  const hit = cache.get(claims);
  if (hit) return hit;
  const years = new Map<number, Map<Program, bigint>>();
  const branchYears = new Map<string, Map<number, Map<Program, bigint>>>();
  const branchInfo = new Map<string, { ids: string[]; awal: string; akhir: string }>();
  for (const d of claims.datasets) {
    for (const row of d.rows) {
      const sen = decimalToSen(row.nominalRp);
      const tahun = Number(row.periodeAwal.slice(0, 4));
      bump(years, tahun, row.program, sen);
      let by = branchYears.get(row.kantorCabang);
      if (!by) {
        by = new Map();
        branchYears.set(row.kantorCabang, by);
      }
      bump(by, tahun, row.program, sen);
      const info = branchInfo.get(row.kantorCabang) ?? { ids: [], awal: row.periodeAwal, akhir: row.periodeAkhir };
      if (info.ids[info.ids.length - 1] !== d.id) info.ids.push(d.id);
      if (row.periodeAwal < info.awal) info.awal = row.periodeAwal;
      if (row.periodeAkhir > info.akhir) info.akhir = row.periodeAkhir;
      branchInfo.set(row.kantorCabang, info);
    }
  }
  const branches: BranchTotal[] = [...branchYears.entries()].map(([branch, by]) => {
    const progs = new Map<Program, bigint>();
    for (const inner of by.values()) for (const [p, sen] of inner) progs.set(p, (progs.get(p) ?? 0n) + sen);
    const info = branchInfo.get(branch)!;
    return {
      branch,
      total: senToDecimal([...progs.values()].reduce((a, b) => a + b, 0n)),
      byProgram: programAmounts(progs),
      years: yearTotals(by),
      datasetIds: info.ids,
      periodeAwal: info.awal,
      periodeAkhir: info.akhir,
    };
  });
  branches.sort((a, b) => {
    const x = decimalToSen(a.total);
    const y = decimalToSen(b.total);
    return x > y ? -1 : x < y ? 1 : a.branch.localeCompare(b.branch, 'id');
  });
  const result = { years: yearTotals(years), branches };
  cache.set(claims, result);
  return result;
}

/** URL slug of a branch name: lower case ASCII letters and digits joined by dashes. */
export function branchSlug(branch: string): string {
  const slug = branch
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'cabang' : slug;
}

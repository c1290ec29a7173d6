/**
 * Aggregates across and within datasets for the overview, branch, year and dataset pages.
 * Every row is read once per build (memoised per ClaimsData) and amounts are summed exactly
 * as BigInt sen; pages only pick from the result.
 */
import { PROGRAMS, type ClaimsData, type Program } from './claims/load.ts';
import { decimalToSen, senToDecimal } from './claims/money.ts';

export interface ProgramAmount {
  program: Program;
  nominal: string;
}

/** A total with its split by programme. */
export interface Breakdown {
  total: string;
  byProgram: ProgramAmount[];
}

export interface PeriodTotal extends Breakdown {
  periodeAwal: string;
  periodeAkhir: string;
}

export interface BranchRank {
  branch: string;
  total: string;
}

export interface YearTotal extends Breakdown {
  /** Calendar year of the rows' periode_awal. */
  tahun: number;
  /** Distinct row periods within the year, oldest first (months for monthly data). */
  periods: PeriodTotal[];
  /** Branches by total in this year, largest first. */
  branches: BranchRank[];
  datasetIds: string[];
}

export interface BranchTotal extends Breakdown {
  branch: string;
  slug: string;
  years: (Breakdown & { tahun: number })[];
  /** Ids of the datasets that have rows for this branch, in the datasets' order (newest first). */
  datasetIds: string[];
  periodeAwal: string;
  periodeAkhir: string;
}

export interface DatasetDetail {
  /** Branches in the dataset by total, largest first. */
  branches: BranchRank[];
  /** Row periods, oldest first. */
  periods: PeriodTotal[];
}

export interface Overview {
  years: YearTotal[];
  /** Largest total first; ties by name. */
  branches: BranchTotal[];
  datasets: Map<string, DatasetDetail>;
}

/** Sums per key and programme. */
class Tally<K> {
  readonly map = new Map<K, Map<Program, bigint>>();
  add(key: K, program: Program, sen: bigint): void {
    let inner = this.map.get(key);
    if (!inner) {
      inner = new Map();
      this.map.set(key, inner);
    }
    inner.set(program, (inner.get(program) ?? 0n) + sen);
  }
  breakdown(key: K): Breakdown {
    const inner = this.map.get(key) ?? new Map<Program, bigint>();
    let total = 0n;
    for (const sen of inner.values()) total += sen;
    return {
      total: senToDecimal(total),
      byProgram: PROGRAMS.filter((p) => inner.has(p)).map((p) => ({ program: p, nominal: senToDecimal(inner.get(p) ?? 0n) })),
    };
  }
  totalSen(key: K): bigint {
    let total = 0n;
    for (const sen of this.map.get(key)?.values() ?? []) total += sen;
    return total;
  }
}

function byAmountDesc(a: BranchRank & { sen: bigint }, b: BranchRank & { sen: bigint }): number {
  return a.sen > b.sen ? -1 : a.sen < b.sen ? 1 : a.branch.localeCompare(b.branch, 'id');
}

function rank(tally: Tally<string>, prefix: string): BranchRank[] {
  const out: (BranchRank & { sen: bigint })[] = [];
  for (const key of tally.map.keys()) {
    if (!key.startsWith(prefix)) continue;
    const sen = tally.totalSen(key);
    out.push({ branch: key.slice(prefix.length), total: senToDecimal(sen), sen });
  }
  return out.sort(byAmountDesc).map(({ branch, total }) => ({ branch, total }));
}

function periods(tally: Tally<string>, prefix: string): PeriodTotal[] {
  return [...tally.map.keys()]
    .filter((k) => k.startsWith(prefix))
    .sort()
    .map((k) => {
      const [awal = '', akhir = ''] = k.slice(prefix.length).split('/');
      return { periodeAwal: awal, periodeAkhir: akhir, ...tally.breakdown(k) };
    });
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

const cache = new WeakMap<ClaimsData, Overview>();

/**
 * Build (once per ClaimsData) the aggregates.
 * @throws when two branch names give the same URL slug (their pages would collide)
 */
export function overview(claims: ClaimsData): Overview {
  const hit = cache.get(claims);
  if (hit) return hit;
  const SEP = '\u0000';
  const year = new Tally<number>();
  const yearPeriod = new Tally<string>(); // `${tahun}${SEP}${awal}/${akhir}`
  const yearBranch = new Tally<string>(); // `${tahun}${SEP}${branch}`
  const branchTally = new Tally<string>();
  const branchYear = new Tally<string>(); // `${branch}${SEP}${tahun}`
  const dsBranch = new Tally<string>(); // `${id}${SEP}${branch}`
  const dsPeriod = new Tally<string>(); // `${id}${SEP}${awal}/${akhir}`
  const yearDatasets = new Map<number, string[]>();
  const branchInfo = new Map<string, { ids: string[]; awal: string; akhir: string; years: Set<number> }>();

  for (const d of claims.datasets) {
    for (const row of d.rows) {
      const sen = decimalToSen(row.nominalRp);
      const tahun = Number(row.periodeAwal.slice(0, 4));
      const period = `${row.periodeAwal}/${row.periodeAkhir}`;
      const b = row.kantorCabang;
      year.add(tahun, row.program, sen);
      yearPeriod.add(`${tahun}${SEP}${period}`, row.program, sen);
      yearBranch.add(`${tahun}${SEP}${b}`, row.program, sen);
      branchTally.add(b, row.program, sen);
      branchYear.add(`${b}${SEP}${tahun}`, row.program, sen);
      dsBranch.add(`${d.id}${SEP}${b}`, row.program, sen);
      dsPeriod.add(`${d.id}${SEP}${period}`, row.program, sen);
      const ids = yearDatasets.get(tahun) ?? [];
      if (ids[ids.length - 1] !== d.id) ids.push(d.id);
      yearDatasets.set(tahun, ids);
      const info = branchInfo.get(b) ?? { ids: [], awal: row.periodeAwal, akhir: row.periodeAkhir, years: new Set<number>() };
      if (info.ids[info.ids.length - 1] !== d.id) info.ids.push(d.id);
      if (row.periodeAwal < info.awal) info.awal = row.periodeAwal;
      if (row.periodeAkhir > info.akhir) info.akhir = row.periodeAkhir;
      info.years.add(tahun);
      branchInfo.set(b, info);
    }
  }

  const years: YearTotal[] = [...year.map.keys()].sort((a, b) => a - b).map((tahun) => ({
    tahun,
    ...year.breakdown(tahun),
    periods: periods(yearPeriod, `${tahun}${SEP}`),
    branches: rank(yearBranch, `${tahun}${SEP}`),
    datasetIds: [...new Set(yearDatasets.get(tahun))],
  }));

  const slugs = new Map<string, string>();
  const branches: (BranchTotal & { sen: bigint })[] = [...branchTally.map.keys()].map((branch) => {
    const slug = branchSlug(branch);
    const other = slugs.get(slug);
    if (other !== undefined) {
      throw new Error(`branches "${other}" and "${branch}" give the same page address /transparansi/cabang/${slug}/; rename one of them in the data`);
    }
    slugs.set(slug, branch);
    const info = branchInfo.get(branch)!;
    return {
      branch,
      slug,
      ...branchTally.breakdown(branch),
      sen: branchTally.totalSen(branch),
      years: [...info.years].sort((a, b) => a - b).map((tahun) => ({ tahun, ...branchYear.breakdown(`${branch}${SEP}${tahun}`) })),
      datasetIds: info.ids,
      periodeAwal: info.awal,
      periodeAkhir: info.akhir,
    };
  });
  branches.sort(byAmountDesc);

  const datasets = new Map<string, DatasetDetail>();
  for (const d of claims.datasets) {
    datasets.set(d.id, { branches: rank(dsBranch, `${d.id}${SEP}`), periods: periods(dsPeriod, `${d.id}${SEP}`) });
  }

  const result: Overview = { years, branches: branches.map(({ sen: _sen, ...b }) => b), datasets };
  cache.set(claims, result);
  return result;
}

/**
 * How the datasets are arranged for the overview and the office pages: by level (national,
 * regional office, branch office) and period, and per office as a timeline. Nothing here adds
 * figures across datasets: datasets come from different sources and may overlap.
 * Computed once per build (memoised per ClaimsData); pages only pick from the result.
 */
import { LEVELS, type ClaimsData, type Dataset, type Level, type Office, type OfficeFigures } from './claims/load.ts';

/** One dataset's figures for one office. */
export interface TimelineEntry {
  dataset: Dataset;
  figures: OfficeFigures;
  /** True when the dataset reports on this office alone (its stated total is then this office's). */
  alone: boolean;
  /** True for a whole calendar year with a stated start: comparable across years. */
  fullYear: boolean;
  /** The year, for full-year entries. */
  tahun: number | null;
}

/** An office with its place in the hierarchy and all its datasets. */
export interface OfficeView {
  office: Office;
  parent: Office | null;
  /** Offices one level below (regional offices of the country, branches of a regional office). */
  children: Office[];
  /** Newest period first. */
  timeline: TimelineEntry[];
}

export interface Overview {
  /** Datasets by level, national first; each list newest period first. */
  byLevel: { level: Level; datasets: Dataset[] }[];
  /** Every office of the registry, in registry order. */
  offices: OfficeView[];
  byOfficeId: Map<string, OfficeView>;
}

function isFullYear(d: Dataset): number | null {
  const { start, end, startStated } = d.meta.period;
  if (!startStated) return null;
  const y = start.slice(0, 4);
  return start === `${y}-01-01` && end === `${y}-12-31` && d.periodeAwal === start && d.periodeAkhir === end ? Number(y) : null;
}

const cache = new WeakMap<ClaimsData, Overview>();

/** The arrangement of all datasets (memoised). */
export function overview(claims: ClaimsData): Overview {
  const hit = cache.get(claims);
  if (hit) return hit;
  const byLevel = [...LEVELS].reverse().map((level) => ({ level, datasets: claims.datasets.filter((d) => d.meta.level === level) }));
  const offices: OfficeView[] = claims.registry.offices.map((office) => {
    const timeline: TimelineEntry[] = [];
    for (const d of claims.datasets) {
      const figures = d.byOffice.find((f) => f.office.id === office.id);
      if (figures === undefined) continue;
      const tahun = isFullYear(d);
      timeline.push({ dataset: d, figures, alone: d.offices.length === 1, fullYear: tahun !== null, tahun });
    }
    return {
      office,
      parent: office.parent === null ? null : (claims.registry.byId.get(office.parent) ?? null),
      children: claims.registry.offices.filter((o) => o.parent === office.id),
      timeline,
    };
  });
  const result: Overview = { byLevel, offices, byOfficeId: new Map(offices.map((o) => [o.office.id, o])) };
  cache.set(claims, result);
  return result;
}

/**
 * The one place that maps a loaded claims dataset to the plain inputs of the cite-and-share
 * modules (citation formats, chart images, social image). When the claims pipeline changes
 * shape, only this file follows it.
 */
import type { Dataset } from './claims/load.ts';
import type { CitationFormatInput } from './citation-formats.ts';
import { specFromChartData, type ChartImageSpec } from './chart-image.ts';
import { formatPeriode, formatTanggal, labelPeriode } from './dates.ts';
import type { DatasetDetail } from './overview.ts';
import { formatRupiah } from './claims/format.ts';
import { PENERBIT } from './site.ts';
import { headlineFigures, type SocialImageSpec } from './social-image.ts';
import { STRINGS } from './strings.ts';
import { adaSelisih, programChart, programRows, trendChart, type ChartData } from './transparency.ts';

/** Citation input of a dataset; `pageUrl` is the absolute URL of its page. */
export function datasetCitation(d: Dataset, pageUrl: string): CitationFormatInput {
  return {
    id: d.id,
    title: d.meta.title,
    publisher: PENERBIT,
    originalSource: {
      publisher: d.meta.source.publisher,
      headline: d.meta.source.headline,
      url: d.meta.source.url,
      published: d.meta.source.published,
    },
    pageUrl,
    version: d.sha256,
    // The data version's date: when a person last compared these figures with the source.
    versionDate: d.meta.lastReviewed,
  };
}

/** A chart of a dataset page: its image id (file stem under /gambar/) and its data. */
export interface DatasetChart {
  id: string;
  data: ChartData;
  title: string;
}

/** Whose figures, as the dataset page words it: `Pasuruan` or `3 kantor cabang`. */
function cabangOf(d: Dataset): string {
  return d.branches.length === 1 ? (d.branches[0] ?? '') : `${d.branches.length} kantor cabang`;
}

/**
 * The charts of a dataset page, in page order: per programme always, per period when the
 * dataset has more than one period. The page and the image endpoint both use this, so the
 * image shows exactly the chart on the page.
 */
export function datasetCharts(d: Dataset, detail: DatasetDetail): DatasetChart[] {
  const periode = formatPeriode(d.periodeAwal, d.periodeAkhir);
  const rows = programRows(d.byProgram, d.total);
  const programTitle = `Nominal klaim per program, ${cabangOf(d)}, ${periode}`;
  const charts: DatasetChart[] = [{ id: `${d.id}-program`, title: programTitle, data: programChart(rows, programTitle) }];
  if (detail.periods.length > 1) {
    const title = `Nominal klaim per periode dan program, ${periode}`;
    const figures = detail.periods.flatMap((p) => p.byProgram.map((x) => ({ label: labelPeriode(p.periodeAwal, p.periodeAkhir), program: x.program, nominal: x.nominal })));
    charts.push({ id: `${d.id}-periode`, title, data: trendChart(figures, title) });
  }
  return charts;
}

/** The source as one line, for images: publisher, headline, date (or that it is unknown). */
export function sourceLine(d: Dataset): string {
  const s = d.meta.source;
  return `Sumber: ${s.publisher}, "${s.headline}", ${s.published ? formatTanggal(s.published) : 'tanggal terbit tidak diketahui'}. Data dihimpun oleh ${PENERBIT}.`;
}

/** The image spec of one chart of a dataset page. */
export function datasetChartSpec(d: Dataset, chart: DatasetChart, pageUrl: string): ChartImageSpec {
  return specFromChartData(chart.data, {
    id: chart.id,
    title: chart.title,
    unit: 'rupiah',
    period: formatPeriode(d.periodeAwal, d.periodeAkhir),
    sourceLine: sourceLine(d),
    pageUrl,
    version: d.sha256,
    siteName: PENERBIT,
  });
}

/** The social card of a dataset page: key figures (stated and computed total when they differ), source, site name. */
export function datasetSocialSpec(d: Dataset): SocialImageSpec {
  const rows = programRows(d.byProgram, d.total);
  const rec = d.reconciliation;
  return {
    id: d.id,
    siteName: PENERBIT,
    title: `Klaim BPJS Ketenagakerjaan ${d.branches.length === 1 ? `Kantor Cabang ${d.branches[0] ?? ''}` : `${d.branches.length} kantor cabang`}`,
    subtitle: formatPeriode(d.periodeAwal, d.periodeAkhir),
    headline: headlineFigures({ stated: rec.reported === null ? null : formatRupiah(rec.reported), computed: formatRupiah(d.total), differ: adaSelisih(rec) }),
    figures: rows.map((r) => ({ label: r.program, value: r.exact })),
    sourceLine: sourceLine(d),
  };
}

/** The social card of every page without its own. */
export function siteSocialSpec(): SocialImageSpec {
  return {
    id: 'situs',
    siteName: PENERBIT,
    title: STRINGS['site.namaLengkap'],
    subtitle: STRINGS['site.deskripsi'],
    headline: [],
    figures: [],
    sourceLine: '',
  };
}

/**
 * The one place that maps loaded claims (datasets, office timelines) to the plain inputs of the
 * cite-and-share modules (citation formats, chart images, social images, per-figure citations).
 * When the claims pipeline changes shape, only this file follows it.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from './claims/load.ts';
import type { CitationFormatInput } from './citation-formats.ts';
import { specFromChartData, type ChartImageSpec } from './chart-image.ts';
import { formatTanggal } from './dates.ts';
import type { KutipAngka } from './figure-ref.ts';
import type { OfficeView } from './overview.ts';
import { PENERBIT } from './site.ts';
import { headlineFigures, type SocialImageSpec } from './social-image.ts';
import { STRINGS } from './strings.ts';
import { pernyataanTotal, programChart, programRows, teksAngka, teksPeriode, trendChart, type ChartData } from './transparency.ts';

/** Citation input of a dataset; `pageUrl` is the absolute URL of its page. */
export function datasetCitation(d: Dataset, pageUrl: string, versionDate: string): CitationFormatInput {
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
    // The data version's date: when this version of the data was committed.
    versionDate,
  };
}

/** A chart of a page: its image id (file stem under /gambar/) and its data. */
export interface PageChart {
  id: string;
  data: ChartData;
  title: string;
  /** The period the chart covers, in words. */
  period: string;
}

/** Whose figures, as pages word it: `BPJS Ketenagakerjaan Kantor Cabang Pasuruan` or `12 kantor`. */
export function subjectOf(d: Dataset): string {
  return d.offices.length === 1 ? d.offices[0]!.fullName : `${d.offices.length} kantor`;
}

/** The period of a dataset in words, without the note on an unstated start. */
export function periodOf(d: Dataset): string {
  return teksPeriode(d).split(' (')[0]!;
}

/** The chart of a dataset page (per programme). Page and image endpoint both use this. */
export function datasetChart(d: Dataset): PageChart {
  const title = `Nominal klaim per program, ${subjectOf(d)}, ${periodOf(d)}`;
  return { id: `${d.id}-program`, title, period: periodOf(d), data: programChart(programRows(d.byProgram), title) };
}

/** The chart of an office page: whole calendar years (comparable), stacked by programme; null with fewer than two years. */
export function officeChart(view: OfficeView): PageChart | null {
  const fullYears = view.timeline.filter((e) => e.fullYear && e.figures.byProgram.every((p) => p.nominal.value !== null)).slice().reverse();
  if (fullYears.length < 2) return null;
  const sameYear = (t: number | null) => fullYears.filter((e) => e.tahun === t).length > 1;
  const title = `Nominal klaim per tahun dan program, ${view.office.fullName}`;
  const data = trendChart(
    fullYears.flatMap((e) => e.figures.byProgram.map((p) => ({
      label: `${e.tahun}${sameYear(e.tahun) ? ` (${e.dataset.meta.source.publisher})` : ''}`,
      program: p.program,
      nominal: p.nominal.value!,
      teks: `${teksAngka(p.nominal, true).teks}${teksAngka(p.nominal, true).dibulatkan ? ' (dibulatkan)' : ''}`,
    }))),
    title,
  );
  return { id: `kantor-${view.office.id}-tahunan`, title, period: `${fullYears[0]!.tahun}–${fullYears[fullYears.length - 1]!.tahun}`, data };
}

/** The source as one line, for images: publisher, headline, date (or that it is unknown). */
export function sourceLine(d: Dataset): string {
  const s = d.meta.source;
  return `Sumber: ${s.publisher}, "${s.headline}", ${s.published ? formatTanggal(s.published) : 'tanggal terbit tidak diketahui'}. Data dihimpun oleh ${PENERBIT}.`;
}

/** The sources of an office page's chart, as one line. */
export function officeSourceLine(view: OfficeView): string {
  const publishers = [...new Set(view.timeline.filter((e) => e.fullYear).map((e) => e.dataset.meta.source.publisher))];
  return `Sumber: ${publishers.join('; ')} (rincian di halaman). Data dihimpun oleh ${PENERBIT}.`;
}

/** The image spec of a chart. `version` is the data version (sha256) the chart shows. */
export function chartSpec(chart: PageChart, sourceText: string, pageUrl: string, version: string): ChartImageSpec {
  return specFromChartData(chart.data, {
    id: chart.id,
    title: chart.title,
    unit: 'rupiah',
    period: chart.period,
    sourceLine: sourceText,
    pageUrl,
    version,
    siteName: PENERBIT,
  });
}

/**
 * The data version of a page that draws several datasets: the sha256 of their versions (one per
 * line, in page order), so it changes exactly when one of them does. One dataset: its own.
 */
export function combinedVersion(datasets: readonly Dataset[]): string {
  if (datasets.length === 1) return datasets[0]!.sha256;
  return createHash('sha256').update(datasets.map((d) => d.sha256).join('\n')).digest('hex');
}

/** What the per-figure citations of a dataset's tables need. */
export function datasetKutip(d: Dataset, pageUrl: string, subjek: string = subjectOf(d)): KutipAngka {
  return { datasetId: d.id, subjek, periode: periodOf(d), sumber: d.meta.source.publisher, pageUrl, version: d.sha256 };
}

/** The social card of a dataset page: the stated and computed totals where they differ, source, site name. */
export function datasetSocialSpec(d: Dataset): SocialImageSpec {
  const rows = programRows(d.byProgram);
  const total = pernyataanTotal(d);
  const stated = total.disebut === null ? null : `${total.disebut.teks}${total.disebut.dibulatkan ? ' (dibulatkan)' : ''}`;
  return {
    id: d.id,
    siteName: PENERBIT,
    title: `Klaim BPJS Ketenagakerjaan: ${subjectOf(d)}`,
    subtitle: periodOf(d),
    headline: headlineFigures({ stated, computed: total.dihitung.teks, differ: total.status === 'berbeda' || total.status === 'tidak-lengkap' || total.status === 'dalam-pembulatan' }),
    figures: rows.map((r) => ({ label: r.program, value: `${r.nominal.teks}${r.nominal.dibulatkan ? '*' : ''}` })),
    sourceLine: `${sourceLine(d)}${rows.some((r) => r.nominal.dibulatkan) ? ' * dibulatkan oleh sumber.' : ''}`,
  };
}

/** The social card of an office page: its number of datasets and latest figures, with sources. */
export function officeSocialSpec(view: OfficeView): SocialImageSpec {
  const latest = view.timeline[0];
  return {
    id: `kantor-${view.office.id}`,
    siteName: PENERBIT,
    title: `Klaim BPJS Ketenagakerjaan: ${view.office.fullName}`,
    subtitle: `${view.timeline.length} kumpulan data${view.office.coverage ? `; meliputi ${view.office.coverage}` : ''}`,
    headline: latest && latest.alone
      ? headlineFigures({ stated: pernyataanTotal(latest.dataset).disebut?.teks ?? null, computed: pernyataanTotal(latest.dataset).dihitung.teks, differ: pernyataanTotal(latest.dataset).status !== 'sama' })
      : [],
    figures: latest ? latest.figures.byProgram.map((p) => ({ label: `${p.program} ${periodOf(latest.dataset)}`, value: teksAngka(p.nominal, true).teks })) : [],
    sourceLine: latest ? sourceLine(latest.dataset) : `Data dihimpun oleh ${PENERBIT}.`,
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

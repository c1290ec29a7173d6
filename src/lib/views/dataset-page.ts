/**
 * What the page of one dataset (/transparansi/<id>/) shows, computed from the loaded claims:
 * the page only renders this (like Starlight's route data).
 */
import { versionDate } from '../build-info.ts';
import { PROGRAM_NAMES, type Conflict, type Dataset, type DatasetOverlap, type Office } from '../claims/load.ts';
import { CITATION_FORMATS } from '../citation-formats.ts';
import { datasetChart, datasetKutip, type PageChart } from '../cite-dataset.ts';
import type { KutipAngka } from '../figure-ref.ts';
import { routes } from '../routes.ts';
import { PENERBIT } from '../site.ts';
import {
  datasetJsonLd, kutipan, pernyataanKasus, pernyataanTotal, programRows, teksPeriode, type ProgramRow, type TotalStatement,
} from '../transparency.ts';
import type { PageUrls } from './page-urls.ts';

export interface DatasetPage {
  dataset: Dataset;
  judul: string;
  ringkasan: string;
  socialImage: { path: string; alt: string };
  jsonLd: Record<string, unknown>;
  /** The period in words, e.g. `Januari – Februari 2017 (awal periode tidak disebut sumber)`, and without the remark. */
  periode: string;
  periodeSingkat: string;
  /** The one office of the dataset, or null when it covers several. */
  satuKantor: Office | null;
  /** The office's full name, or `N kantor`. */
  kantor: string;
  rows: ProgramRow[];
  total: TotalStatement;
  kasus: ReturnType<typeof pernyataanKasus>;
  /** True when the source gave no case count for any programme. */
  tanpaKasus: boolean;
  chart: PageChart;
  kutip: KutipAngka;
  teksKutipan: string;
  tanggalVersi: string;
  /** Titles of the other datasets, for conflicts and overlaps. */
  conflicts: (Conflict & { judulLain: string; href: string })[];
  overlaps: { judul: string; href: string; programs: string[] }[];
  /** "JKK = Jaminan Kecelakaan Kerja; …" for the programmes on the page. */
  programNames: string;
  links: {
    transparansi: string;
    metodologi: string;
    kantor: string | null;
    byOffice: string[];
    version: string;
    chartImage: string;
    downloads: { href: string; label: string; format: string }[];
    citations: { href: string; label: string }[];
  };
}

function overlapsOf(d: Dataset, titleOf: Map<string, string>, urls: PageUrls): DatasetPage['overlaps'] {
  return [...new Set(d.overlaps.map((o) => o.dataset))].map((id) => {
    const items: DatasetOverlap[] = d.overlaps.filter((o) => o.dataset === id);
    return { judul: titleOf.get(id) ?? id, href: urls.href(routes.dataset(id)), programs: [...new Set(items.map((x) => x.program))] };
  });
}

function citationText(d: Dataset, pageUrl: string, tanggalVersi: string, urls: PageUrls): string {
  return kutipan({
    penerbit: PENERBIT,
    judul: d.meta.title,
    sumber: d.meta.source,
    url: pageUrl,
    sha256: d.sha256,
    tanggalVersi,
    urlVersi: urls.absolute(routes.version(d.id, d.sha256)),
  });
}

function jsonLdOf(d: Dataset, total: TotalStatement, pageUrl: string, tanggalVersi: string, urls: PageUrls): Record<string, unknown> {
  return datasetJsonLd({
    name: d.meta.title,
    description: `${d.meta.description ?? d.meta.title} ${total.kalimat}`,
    url: pageUrl,
    creator: { name: PENERBIT, url: urls.absolute(routes.home) },
    sourceName: `${d.meta.source.publisher}: ${d.meta.source.headline}`,
    sourceUrl: d.meta.source.url,
    periodeAwal: d.periodeAwal,
    periodeAkhir: d.periodeAkhir,
    spatial: d.offices.map((o) => `${o.fullName}${o.coverage ? ` (${o.coverage})` : ''}`),
    license: d.meta.licence.url,
    version: `sha256:${d.sha256}`,
    dateModified: tanggalVersi,
    distribution: [
      { contentUrl: urls.absolute(routes.datasetCsv(d.id)), encodingFormat: 'text/csv' },
      { contentUrl: urls.absolute(routes.datasetJson(d.id)), encodingFormat: 'application/json' },
    ],
  });
}

/**
 * The page of dataset `d`.
 * @param all every dataset (titles of overlapping and conflicting ones)
 * @param tanggalVersi the date of the data version; default from git (src/lib/build-info.ts)
 */
export function datasetPage(d: Dataset, all: readonly Dataset[], urls: PageUrls, tanggalVersi = versionDate([d.csvPath, d.metaPath], d.meta.lastReviewed)): DatasetPage {
  const periode = teksPeriode(d);
  const periodeSingkat = periode.split(' (')[0]!;
  const satuKantor = d.offices.length === 1 ? d.offices[0]! : null;
  const kantor = satuKantor ? satuKantor.fullName : `${d.offices.length} kantor`;
  const rows = programRows(d.byProgram);
  const total = pernyataanTotal(d);
  const judul = d.meta.title;
  const pageUrl = urls.absolute(routes.dataset(d.id));
  const titleOf = new Map(all.map((x) => [x.id, x.meta.title]));
  return {
    dataset: d,
    judul,
    ringkasan: `${kantor}, ${periodeSingkat}. ${total.singkat}. Sumber: ${d.meta.source.publisher}.`,
    socialImage: { path: routes.datasetSocialImage(d.id), alt: `${judul}. ${total.singkat}. Sumber: ${d.meta.source.publisher}.` },
    jsonLd: jsonLdOf(d, total, pageUrl, tanggalVersi, urls),
    periode,
    periodeSingkat,
    satuKantor,
    kantor,
    rows,
    total,
    kasus: pernyataanKasus(d),
    tanpaKasus: rows.every((r) => r.kasus.nilai === null),
    chart: datasetChart(d),
    kutip: datasetKutip(d, pageUrl),
    teksKutipan: citationText(d, pageUrl, tanggalVersi, urls),
    tanggalVersi,
    conflicts: d.conflicts.map((c) => ({ ...c, judulLain: titleOf.get(c.dataset) ?? '', href: urls.href(routes.dataset(c.dataset)) })),
    overlaps: overlapsOf(d, titleOf, urls),
    programNames: rows.map((r) => `${r.program} = ${PROGRAM_NAMES[r.program]}`).join('; '),
    links: {
      transparansi: urls.href(routes.transparansi),
      metodologi: urls.href(routes.metodologi),
      kantor: satuKantor ? urls.href(routes.kantor(satuKantor.id)) : null,
      byOffice: d.byOffice.map((o) => urls.href(routes.kantor(o.office.id))),
      version: urls.href(routes.version(d.id, d.sha256)),
      chartImage: urls.href(routes.chartImage(datasetChart(d).id)),
      downloads: [
        { href: urls.href(routes.datasetCsv(d.id)), label: 'Unduh CSV', format: 'untuk spreadsheet' },
        { href: urls.href(routes.datasetJson(d.id)), label: 'Unduh JSON', format: 'untuk program' },
      ],
      citations: CITATION_FORMATS.map((f) => ({ href: urls.href(routes.citationFile(d.id, f.ext)), label: f.label })),
    },
  };
}

/** What the embed page of one dataset (/sematkan/<id>/) shows: the page only renders this. */
import type { Dataset } from '../claims/load.ts';
import { datasetChart, periodOf, sourceLine, subjectOf, type PageChart } from '../cite-dataset.ts';
import { routes } from '../routes.ts';
import { dataVersion, pernyataanTotal, programRows, teksAngka, type FigureText, type ProgramRow, type TotalStatement } from '../transparency.ts';
import type { PageUrls } from './page-urls.ts';

export interface DatasetEmbedPage {
  judul: string;
  ringkasan: string;
  socialImage: { path: string; alt: string };
  chart: PageChart;
  chartImage: string;
  caption: string;
  rows: ProgramRow[];
  total: TotalStatement;
  totalKasus: FigureText;
  /** Absolute URL of the dataset's page, and of its reconciliation section. */
  pageUrl: string;
  rekonsiliasiUrl: string;
  sourceLine: string;
  version: string;
}

export function datasetEmbedPage(d: Dataset, urls: PageUrls): DatasetEmbedPage {
  const total = pernyataanTotal(d);
  const chart = datasetChart(d);
  const judul = d.meta.title;
  return {
    judul,
    ringkasan: `${chart.title}: grafik dan angka seperti ditulis sumber, dengan sumbernya. ${total.singkat}.`,
    socialImage: { path: routes.datasetSocialImage(d.id), alt: `${judul}. ${total.singkat}.` },
    chart,
    chartImage: urls.href(routes.chartImage(chart.id)),
    caption: `Nominal klaim per program, ${subjectOf(d)}, ${periodOf(d)}`,
    rows: programRows(d.byProgram),
    total,
    totalKasus: teksAngka(d.total.kasus, false),
    pageUrl: urls.absolute(routes.dataset(d.id)),
    rekonsiliasiUrl: urls.absolute(routes.datasetSection(d.id, 'rekonsiliasi')),
    sourceLine: sourceLine(d),
    version: dataVersion(d.sha256),
  };
}

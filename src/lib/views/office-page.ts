/**
 * What the page of one office (/transparansi/kantor/<id>/) and its embed page
 * (/sematkan/kantor/<id>/) show: the page only renders this.
 */
import type { ClaimsData, Office } from '../claims/load.ts';
import { officeChart, type PageChart } from '../cite-dataset.ts';
import { overview, type OfficeView } from '../overview.ts';
import { routes } from '../routes.ts';
import { LEVEL_NAMES, sumberData } from '../transparency.ts';
import type { PageUrls } from './page-urls.ts';

/** What getStaticPaths hands each office page. */
export interface OfficePageProps {
  view: OfficeView;
  /** Datasets per office id (the children's counts). */
  counts: Map<string, number>;
  /** The latest `last_reviewed` of any dataset: when an office without datasets was last looked at. */
  latest: string;
}

/** One entry per office of the registry. */
export function officePageProps(claims: ClaimsData): OfficePageProps[] {
  const ov = overview(claims);
  const latest = claims.datasets.reduce((m, d) => (d.meta.lastReviewed > m ? d.meta.lastReviewed : m), '0000-00-00');
  const counts = new Map(ov.offices.map((o) => [o.office.id, o.timeline.length]));
  return ov.offices.map((view) => ({ view, counts, latest }));
}

export interface OfficePage {
  view: OfficeView;
  judul: string;
  ringkasan: string;
  socialImage: { path: string; alt: string };
  pageUrl: string;
  levelName: string;
  /** What the source says the office covers, quoted, when it says so. */
  coverageQuote: string | null;
  childrenHeading: string;
  children: { fullName: string; href: string; count: number }[];
  parent: { fullName: string; href: string } | null;
  chart: PageChart | null;
  sumber: ReturnType<typeof sumberData>['sumber'];
  terakhirDitinjau: Date;
  links: { transparansi: string; chartImage: string | null };
}

const sourceOf = (s: Office['sources'][number]) => ({
  judul: s.headline,
  penerbit: s.publisher,
  ...(s.url ? { url: s.url } : {}),
  ...(s.published ? { tanggal: new Date(`${s.published}T00:00:00Z`) } : {}),
});

export function officePage({ view, counts, latest }: OfficePageProps, urls: PageUrls): OfficePage {
  const { office, parent, children, timeline } = view;
  const ringkasan = `${timeline.length} kumpulan data klaim ${office.fullName}${office.coverage ? ` (meliputi ${office.coverage})` : ''}, per periode dan program, dengan sumber. Kumpulan data tidak dijumlahkan satu sama lain.`;
  const data = sumberData(timeline.map((e) => e.dataset));
  const chart = officeChart(view);
  return {
    view,
    judul: `Klaim BPJS Ketenagakerjaan: ${office.fullName}`,
    ringkasan,
    socialImage: { path: routes.officeSocialImage(office.id), alt: ringkasan },
    pageUrl: urls.absolute(routes.kantor(office.id)),
    levelName: LEVEL_NAMES[office.level].satu,
    coverageQuote: office.coverage ? (office.sources.find((s) => s.quote)?.quote ?? null) : null,
    childrenHeading: `${office.level === 'nasional' ? 'Kantor wilayah' : 'Kantor cabang'} di bawahnya`,
    children: children.map((c) => ({ fullName: c.fullName, href: urls.href(routes.kantor(c.id)), count: counts.get(c.id) ?? 0 })),
    parent: parent ? { fullName: parent.fullName, href: urls.href(routes.kantor(parent.id)) } : null,
    chart,
    sumber: [...office.sources.map(sourceOf), ...data.sumber],
    terakhirDitinjau: timeline.length > 0 ? data.terakhirDitinjau : new Date(`${latest}T00:00:00Z`),
    links: { transparansi: urls.href(routes.transparansi), chartImage: chart ? urls.href(routes.chartImage(chart.id)) : null },
  };
}

/** Offices with datasets of their own: the ones with an embed page. */
export function officeEmbedViews(claims: ClaimsData): OfficeView[] {
  return overview(claims).offices.filter((v) => v.timeline.length > 0);
}

export interface OfficeEmbedPage {
  view: OfficeView;
  judul: string;
  ringkasan: string;
  socialImage: { path: string; alt: string };
  pageUrl: string;
  chart: PageChart | null;
  chartImage: string | null;
}

export function officeEmbedPage(view: OfficeView, urls: PageUrls): OfficeEmbedPage {
  const chart = officeChart(view);
  const ringkasan = `${view.timeline.length} kumpulan data klaim ${view.office.fullName}, seperti ditulis sumbernya; tidak dijumlahkan satu sama lain.`;
  return {
    view,
    judul: `Klaim BPJS Ketenagakerjaan: ${view.office.fullName}`,
    ringkasan,
    socialImage: { path: routes.officeSocialImage(view.office.id), alt: ringkasan },
    pageUrl: urls.absolute(routes.kantor(view.office.id)),
    chart,
    chartImage: chart ? urls.href(routes.chartImage(chart.id)) : null,
  };
}

/**
 * What the overview of all claims datasets (/transparansi/) shows: datasets by level, the ones
 * whose stated total differs, the offices, the downloads. Nothing is added across datasets.
 */
import type { ClaimsData, Dataset } from '../claims/load.ts';
import { overview } from '../overview.ts';
import { routes } from '../routes.ts';
import { PENERBIT } from '../site.ts';
import { LEVEL_NAMES, datasetJsonLd, pernyataanTotal, sumberData, teksPeriode } from '../transparency.ts';
import type { PageUrls } from './page-urls.ts';

export interface OverviewCard {
  judul: string;
  href: string;
  /** Period, offices, publisher and confidence in one line. */
  keterangan: string;
  /** The total statement of the dataset. */
  kalimat: string;
}

export interface OverviewPage {
  judul: string;
  ringkasan: string;
  jsonLd: Record<string, unknown>;
  levels: { id: string; heading: string; cards: OverviewCard[] }[];
  /** Datasets whose stated total differs from the sum of their parts. */
  beda: { judul: string; href: string }[];
  offices: { fullName: string; href: string; level: string; count: number }[];
  downloads: { href: string; label: string; format: string }[];
  metodologi: string;
  sumber: ReturnType<typeof sumberData>;
}

const JUDUL = 'Data klaim BPJS Ketenagakerjaan';

function card(d: Dataset, urls: PageUrls): OverviewCard {
  return {
    judul: d.meta.title,
    href: urls.href(routes.dataset(d.id)),
    keterangan: `${teksPeriode(d).split(' (')[0]}${d.meta.period.startStated ? '' : ' (awal periode tidak disebut sumber)'} · ${d.offices.map((o) => o.name).join(', ')} · sumber: ${d.meta.source.publisher} · keyakinan ${d.meta.confidence}`,
    kalimat: pernyataanTotal(d).kalimat,
  };
}

function jsonLdOf(claims: ClaimsData, ringkasan: string, urls: PageUrls): Record<string, unknown> {
  const { datasets } = claims;
  const awal = datasets.reduce((m, d) => (d.periodeAwal < m ? d.periodeAwal : m), datasets[0]?.periodeAwal ?? '');
  const akhir = datasets.reduce((m, d) => (d.periodeAkhir > m ? d.periodeAkhir : m), datasets[0]?.periodeAkhir ?? '');
  return datasetJsonLd({
    name: `${JUDUL} (${PENERBIT})`,
    description: ringkasan,
    url: urls.absolute(routes.transparansi),
    creator: { name: PENERBIT, url: urls.absolute(routes.home) },
    sourceName: [...new Set(datasets.map((d) => d.meta.source.publisher))].join('; '),
    sourceUrl: null,
    periodeAwal: awal,
    periodeAkhir: akhir,
    spatial: claims.registry.offices.filter((o) => datasets.some((d) => d.offices.includes(o))).map((o) => o.fullName),
    license: datasets[0]?.meta.licence.url ?? 'https://creativecommons.org/licenses/by/4.0/deed.id',
    version: datasets.map((d) => d.sha256.slice(0, 12)).join(','),
    distribution: [
      { contentUrl: urls.absolute(routes.klaimCsv), encodingFormat: 'text/csv' },
      { contentUrl: urls.absolute(routes.klaimJson), encodingFormat: 'application/json' },
      { contentUrl: urls.absolute(routes.dataPackage), encodingFormat: 'application/json' },
    ],
  });
}

export function overviewPage(claims: ClaimsData, urls: PageUrls): OverviewPage {
  const { datasets } = claims;
  const ov = overview(claims);
  const ringkasan = `${datasets.length} kumpulan data klaim BPJS Ketenagakerjaan dari kantor cabang, kantor wilayah Jawa Timur, dan nasional, masing-masing dengan sumber, total menurut sumber, dan angka per program.`;
  const beda = datasets.filter((d) => d.reconciliation.nominal?.status === 'berbeda' || d.reconciliation.kasus?.status === 'berbeda');
  return {
    judul: JUDUL,
    ringkasan,
    jsonLd: jsonLdOf(claims, ringkasan, urls),
    levels: ov.byLevel
      .filter((l) => l.datasets.length > 0)
      .map((l) => ({ id: `tingkat-${l.level}`, heading: `${LEVEL_NAMES[l.level].banyak} (${l.datasets.length} kumpulan data, terbaru lebih dulu)`, cards: l.datasets.map((d) => card(d, urls)) })),
    beda: beda.map((d) => ({ judul: d.meta.title, href: urls.href(routes.datasetSection(d.id, 'rekonsiliasi')) })),
    offices: ov.offices
      .filter((o) => o.timeline.length > 0 || o.children.length > 0)
      .map((o) => ({ fullName: o.office.fullName, href: urls.href(routes.kantor(o.office.id)), level: LEVEL_NAMES[o.office.level].satu.toLowerCase(), count: o.timeline.length })),
    downloads: [
      { href: urls.href(routes.klaimCsv), label: 'Unduh CSV', format: 'semua data, dengan kolom dataset_id' },
      { href: urls.href(routes.klaimJson), label: 'Unduh JSON', format: 'semua data' },
      { href: urls.href(routes.dataPackage), label: 'Paket data', format: 'format Frictionless Data Package' },
    ],
    metodologi: urls.href(routes.metodologi),
    sumber: sumberData(datasets),
  };
}

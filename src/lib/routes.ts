/**
 * Every internal URL of the site (pages, transparency pages, embeds, images and downloads), in one place.
 * Paths are root-relative; pages get them through a view model (src/lib/views/), which passes
 * them through `withBase` (src/lib/paths.ts) or makes them absolute (src/lib/site.ts).
 */
import { embedPath } from './embed.ts';
import { versionUrl } from './history/url.ts';

export const routes = {
  home: '/',
  kemitraan: '/kemitraan/',
  bpu: '/bpu/',
  pelatihanList: '/pelatihan/',
  pelatihan: (slug: string): string => `/pelatihan/${slug}/`,
  beritaList: '/berita/',
  berita: (slug: string): string => `/berita/${slug}/`,
  beritaFeed: '/rss.xml',
  cari: '/cari/',
  pagefind: '/pagefind/',
  favicon: '/favicon.svg',
  sitemap: '/sitemap-index.xml',
  transparansi: '/transparansi/',
  metodologi: '/transparansi/metodologi/',
  /** The about page (content/halaman/tentang.mdx): how to report a mistake. */
  tentang: '/tentang/',
  /** Every change to the data (data history), and its feed. */
  riwayat: '/transparansi/riwayat/',
  riwayatFeed: '/transparansi/riwayat.xml',
  /** A dataset's page. */
  dataset: (id: string): string => `/transparansi/${id}/`,
  /** A section of a dataset's page, e.g. `rekonsiliasi`. */
  datasetSection: (id: string, section: string): string => `/transparansi/${id}/#${section}`,
  /** An office's page (branch, regional office or nasional). */
  kantor: (officeId: string): string => `/transparansi/kantor/${officeId}/`,
  datasetCsv: (id: string): string => `/data/${id}.csv`,
  datasetJson: (id: string): string => `/data/${id}.json`,
  /** A dataset's citation file: `ext` is `bib`, `ris` or `csl.json` (src/lib/citation-formats.ts). */
  citationFile: (id: string, ext: string): string => `/data/${id}.${ext}`,
  /** A dataset's file at one version (immutable): `/data/v/<12 hex>/<id>.<ext>`. */
  version: versionUrl,
  klaimCsv: '/data/klaim.csv',
  klaimJson: '/data/klaim.json',
  dataPackage: '/data/datapackage.json',
  /** A chart image made at build time (src/lib/chart-image.ts). */
  chartImage: (chartId: string): string => `/gambar/${chartId}.png`,
  /** The social preview card of a dataset, of an office, and of every other page. */
  datasetSocialImage: (id: string): string => `/gambar/sosial/${id}.png`,
  officeSocialImage: (officeId: string): string => `/gambar/sosial/kantor/${officeId}.png`,
  siteSocialImage: '/gambar/sosial.png',
  /** Embeddable pages (the only framable ones). */
  datasetEmbed: (id: string): string => embedPath(id),
  officeEmbed: (officeId: string): string => embedPath(`kantor/${officeId}`),
} as const;

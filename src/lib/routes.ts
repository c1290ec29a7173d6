/**
 * Every internal URL of the transparency pages and downloads, in one place. Paths are
 * root-relative; pages pass them through `withBase` (src/lib/paths.ts).
 */
export const routes = {
  transparansi: '/transparansi/',
  metodologi: '/transparansi/metodologi/',
  /** A dataset's page. */
  dataset: (id: string): string => `/transparansi/${id}/`,
  /** An office's page (branch, regional office or nasional). */
  kantor: (officeId: string): string => `/transparansi/kantor/${officeId}/`,
  datasetCsv: (id: string): string => `/data/${id}.csv`,
  datasetJson: (id: string): string => `/data/${id}.json`,
  klaimCsv: '/data/klaim.csv',
  klaimJson: '/data/klaim.json',
  dataPackage: '/data/datapackage.json',
} as const;

/**
 * The view models of the claims pages (src/lib/views/): what each page shows, its links under a
 * base path and its absolute URLs, from a small real ClaimsData.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClaims, type ClaimsData } from '../../src/lib/claims/load.ts';
import { routes } from '../../src/lib/routes.ts';
import { datasetEmbedPage } from '../../src/lib/views/dataset-embed-page.ts';
import { datasetPage } from '../../src/lib/views/dataset-page.ts';
import { officeEmbedPage, officeEmbedViews, officePage, officePageProps } from '../../src/lib/views/office-page.ts';
import { overviewPage } from '../../src/lib/views/overview-page.ts';
import { pageUrls } from '../../src/lib/views/page-urls.ts';
import { writeDataDir } from '../helpers/claims-data.ts';

let dir: string;
let data: ClaimsData;
const urls = pageUrls(new URL('https://example.org'), '/rtw/');
const byId = (id: string) => data.datasets.find((d) => d.id === id)!;

beforeAll(async () => {
  dir = writeDataDir([
    { id: 'pasuruan-2018', offices: ['Pasuruan'], start: '2018-01-01', end: '2018-12-31', rows: ['Pasuruan,2018-01-01,2018-12-31,JKK,10,1000,,', 'Pasuruan,2018-01-01,2018-12-31,JHT,,2000,,'], reported: '{nominal: "5000", kasus: null, nominal_printed: null, kasus_printed: null}' },
    { id: 'pasuruan-2019', offices: ['Pasuruan'], start: '2019-01-01', end: '2019-12-31', rows: ['Pasuruan,2019-01-01,2019-12-31,JKK,,1500,,'] },
    { id: 'jatim-cabang-2018', offices: ['Pasuruan', 'Sidoarjo'], start: '2018-01-01', end: '2018-06-30', rows: ['Sidoarjo,2018-01-01,2018-06-30,JKK,,7,,', 'Pasuruan,2018-01-01,2018-06-30,JKK,,3,,'] },
  ]);
  data = await loadClaims(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pageUrls', () => {
  it('writes links under the base path and absolute URLs on the site', () => {
    expect(urls.href(routes.transparansi)).toBe('/rtw/transparansi/');
    expect(urls.absolute(routes.datasetSection('a-1', 'rekonsiliasi'))).toBe('https://example.org/rtw/transparansi/a-1/#rekonsiliasi');
    expect(urls.href('https://example.com/x')).toBe('https://example.com/x');
    expect(() => pageUrls(undefined, '/').absolute('/')).toThrow(/SITE_URL/);
  });
});

describe('datasetPage', () => {
  it('gives one office, its rows, the stated total and every link under the base path', () => {
    const d = byId('pasuruan-2018');
    const page = datasetPage(d, data.datasets, urls, '2026-11-28');
    expect(page.judul).toBe('Data uji pasuruan-2018');
    expect(page.satuKantor?.id).toBe('pasuruan');
    expect(page.kantor).toBe('Kantor Pasuruan (uji)');
    expect(page.rows.map((r) => r.program)).toEqual(['JKK', 'JHT']);
    expect(page.tanpaKasus).toBe(false);
    expect(page.total.status).toBe('berbeda');
    expect(page.ringkasan).toMatch(/^Kantor Pasuruan \(uji\), .*\. Sumber: Penerbit Uji\.$/);
    expect(page.socialImage.path).toBe('/gambar/sosial/pasuruan-2018.png');
    expect(page.links.kantor).toBe('/rtw/transparansi/kantor/pasuruan/');
    expect(page.links.version).toBe(`/rtw/data/v/${d.sha256.slice(0, 12)}/pasuruan-2018.csv`);
    expect(page.links.chartImage).toBe(`/rtw/gambar/${page.chart.id}.png`);
    expect(page.links.downloads.map((x) => x.href)).toEqual(['/rtw/data/pasuruan-2018.csv', '/rtw/data/pasuruan-2018.json']);
    expect(page.links.citations.map((x) => x.href)).toEqual(['/rtw/data/pasuruan-2018.bib', '/rtw/data/pasuruan-2018.ris', '/rtw/data/pasuruan-2018.csl.json']);
    expect(page.programNames).toMatch(/^JKK = Jaminan Kecelakaan Kerja; JHT = /);
    expect(page.teksKutipan).toContain(`https://example.org/rtw/data/v/${d.sha256.slice(0, 12)}/pasuruan-2018.csv`);
    expect(page.jsonLd).toMatchObject({ '@type': 'Dataset', url: 'https://example.org/rtw/transparansi/pasuruan-2018/', dateModified: '2026-11-28' });
  });

  it('names the overlapping dataset with its link, without adding figures', () => {
    const page = datasetPage(byId('pasuruan-2018'), data.datasets, urls, '2026-11-28');
    expect(page.overlaps).toEqual([{ judul: 'Data uji jatim-cabang-2018', href: '/rtw/transparansi/jatim-cabang-2018/', programs: ['JKK'] }]);
  });

  it('lists several offices with their links', () => {
    const page = datasetPage(byId('jatim-cabang-2018'), data.datasets, urls, '2026-11-28');
    expect(page.satuKantor).toBeNull();
    expect(page.kantor).toBe('2 kantor');
    expect(page.links.kantor).toBeNull();
    expect(page.links.byOffice).toEqual(page.dataset.byOffice.map((o) => `/rtw/transparansi/kantor/${o.office.id}/`));
    expect(page.tanpaKasus).toBe(true);
  });
});

describe('datasetEmbedPage', () => {
  it('links back to the dataset page with absolute URLs', () => {
    const page = datasetEmbedPage(byId('pasuruan-2018'), urls);
    expect(page.pageUrl).toBe('https://example.org/rtw/transparansi/pasuruan-2018/');
    expect(page.rekonsiliasiUrl).toBe('https://example.org/rtw/transparansi/pasuruan-2018/#rekonsiliasi');
    expect(page.chartImage).toBe(`/rtw/gambar/${page.chart.id}.png`);
    expect(page.version).toHaveLength(12);
  });
});

describe('officePage', () => {
  it('gives every office of the registry a page with its parent, children and counts', () => {
    const props = officePageProps(data);
    expect(props.map((p) => p.view.office.id)).toEqual(['nasional', 'kanwil-jawa-timur', 'pasuruan', 'sidoarjo']);
    const kanwil = officePage(props[1]!, urls);
    expect(kanwil.parent).toEqual({ fullName: 'Kantor Nasional (uji)', href: '/rtw/transparansi/kantor/nasional/' });
    expect(kanwil.childrenHeading).toBe('Kantor cabang di bawahnya');
    expect(kanwil.children).toEqual([
      { fullName: 'Kantor Pasuruan (uji)', href: '/rtw/transparansi/kantor/pasuruan/', count: 3 },
      { fullName: 'Kantor Sidoarjo (uji)', href: '/rtw/transparansi/kantor/sidoarjo/', count: 1 },
    ]);
    expect(kanwil.chart).toBeNull();
    expect(kanwil.terakhirDitinjau.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    const pasuruan = officePage(props[2]!, urls);
    expect(pasuruan.view.timeline).toHaveLength(3);
    expect(pasuruan.socialImage.path).toBe('/gambar/sosial/kantor/pasuruan.png');
    expect(pasuruan.links.chartImage).toBe(`/rtw/gambar/${pasuruan.chart!.id}.png`);
    expect(pasuruan.sumber[0]).toEqual({ judul: 'Judul uji', penerbit: 'Penerbit Uji' });
  });

  it('gives embed pages only to offices with datasets of their own', () => {
    expect(officeEmbedViews(data).map((v) => v.office.id)).toEqual(['pasuruan', 'sidoarjo']);
    const page = officeEmbedPage(officeEmbedViews(data)[0]!, urls);
    expect(page.pageUrl).toBe('https://example.org/rtw/transparansi/kantor/pasuruan/');
  });
});

describe('overviewPage', () => {
  it('lists datasets by level, differing totals, offices and downloads, without totals across datasets', () => {
    const page = overviewPage(data, urls);
    expect(page.levels.map((l) => [l.id, l.cards.map((c) => c.href)])).toEqual([
      ['tingkat-kantor_cabang', expect.arrayContaining(['/rtw/transparansi/pasuruan-2018/', '/rtw/transparansi/pasuruan-2019/', '/rtw/transparansi/jatim-cabang-2018/'])],
    ]);
    expect(page.beda).toEqual([{ judul: 'Data uji pasuruan-2018', href: '/rtw/transparansi/pasuruan-2018/#rekonsiliasi' }]);
    expect(page.offices.map((o) => [o.href, o.level, o.count])).toEqual([
      ['/rtw/transparansi/kantor/nasional/', 'nasional', 0],
      ['/rtw/transparansi/kantor/kanwil-jawa-timur/', 'kantor wilayah', 0],
      ['/rtw/transparansi/kantor/pasuruan/', 'kantor cabang', 3],
      ['/rtw/transparansi/kantor/sidoarjo/', 'kantor cabang', 1],
    ]);
    expect(page.downloads.map((x) => x.href)).toEqual(['/rtw/data/klaim.csv', '/rtw/data/klaim.json', '/rtw/data/datapackage.json']);
    expect(JSON.stringify(page.jsonLd)).not.toMatch(/"totalSen"|"total"/);
  });
});

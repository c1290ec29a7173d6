/**
 * The site works under a base path (as on GitHub Pages: https://owner.github.io/repo/):
 * built with BASE_PATH=/rtw-pasuruan/ into a temporary folder, every root-relative link and
 * asset carries the prefix, and in a real browser pages, assets, search and downloads load.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, mustRun } from '../helpers/project.ts';

const BASE = '/rtw-pasuruan/';
const out = mkdtempSync(path.join(tmpdir(), 'rtw-base-'));

beforeAll(() => {
  // The deployed configuration: edit and report links set, as the deploy workflow sets them.
  const env = { BASE_PATH: BASE, SITE_URL: 'https://example.org', EDIT_BASE_URL: 'https://github.com/owner/repo/edit/main/', REPORT_URL: 'https://github.com/owner/repo/issues/new' };
  astroBuild({ outDir: out, env });
  mustRun(['scripts/search-index.ts', out], { env });
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe(`built under ${BASE}`, () => {
  it('pages made from content/ and data/ link to their files in the web editor, and every page to the report form', () => {
    const page = (route: string) => readFileSync(path.join(out, route, 'index.html'), 'utf8');
    expect(page('pelatihan/elektro')).toContain('href="https://github.com/owner/repo/edit/main/content/pelatihan/elektro.mdx"');
    const dataset = page('transparansi/pasuruan-2018');
    expect(dataset).toContain('href="https://github.com/owner/repo/edit/main/data/klaim/pasuruan-2018.csv"');
    expect(dataset).toContain('href="https://github.com/owner/repo/edit/main/data/klaim/pasuruan-2018.meta.yaml"');
    expect(dataset).toContain('Sunting data ini');
    expect(page('transparansi/kantor/pasuruan')).toContain('href="https://github.com/owner/repo/edit/main/data/kantor.yaml"');
    expect(page('bpu')).toContain('href="https://github.com/owner/repo/issues/new"');
  });

  it('every root-relative href and src starts with the base path', () => {
    const bad: string[] = [];
    for (const e of readdirSync(out, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.html')) continue;
      const file = path.join(e.parentPath, e.name);
      for (const m of readFileSync(file, 'utf8').matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)) {
        const url = m[1] ?? '';
        if (!url.startsWith('//') && !url.startsWith(BASE)) bad.push(`${path.relative(out, file)}: ${url}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('pages, assets, the chart, search and downloads load in a browser', async () => {
    process.env['DIST_DIR'] = out;
    const { openBrowserAndSite, closeBrowserAndSite } = await import('./site.ts');
    const { browser, server } = await openBrowserAndSite({ base: BASE });
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
      await page.goto(server.url('/transparansi/pasuruan-2017-01-02/'), { waitUntil: 'networkidle' });
      // The chart loads its chunk (under the base path) when scrolled near.
      await page.locator('figure.grafik').first().scrollIntoViewIfNeeded();
      await page.locator('figure.grafik canvas').first().waitFor({ timeout: 10_000 });
      const csv = await page.locator('a[download][href$=".csv"]').first().getAttribute('href');
      expect(csv).toBe(`${BASE}data/pasuruan-2017-01-02.csv`);
      const response = await page.request.get(`${server.origin}${csv}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toMatch(/^kantor,periode_awal,periode_akhir,program,jumlah_kasus,nominal_rp,kasus_tertulis,nominal_tertulis\n/);
      // The chart image, the citation files and the embed page live under the base path too.
      for (const link of await page.locator('a[href$=".png"], a[href$=".bib"], a[href$=".ris"], a[href$=".csl.json"], a[href*="/sematkan/"]').all()) {
        const href = (await link.getAttribute('href')) ?? '';
        expect(href.startsWith(BASE), href).toBe(true);
        expect((await page.request.get(`${server.origin}${href}`)).status(), href).toBe(200);
      }
      await page.goto(`${server.url('/cari/')}?q=elektro`, { waitUntil: 'load' });
      const first = page.locator('.pagefind-ui__result-link').first();
      await first.waitFor({ timeout: 10_000 });
      expect(new URL((await first.getAttribute('href')) ?? '', page.url()).pathname).toBe(`${BASE}pelatihan/elektro/`);
      expect(failed).toEqual([]);
    } finally {
      await closeBrowserAndSite({ browser, server });
    }
  }, 60_000);
});

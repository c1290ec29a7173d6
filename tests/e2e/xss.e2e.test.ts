/**
 * A dataset whose office name (and title, source, period text, stated parts, and the office's
 * registry entry: full name, coverage, source quote) is an HTML injection attempt is
 * built into a temporary copy of the site; it must appear escaped everywhere: HTML, JSON-LD,
 * chart data and downloads, and a real browser must run none of it.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, ROOT } from '../helpers/project.ts';

const EVIL = '<img src=x onerror=alert(1)>';
const work = copyProject('rtw-xss-');
const dist = path.join(work, 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The markup of a page with every quoted attribute value and JSON-LD block removed. */
function markupOnly(html: string): string {
  return html.replace(/"[^"]*"/g, '""').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '');
}

beforeAll(() => {
  rmSync(path.join(work, 'data', 'klaim'), { recursive: true });
  mkdirSync(path.join(work, 'data', 'klaim'));
  for (const f of ['xss-2023-01.csv', 'xss-2023-01.meta.yaml']) {
    cpSync(path.join(ROOT, 'tests/fixtures/xss', f), path.join(work, 'data', 'klaim', f));
  }
  cpSync(path.join(ROOT, 'tests/fixtures/xss/kantor.yaml'), path.join(work, 'data', 'kantor.yaml'));
  astroBuild({ cwd: work });
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an injection attempt in the data', () => {
  it('never becomes markup in any page', () => {
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const markup = markupOnly(readFileSync(file, 'utf8'));
      expect(markup, path.relative(dist, file)).not.toMatch(/<img\b|<b onmouseover|<script>alert|<\/title><script/i);
      expect(markup).not.toMatch(/<[a-z][^>]*\son(error|mouseover)=/i);
    }
    const page = readFileSync(path.join(dist, 'transparansi/xss-2023-01/index.html'), 'utf8');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const office = readFileSync(path.join(dist, 'transparansi/kantor/xss/index.html'), 'utf8');
    expect(office).toContain('Kantor &lt;img src=x onerror=alert(1)&gt;');
    expect(office).toContain('Wilayah &lt;b onmouseover=alert(9)&gt;uji&lt;/b&gt;');
  });

  it('is escaped inside JSON-LD and round-trips as data', () => {
    const page = readFileSync(path.join(dist, 'transparansi/xss-2023-01/index.html'), 'utf8');
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    expect(block).not.toMatch(/[<>]/);
    const ld = JSON.parse(block) as { spatialCoverage: { name: string }[]; name: string };
    expect(ld.spatialCoverage[0]?.name).toContain(EVIL);
    expect(ld.name).toContain("<script>alert('judul')</script>");
  });

  it('stays plain data in the chart attribute and the downloads', () => {
    const page = readFileSync(path.join(dist, 'transparansi/xss-2023-01/index.html'), 'utf8');
    const attr = /data-grafik="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(attr).not.toContain('"');
    const csv = readFileSync(path.join(dist, 'data/xss-2023-01.csv'), 'utf8');
    expect(csv).toContain(`${EVIL},2023-01-01`);
    const json = JSON.parse(readFileSync(path.join(dist, 'data/xss-2023-01.json'), 'utf8')) as unknown;
    expect(JSON.stringify(json)).toContain(EVIL);
  });

  it('runs nothing in a real browser', async () => {
    process.env['DIST_DIR'] = dist;
    const { openBrowserAndSite, closeBrowserAndSite } = await import('./site.ts');
    const { browser, server } = await openBrowserAndSite({ base: '/' });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      for (const route of ['/transparansi/xss-2023-01/', '/transparansi/kantor/xss/', '/transparansi/kantor/kanwil-uji/', '/transparansi/kantor/nasional/', '/transparansi/', '/', '/transparansi/metodologi/']) {
        // A page that does not exist (404) would show nothing to inject into: every route must be served.
        const response = await page.goto(server.url(route), { waitUntil: 'load' });
        expect(response?.status(), route).toBe(200);
        await page.waitForTimeout(300);
      }
      expect(dialogs).toEqual([]);
    } finally {
      await closeBrowserAndSite({ browser, server });
    }
  }, 60_000);
});

/**
 * Checks the built site in dist/ (no browser): every expected route exists with a title and
 * lang="id", the feeds are well-formed, every page has its description and Open Graph title,
 * content pages ship no JavaScript, and content pages show their sources.
 *
 * Runs after `npm run build`; fails with a clear message when dist/ is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertDist, DIST, htmlFileFor, listPages, mayHaveScripts, readPage } from '../e2e/site.ts';

/** Routes the site must always have (relative to the base path). */
const REQUIRED_PAGES = [
  '/',
  '/kemitraan/',
  '/pelatihan/',
  '/pelatihan/elektro/',
  '/pelatihan/memasak/',
  '/bpu/',
  '/tentang/',
  '/berita/',
  '/transparansi/',
  '/transparansi/metodologi/',
  '/transparansi/kantor/pasuruan/',
  '/transparansi/kantor/kanwil-jawa-timur/',
  '/transparansi/kantor/nasional/',
  '/404.html',
];

/**
 * Pages that need no "Sumber" section: not found, search, and the lists of news and training,
 * whose every entry links to a page that shows its sources.
 */
const NO_SOURCES_NEEDED = new Set(['/404.html', '/cari/', '/berita/', '/pelatihan/']);

const pages = existsSync(DIST) ? listPages() : [];

function text(file: string): string {
  return readFileSync(path.join(DIST, file), 'utf8');
}

/** The value of a `<meta name|property=KEY content=...>` tag, in either attribute order. */
function meta(html: string, key: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
    const id = attr('name') ?? attr('property');
    if ((id?.[1] ?? id?.[2]) === key) {
      const content = attr('content');
      return content?.[1] ?? content?.[2] ?? '';
    }
  }
  return undefined;
}

beforeAll(() => {
  assertDist();
});

describe('required routes', () => {
  it.each(REQUIRED_PAGES)('%s exists with a <title> and <html lang="id">', (route) => {
    const file = htmlFileFor(route);
    expect(existsSync(file), `${route}: ${path.relative(DIST, file)} is missing from dist/`).toBe(true);
    const html = readPage(route);
    expect(html, `${route}: <html lang="id"> missing`).toMatch(/<html\b[^>]*\blang="id"/i);
    const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
    expect(title, `${route}: <title> missing or empty`).toBeTruthy();
  });

  it('/rss.xml is an RSS 2.0 feed with at least one item', () => {
    expect(existsSync(path.join(DIST, 'rss.xml')), 'dist/rss.xml is missing').toBe(true);
    const xml = text('rss.xml');
    expect(xml).toMatch(/^<\?xml\b/);
    expect(xml).toMatch(/<rss\b[^>]*\bversion="2\.0"/);
    const channel = /<channel>([\s\S]*)<\/channel>/.exec(xml)?.[1];
    expect(channel, 'rss.xml has no <channel>').toBeTruthy();
    expect(channel).toMatch(/<title>[^<]+<\/title>/);
    expect(channel).toMatch(/<link>https?:\/\/[^<]+<\/link>/);
    const items = channel!.match(/<item>[\s\S]*?<\/item>/g) ?? [];
    expect(items.length, 'rss.xml has no <item>').toBeGreaterThan(0);
    for (const item of items) {
      expect(item).toMatch(/<title>[^<]+<\/title>/);
      expect(item).toMatch(/<link>https?:\/\/[^<]+<\/link>/);
    }
  });

  it('/sitemap-index.xml lists sitemaps that list every page', () => {
    expect(existsSync(path.join(DIST, 'sitemap-index.xml')), 'dist/sitemap-index.xml is missing').toBe(true);
    const index = text('sitemap-index.xml');
    expect(index).toMatch(/<sitemapindex\b/);
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(sitemaps.length, 'sitemap-index.xml lists no sitemap').toBeGreaterThan(0);
    const locs: string[] = [];
    for (const loc of sitemaps) {
      const file = path.basename(new URL(loc).pathname);
      expect(existsSync(path.join(DIST, file)), `${loc} is listed but dist/${file} is missing`).toBe(true);
      locs.push(...[...text(file).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    }
    // The home page has the shortest path; it tells the base path the site was built for.
    const base = [...locs].sort((a, b) => a.length - b.length)[0] ?? '/';
    const missing = pages.filter((p) => p !== '/404.html' && !locs.includes(`${base}${p.slice(1)}`));
    expect(missing, 'pages missing from the sitemap').toEqual([]);
  });
});

describe.each(pages)('page %s', (route) => {
  const html = existsSync(htmlFileFor(route)) ? readPage(route) : '';

  it('has lang="id", a title, a meta description and og:title', () => {
    expect(html).toMatch(/<html\b[^>]*\blang="id"/i);
    expect(/<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim(), 'empty <title>').toBeTruthy();
    expect(meta(html, 'description')?.trim(), 'missing meta description').toBeTruthy();
    expect(meta(html, 'og:title')?.trim(), 'missing og:title').toBeTruthy();
  });

  it.skipIf(mayHaveScripts(route))('ships no <script> (except JSON-LD)', () => {
    const scripts = (html.match(/<script\b[^>]*>/gi) ?? []).filter(
      (tag) => !/\btype\s*=\s*["']?application\/ld\+json\b/i.test(tag),
    );
    expect(scripts, `${route} is a content page and must not contain scripts`).toEqual([]);
  });

  it.skipIf(NO_SOURCES_NEEDED.has(route))('shows a "Sumber" section', () => {
    // A sources section (the Sumber component, or any block classed/id'd "sumber..."), a
    // "Sumber" heading, or a "Sumber" term in a dataset's description list / table.
    const hasSources =
      /<(section|aside|div|h[2-6])\b[^>]*\b(class="[^"]*\bsumber\b|id="sumber)/i.test(html) ||
      /<(h[2-6]|dt|th)\b[^>]*>\s*Sumber\b/i.test(html);
    expect(hasSources, `${route} shows no "Sumber" (sources) section`).toBe(true);
  });
});

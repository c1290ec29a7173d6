/**
 * Without JavaScript every page still carries its content: `<main>` has real text and the
 * page's h1 is visible (the site must work for phones with scripts off or failing).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertDist, listPages, type Server, closeBrowserAndSite, openBrowserAndSite } from './site.ts';

assertDist();
const PAGES = listPages();
const MIN_MAIN_TEXT = 200;

let browser: Browser;
let server: Server;
let page: Page;

beforeAll(async () => {
  ({ browser, server: server } = await openBrowserAndSite());
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});

afterAll(async () => {
  await closeBrowserAndSite({ browser, server: server });
});

it.each(PAGES)('%s: main content and h1 are there without JavaScript', async (route) => {
  await page.goto(server.url(route), { waitUntil: 'load' });
  const mains = page.locator('main');
  expect(await mains.count(), `${route}: expected exactly one <main>`).toBe(1);
  const text = (await mains.innerText()).replace(/\s+/g, ' ').trim();
  expect(text.length, `${route}: <main> has only ${text.length} characters of text without JavaScript: "${text.slice(0, 120)}"`).toBeGreaterThan(MIN_MAIN_TEXT);
  const h1 = page.locator('h1').first();
  expect(await h1.count(), `${route}: no <h1>`).toBe(1);
  expect(await h1.isVisible(), `${route}: the <h1> is not visible without JavaScript`).toBe(true);
});

/** Transparency pages: every figure (the `<data value>` the build wrote) is visible, and the citation. */
const TRANSPARENCY = PAGES.filter((r) => r.startsWith('/transparansi/') && !r.startsWith('/transparansi/metodologi/'));

it.each(TRANSPARENCY)('%s: every figure is visible without JavaScript', async (route) => {
  await page.goto(server.url(route), { waitUntil: 'load' });
  const figures = page.locator('main data[value]');
  const count = await figures.count();
  // The overview states each dataset's total in a sentence (no table: nothing is added across datasets).
  if (route === '/transparansi/') expect(await page.locator('main').innerText()).toMatch(/Rp\d/);
  // An office without datasets of its own (e.g. a regional office whose branches have them) says so.
  else if (route.startsWith('/transparansi/kantor/') && (await page.locator('#tabel-linimasa').count()) === 0) {
    expect(count, `${route}: figures without a timeline`).toBe(0);
    expect(await page.locator('main').innerText()).toContain('Belum ada kumpulan data klaim untuk kantor ini sendiri.');
  } else expect(count, `${route}: no figures`).toBeGreaterThan(0);
  const hidden = await figures.evaluateAll((els) =>
    els.filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden';
    }).map((el) => el.getAttribute('value')),
  );
  expect(hidden, `${route}: figures not visible without JavaScript`).toEqual([]);
  const citation = page.locator('#teks-kutipan');
  if ((await citation.count()) > 0) {
    expect(await citation.isVisible()).toBe(true);
    expect(await citation.innerText()).toMatch(/Versi data sha256:[0-9a-f]{12}/);
  }
});

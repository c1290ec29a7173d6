/**
 * Search in the browser: the header's plain GET form leads to /cari/?q=..., and the search
 * page runs the query with Pagefind and lists the right page first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDist, type Server, closeBrowserAndSite, openBrowserAndSite } from './site.ts';

assertDist();

let browser: Browser;
let server: Server;
let page: Page;
const errors: string[] = [];

describe('search (/cari/)', () => {
  beforeAll(async () => {
    ({ browser, server: server } = await openBrowserAndSite());
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`uncaught exception: ${e.message}`));
  });

  afterAll(async () => {
    await closeBrowserAndSite({ browser, server: server });
  });

  it('the header search form sends a GET to /cari/?q=...', async () => {
    await page.goto(server.url('/'), { waitUntil: 'load' });
    const field = page.locator('header form[role="search"] input[name="q"]');
    await field.fill('elektro');
    await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/cari/')), field.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('elektro');
  });

  it('finds the elektro training first for "elektro"', async () => {
    await page.goto(`${server.url('/cari/')}?q=elektro`, { waitUntil: 'load' });
    const results = page.locator('.pagefind-ui__result-link');
    await expect.poll(() => results.count(), { timeout: 10_000, message: 'no search results for "elektro"' }).toBeGreaterThan(0);
    const href = (await results.first().getAttribute('href')) ?? '';
    // Resolved against the page, the link must point into the site, base path included.
    expect(new URL(href, page.url()).pathname, 'first result for "elektro"').toBe(`${server.base}pelatihan/elektro/`);
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});

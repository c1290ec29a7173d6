/**
 * Charts in a real browser: each chart on a page draws (non-blank pixels) once it is scrolled
 * near, states its figures in role="img" + aria-label, reserves its space (no layout shift),
 * logs no errors, and in print the table carries the figures while the canvas is hidden.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPages, readPage, type Server, closeBrowserAndSite, openBrowserAndSite } from './site.ts';

const WITH_CHARTS = listPages().filter((route) => readPage(route).includes('data-grafik='));

let browser: Browser;
let server: Server;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  ({ browser, server: server } = await openBrowserAndSite());
  page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await closeBrowserAndSite({ browser, server: server });
});

describe('charts', () => {
  it('are on the dataset pages and on office pages with several whole years, not on the overview', () => {
    // The overview adds nothing across datasets, so it has no chart of totals.
    expect(WITH_CHARTS).not.toContain('/transparansi/');
    expect(WITH_CHARTS.some((r) => /^\/transparansi\/[^/]+\/$/.test(r) && r !== '/transparansi/metodologi/')).toBe(true);
    expect(WITH_CHARTS.some((r) => r.startsWith('/transparansi/kantor/'))).toBe(true);
  });

  it.each(WITH_CHARTS)('%s: every chart draws, is labelled, and does not move the page', async (route) => {
    await page.goto(server.url(route), { waitUntil: 'load' });
    const figures = page.locator('figure.grafik');
    const n = await figures.count();
    for (let i = 0; i < n; i++) {
      const figure = figures.nth(i);
      const before = await figure.boundingBox();
      await figure.scrollIntoViewIfNeeded();
      const canvas = figure.locator('canvas[role="img"]');
      await canvas.waitFor({ timeout: 10_000 });
      // Wait until chart.js has painted something other than the background.
      await expect
        .poll(
          () =>
            canvas.evaluate((c: HTMLCanvasElement) => {
              const ctx = c.getContext('2d');
              if (!ctx || c.width === 0) return 0;
              const px = ctx.getImageData(0, 0, c.width, c.height).data;
              let painted = 0;
              for (let j = 3; j < px.length; j += 4) if ((px[j] ?? 0) > 0) painted++;
              return painted;
            }),
          { timeout: 10_000, message: `${route}: chart ${i + 1} stayed blank` },
        )
        .toBeGreaterThan(500);
      const data = JSON.parse((await figure.getAttribute('data-grafik')) ?? '{}') as { ariaLabel: string };
      expect(await canvas.getAttribute('aria-label')).toBe(data.ariaLabel);
      expect(data.ariaLabel).toMatch(/Rp\d/);
      const after = await figure.boundingBox();
      expect(after?.height, `${route}: chart ${i + 1} changed height when drawn`).toBeCloseTo(before?.height ?? -1, 0);
    }
    expect(errors).toEqual([]);
  });

  it('in print, the canvas is hidden and the table carries the figures', async () => {
    const route = WITH_CHARTS.find((r) => /^\/transparansi\/[^/]+\/$/.test(r) && !r.includes('metodologi'))!;
    await page.goto(server.url(route), { waitUntil: 'load' });
    await page.locator('figure.grafik').first().scrollIntoViewIfNeeded();
    await page.locator('figure.grafik canvas').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('figure.grafik').first().isVisible()).toBe(false);
    expect(await page.locator('#tabel-program').isVisible()).toBe(true);
    expect(await page.locator('#tabel-program data[value]').count()).toBeGreaterThan(1);
    await page.emulateMedia({ media: 'screen' });
  });
});

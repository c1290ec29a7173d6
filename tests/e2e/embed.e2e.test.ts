/**
 * Embeds in a real browser, across origins: dist/ is served with its _headers (origin A) and a
 * host page on another origin (B, a second server) pastes the iframe code the dataset page
 * offers. The embed page renders inside it and the iframe takes the height the page reports;
 * a normal page in an iframe on the same host page is refused (frame-ancestors 'none').
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iframeCode } from '../../src/lib/embed.ts';
import { listPages, type Server, closeBrowserAndSite, openBrowserAndSite } from './site.ts';

const EMBEDS = listPages().filter((r) => r.startsWith('/sematkan/'));
const DATASET = EMBEDS[0]?.split('/')[2] ?? '';

let browser: Browser;
let site: Server;
let host: http.Server;
let hostOrigin: string;
let hostHtml = '';
const consoleLines: string[] = [];

beforeAll(async () => {
  ({ browser, server: site } = await openBrowserAndSite());
  host = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(hostHtml);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // Same host name, another port: another origin.
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await closeBrowserAndSite({ browser, server: site });
  await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
});

async function open(html: string): Promise<Page> {
  hostHtml = html;
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  page.on('console', (m) => consoleLines.push(m.text()));
  await page.goto(`${hostOrigin}/`, { waitUntil: 'load' });
  return page;
}

describe('embeds across origins', () => {
  it('there is an embed page per dataset', () => {
    expect(EMBEDS.length).toBeGreaterThan(0);
    expect(listPages()).toContain(`/transparansi/${DATASET}/`);
  });

  it('the embed page sends frame-ancestors * and no X-Frame-Options; a normal page denies framing', async () => {
    const embed = await fetch(site.url(`/sematkan/${DATASET}/`));
    expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*$/);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const normal = await fetch(site.url(`/transparansi/${DATASET}/`));
    expect(normal.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(normal.headers.get('x-frame-options')).toBe('DENY');
  });

  it('the copied iframe code renders the embed on another origin and resizes it to the reported height', async () => {
    expect(new URL(site.origin).origin).not.toBe(hostOrigin);
    const code = iframeCode({ src: site.url(`/sematkan/${DATASET}/`), title: 'Grafik klaim', height: 300 });
    const page = await open(`<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>Another site</h1>${code}</body></html>`);
    const frame = page.frameLocator('iframe[data-rtw-sematan]');
    await expect.poll(() => frame.locator('h1').count(), { timeout: 15_000 }).toBe(1);
    expect(await frame.locator('h1').innerText()).toMatch(/Nominal klaim per program/);
    expect(await frame.locator('table data[value]').count()).toBeGreaterThan(0);
    expect(await frame.locator('.sumber').innerText()).toMatch(/Sumber: .+sha256:[0-9a-f]{12}/s);
    // The page inside is taller than 300px; its height report resizes the iframe to fit it.
    await expect.poll(async () => page.locator('iframe').evaluate((f) => (f as HTMLIFrameElement).style.height), { timeout: 15_000 }).toMatch(/^\d+px$/);
    const { styleHeight, docHeight } = await page.locator('iframe').evaluate(async (f) => {
      const el = f as HTMLIFrameElement;
      await new Promise((r) => setTimeout(r, 300));
      return { styleHeight: parseInt(el.style.height, 10), docHeight: el.getBoundingClientRect().height };
    });
    expect(styleHeight).toBeGreaterThan(300);
    expect(docHeight).toBe(styleHeight);
    const inner = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    expect(Math.abs(inner - styleHeight)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('a normal page refuses to be framed by another origin', async () => {
    const before = consoleLines.length;
    const page = await open(
      `<!doctype html><html lang="en"><head><title>Host</title></head><body><iframe id="biasa" title="x" src="${site.url(`/transparansi/${DATASET}/`)}"></iframe></body></html>`,
    );
    await page.waitForTimeout(1000);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    // Chromium replaces a refused frame with its error page: none of the site's content is there.
    // Chromium replaces a refused frame with its error page: none of the site's content is there.
    expect(frame!.url()).toMatch(/^chrome-error:/);
    expect(await page.frameLocator('#biasa').locator('table data[value]').count()).toBe(0);
    expect(consoleLines.slice(before).join('\n')).toMatch(/violates the following Content Security Policy directive: "frame-ancestors 'none'"/);
    await page.close();
  });
});

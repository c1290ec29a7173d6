/**
 * Search ranking with Pagefind's own API in the browser: the queries people ask find the right
 * page first, Indonesian stemming is in use, and figures are findable by branch and programme.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Server, closeBrowserAndSite, openBrowserAndSite } from './site.ts';

let browser: Browser;
let server: Server;
let page: Page;

/** The first `n` result URLs (relative to the base path) for a query. */
async function search(query: string, n = 3): Promise<string[]> {
  // A string, not a function: vitest would rewrite a dynamic import() inside a function.
  const script = `(async () => {
    const pagefind = await import(${JSON.stringify(`${server.base}pagefind/pagefind.js`)});
    const r = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(r.results.slice(0, ${n}).map(async (x) => (await x.data()).url));
  })()`;
  const urls = (await page.evaluate(script)) as string[];
  return urls.map((u) => `/${u.slice(server.base.length)}`);
}

beforeAll(async () => {
  ({ browser, server: server } = await openBrowserAndSite());
  page = await browser.newPage();
  await page.goto(server.url('/cari/'), { waitUntil: 'load' });
});

afterAll(async () => {
  await closeBrowserAndSite({ browser, server: server });
});

describe('search ranking', () => {
  it.each([
    ['pelatihan elektro', '/pelatihan/elektro/'],
    ['BPU', '/bpu/'],
    ['iuran', '/bpu/'],
    ['Return To Work', '/kemitraan/'],
    // The Pasuruan 2017 JHT dataset is about exactly that.
    ['JHT 2017', '/transparansi/pasuruan-2017-jht/'],
  ])('"%s" finds %s first', async (query, expected) => {
    expect((await search(query))[0]).toBe(expected);
  });

  it('stems Indonesian words (the pages are lang="id")', async () => {
    // "pelatihannya" (its training) and "pelatihan" share the stem "latih".
    expect(await search('pelatihannya', 5)).toContain('/pelatihan/elektro/');
  });

  it('finds a dataset page by its branch and a programme', async () => {
    expect(await search('Pasuruan JKK', 3)).toContain('/transparansi/pasuruan-2017-01-02/');
    expect(await search('JHT 2017', 5)).toContain('/transparansi/pasuruan-2017-01-02/');
  });

  it('finds an office page by the office name', async () => {
    expect(await search('Kantor Cabang Pasuruan', 3)).toContain('/transparansi/kantor/pasuruan/');
  });
});

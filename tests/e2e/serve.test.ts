/**
 * The test harness's own static server (tests/e2e/site.ts), without a browser: content
 * types, directory indexes, the 404 page, path traversal, and serving under a base path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDist, contentTypeFor, listPages, parseHeadersFile, serveDist, type Server } from './site.ts';

assertDist();

describe.each(['/', '/rtw-pasuruan/'])('serveDist under base %s', (base) => {
  let server: Server;
  beforeAll(async () => {
    server = await serveDist({ base });
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (pathname: string) => fetch(`${server.origin}${pathname}`, { redirect: 'manual' });

  it('serves every page as UTF-8 HTML', async () => {
    for (const route of listPages()) {
      const res = await fetch(server.url(route));
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type'), route).toBe('text/html; charset=utf-8');
      expect(await res.text(), route).toMatch(/^<!doctype html>/i);
    }
  });

  it('serves the 404 page with status 404 for unknown paths', async () => {
    const res = await fetch(server.url('/tidak-ada/'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toMatch(/<html\b/i);
  });

  it('redirects a directory without its trailing slash', async () => {
    const res = await get(`${base}bpu`);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`${base}bpu/`);
  });

  it('does not serve files outside dist/ or host configuration', async () => {
    expect((await get(`${base}..%2Fpackage.json`)).status).toBe(404);
    expect((await get(`${base}../package.json`)).status).not.toBe(200);
    expect((await get(`${base}_headers`)).status).toBe(404);
  });

  it.runIf(base !== '/')('serves nothing outside the base path', async () => {
    expect((await get('/bpu/')).status).toBe(404);
    const res = await get(base.slice(0, -1));
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(base);
  });
});

describe('helpers', () => {
  it('knows the content types a static site needs', () => {
    expect(contentTypeFor('a/pagefind.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('wasm.id.pagefind')).toBe('application/octet-stream');
    expect(contentTypeFor('pagefind.wasm')).toBe('application/wasm');
    expect(contentTypeFor('data/klaim.csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeFor('pagefind-entry.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('rss.xml')).toBe('application/xml; charset=utf-8');
    expect(contentTypeFor('favicon.svg')).toBe('image/svg+xml');
  });

  it('parses a _headers file', () => {
    const rules = parseHeadersFile('# comment\n/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: default-src \'self\'\n/data/:file\n  Cache-Control: no-cache\n');
    expect(rules).toHaveLength(2);
    expect(rules[0]!.pattern.test('/bpu/')).toBe(true);
    expect(rules[0]!.headers).toEqual([
      ['X-Content-Type-Options', 'nosniff'],
      ['Content-Security-Policy', "default-src 'self'"],
    ]);
    expect(rules[1]!.pattern.test('/data/klaim.csv')).toBe(true);
    expect(rules[1]!.pattern.test('/data/a/b.csv')).toBe(false);
  });
});

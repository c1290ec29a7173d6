/**
 * Every internal link and #anchor in the built site resolves: the target file exists in
 * dist/ and, for a fragment, the target page has an element with that id. Honours BASE_PATH.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlFileFor, listPages } from '../e2e/site.ts';

const base = `/${(process.env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const idCache = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
    idCache.set(file, ids);
  }
  return ids;
}

/** The dist/ file a site URL path points to, or null. */
function fileFor(urlPath: string): string | null {
  if (!urlPath.startsWith(base)) return null;
  const rel = decodeURIComponent(urlPath.slice(base.length));
  const file = path.join(DIST, ...rel.split('/').filter(Boolean));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, 'index.html');
  return existsSync(index) ? index : null;
}

describe('internal links and anchors', () => {
  const pages = listPages();

  it('every href and src resolves, and every #anchor exists on its page', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const route of pages) {
      const file = htmlFileFor(route);
      const html = readFileSync(file, 'utf8');
      const pageUrl = new URL(`http://site${base}${route.replace(/^\//, '')}`);
      for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
        const raw = (m[2] ?? '').replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|tel:|data:)/.test(raw) || raw.startsWith('//')) continue;
        const target = new URL(raw, pageUrl);
        if (target.host !== 'site') continue;
        checked++;
        const targetFile = fileFor(target.pathname);
        if (!targetFile) {
          broken.push(`${route}: ${m[1]}="${raw}" → ${target.pathname} does not exist`);
          continue;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (fragment && targetFile.endsWith('.html') && !idsOf(targetFile).has(fragment)) {
          broken.push(`${route}: ${m[1]}="${raw}" → no element with id="${fragment}"`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 5);
  });

  it('no id is used twice on a page', () => {
    const dupes: string[] = [];
    for (const route of pages) {
      const seen = new Set<string>();
      for (const m of readFileSync(htmlFileFor(route), 'utf8').matchAll(/\sid="([^"]+)"/g)) {
        const id = m[1] ?? '';
        if (seen.has(id)) dupes.push(`${route}: #${id}`);
        seen.add(id);
      }
    }
    expect(dupes).toEqual([]);
  });
});

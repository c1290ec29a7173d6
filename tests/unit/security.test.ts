/**
 * Security checks over the sources: the CSP in public/_headers is the one the code defines,
 * and no data from a CSV or frontmatter reaches set:html / innerHTML (allow-list below).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHeader, headersFile, SECURITY_HEADERS } from '../../src/lib/csp.ts';
import { checkContent, checkContentTree } from '../../src/lib/content-check.ts';

function* files(dir: string, pattern: RegExp): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full, pattern);
    else if (pattern.test(entry.name)) yield full;
  }
}

/**
 * Reviewed uses: JsonLd.astro serialises with jsonForScript, which escapes <, > and &,
 * so no value can end the script element (tests/unit/transparency.test.ts pins this).
 */
const ALLOWED_RAW_HTML = new Map([
  ['src/components/JsonLd.astro', 1],
  // The content check names set:html in its documentation and messages: it refuses it.
  ['src/lib/content-check.ts', 4],
]);

describe('raw HTML sinks', () => {
  it('only the reviewed places in src/ use set:html, innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    const found = new Map<string, number>();
    for (const file of files('src', /\.(astro|ts|mdx?)$/)) {
      const text = readFileSync(file, 'utf8');
      const hits = text.match(/set:html|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/g);
      if (hits) found.set(file.split('\\').join('/'), hits.length);
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(ALLOWED_RAW_HTML));
  });

  it('content/ is parsed with the MDX parser Astro uses and carries no code, raw HTML or unsafe link', () => {
    const result = checkContentTree(process.cwd());
    expect(result.files).toBeGreaterThan(0);
    expect(result.diagnostics).toEqual([]);
  });

  it('the parser sees sinks that text patterns miss (a computed name in a spread, entities, a second import)', () => {
    const fm = '---\njudul: A\nringkasan: Halaman uji untuk pemeriksaan keamanan konten.\nsumber:\n  - judul: B\nterakhir_ditinjau: 2026-11-28\n---\n\n';
    const rules = (body: string) => checkContent('content/halaman/uji.mdx', fm + body).map((d) => d.rule);
    expect(rules("<div {...{ ['set:' + 'html']: '<img src=x onerror=alert(1)>' }} />\n")).toEqual(['mdx-spread']);
    expect(rules('<a href="&#106;avascript:alert(1)">a</a>\n')).toEqual(['tautan']);
    expect(rules('<meta http-equiv="refresh" content="0;url=/x" />\n')).toEqual(['mdx-elemen']);
    expect(rules('import a from "./a.astro";import{b}from"b"\n')).toEqual(['mdx-esm', 'mdx-esm']);
  });
});

describe('Content Security Policy', () => {
  it('public/_headers carries the policy the code defines', () => {
    expect(readFileSync('public/_headers', 'utf8')).toBe(headersFile());
  });
  it('allows no inline script or eval, and no other origin', () => {
    const csp = cspHeader();
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'|\*|https?:/);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

/**
 * Security checks over the sources: the CSP in public/_headers is the one the code defines,
 * and no data from a CSV or frontmatter reaches set:html / innerHTML (allow-list below).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHeader, headersFile, SECURITY_HEADERS } from '../src/lib/csp.ts';

function* files(dir: string, pattern: RegExp): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full, pattern);
    else if (pattern.test(entry.name)) yield full;
  }
}

/**
 * Reviewed uses: JsonLd.astro serialises with jsonForScript, which escapes <, > and &,
 * so no value can end the script element (tests/transparency.test.ts pins this).
 */
const ALLOWED_RAW_HTML = new Map([['src/components/JsonLd.astro', 1]]);

describe('raw HTML sinks', () => {
  it('only the reviewed places use set:html, innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    const found = new Map<string, number>();
    for (const file of [...files('src', /\.(astro|ts|mdx?)$/), ...files('content', /\.mdx?$/)]) {
      const text = readFileSync(file, 'utf8');
      const hits = text.match(/set:html|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/g);
      if (hits) found.set(file.split('\\').join('/'), hits.length);
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(ALLOWED_RAW_HTML));
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

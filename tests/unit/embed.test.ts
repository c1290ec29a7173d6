/** Embed pages: paths, the copied iframe code, the height message, and the framing policy per path. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHeadersFile } from '../../scripts/serve-dist.ts';
import { cspHeader, EMBED_HEADERS, headersFile, SECURITY_HEADERS } from '../../src/lib/csp.ts';
import { EMBED_MESSAGE, embedHeight, embedPath, iframeCode } from '../../src/lib/embed.ts';

describe('embed helpers', () => {
  it('embed paths', () => {
    expect(embedPath('pasuruan-2017-01-02')).toBe('/sematkan/pasuruan-2017-01-02/');
    expect(() => embedPath('../x')).toThrow(/dataset id/);
  });
  it('height messages are checked and clamped', () => {
    expect(embedHeight({ type: EMBED_MESSAGE, height: 812.4 })).toBe(813);
    expect(embedHeight({ type: EMBED_MESSAGE, height: 5 })).toBe(100);
    expect(embedHeight({ type: EMBED_MESSAGE, height: 1e9 })).toBe(10000);
    expect(embedHeight({ type: 'other', height: 800 })).toBeNull();
    expect(embedHeight({ type: EMBED_MESSAGE, height: 'x' })).toBeNull();
    expect(embedHeight(null)).toBeNull();
  });
  it('iframe code: escaped attributes, listener bound to the embed origin and its own iframe', () => {
    const code = iframeCode({ src: 'https://contoh.id/sematkan/a-1/', title: 'Klaim "A" & <B>', height: 720 });
    expect(code).toContain('<iframe src="https://contoh.id/sematkan/a-1/" title="Klaim &quot;A&quot; &amp; &lt;B&gt;" width="100%" height="720"');
    expect(code).toContain('e.origin!=="https://contoh.id"');
    expect(code).toContain(`"${EMBED_MESSAGE}"`);
    expect(code).toContain('f.contentWindow===e.source');
    expect(() => iframeCode({ src: 'javascript:alert(1)', title: 'x', height: 1 })).toThrow(/http/);
  });
});

describe('framing policy', () => {
  const rules = parseHeadersFile(headersFile());
  /** Headers a static host applies to a path (rules in order, later ones override or detach). */
  const headersFor = (p: string) => {
    const h: Record<string, string> = {};
    for (const r of rules.filter((x) => x.pattern.test(p))) {
      for (const d of r.detach) delete h[d];
      for (const [k, v] of r.headers) h[k] = v;
    }
    return h;
  };
  it('only /sematkan/* may be framed by any site; every other page keeps frame-ancestors none and X-Frame-Options DENY', () => {
    const embed = headersFor('/sematkan/pasuruan-2017-01-02/');
    expect(embed['Content-Security-Policy']).toBe(EMBED_HEADERS['Content-Security-Policy']);
    expect(embed['Content-Security-Policy']).toMatch(/frame-ancestors \*$/);
    expect(embed['X-Frame-Options']).toBeUndefined();
    expect(embed['X-Content-Type-Options']).toBe('nosniff');
    for (const p of ['/', '/transparansi/pasuruan-2017-01-02/', '/sematkan', '/data/sematkan/x']) {
      const h = headersFor(p);
      expect(h['Content-Security-Policy'], p).toBe(cspHeader());
      expect(h['Content-Security-Policy'], p).toContain("frame-ancestors 'none'");
      expect(h['X-Frame-Options'], p).toBe('DENY');
    }
  });
  it('the embed policy differs from the site policy only in frame-ancestors', () => {
    expect(EMBED_HEADERS['Content-Security-Policy']!.replace('frame-ancestors *', "frame-ancestors 'none'")).toBe(SECURITY_HEADERS['Content-Security-Policy']);
  });
  it('public/_headers carries it (detach lines included)', () => {
    const text = readFileSync('public/_headers', 'utf8');
    expect(text).toBe(headersFile());
    expect(text).toMatch(/^\/sematkan\/\*\n {2}! Content-Security-Policy\n {2}! X-Frame-Options\n/m);
  });
});

import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '../../src/lib/site.ts';

describe('absoluteUrl', () => {
  it('joins the site, the base path and a page path', () => {
    expect(absoluteUrl(new URL('https://example.org'), '/', '/transparansi/')).toBe('https://example.org/transparansi/');
    expect(absoluteUrl(new URL('https://example.org'), '/rtw-pasuruan/', '/data/klaim.csv')).toBe('https://example.org/rtw-pasuruan/data/klaim.csv');
  });
  it('refuses to guess when no site is configured', () => {
    expect(() => absoluteUrl(undefined, '/', '/')).toThrow(/SITE_URL/);
  });
});

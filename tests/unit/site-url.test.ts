import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, resolveSiteUrl, SiteUrlError } from '../../src/lib/site-url.ts';
import { runNode } from '../helpers/project.ts';

describe('resolveSiteUrl', () => {
  it('falls back to localhost with a notice when SITE_URL is unset', () => {
    const r = resolveSiteUrl({});
    expect(r.site).toBe(DEFAULT_SITE_URL);
    expect(r.notice).toMatch(/SITE_URL is not set.*point to http:\/\/localhost:4321/);
  });
  it('is required when RTW_REQUIRE_SITE_URL=1', () => {
    expect(() => resolveSiteUrl({ RTW_REQUIRE_SITE_URL: '1' })).toThrow(SiteUrlError);
    expect(() => resolveSiteUrl({ RTW_REQUIRE_SITE_URL: '1', SITE_URL: ' ' })).toThrow(/SITE_URL is required/);
    expect(resolveSiteUrl({ RTW_REQUIRE_SITE_URL: '1', SITE_URL: 'https://owner.github.io' })).toEqual({ site: 'https://owner.github.io' });
  });
  it('refuses addresses that are not an http(s) origin', () => {
    expect(() => resolveSiteUrl({ SITE_URL: 'owner.github.io' })).toThrow(/full address/);
    expect(() => resolveSiteUrl({ SITE_URL: 'javascript:alert(1)' })).toThrow(/https/);
    expect(() => resolveSiteUrl({ SITE_URL: 'https://a:b@example.org' })).toThrow(/origin only/);
    expect(resolveSiteUrl({ SITE_URL: 'https://example.org/' }).site).toBe('https://example.org');
    expect(() => resolveSiteUrl({ SITE_URL: 'https://owner.github.io/repo/' })).toThrow(/BASE_PATH/);
  });
  it('astro.config.mjs applies it: a required but missing SITE_URL fails before anything is built', () => {
    const r = runNode(['-e', "import('./astro.config.mjs').then(() => console.log('loaded'))"], { env: { RTW_REQUIRE_SITE_URL: '1', SITE_URL: '' } });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('SITE_URL is required for this build');
    expect(runNode(['-e', "import('./astro.config.mjs').then(() => console.log('loaded'))"], { env: { SITE_URL: 'https://example.org' } }).output).toContain('loaded');
  });
});

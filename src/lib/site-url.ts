/**
 * The public origin the site is built for (SITE_URL), read by astro.config.mjs. Canonical URLs,
 * the sitemap, RSS and citations are absolute, so a deploy built without it would point every
 * one of them at localhost: with `RTW_REQUIRE_SITE_URL=1` (set by the deploy workflow) a missing
 * SITE_URL stops the build; otherwise the build says plainly that links point to localhost.
 */

type Env = Record<string, string | undefined>;

export const DEFAULT_SITE_URL = 'http://localhost:4321';

export interface SiteUrl {
  site: string;
  /** A line to print when the build falls back to localhost. */
  notice?: string;
}

/** Thrown when SITE_URL is required but missing, or set but unusable. */
export class SiteUrlError extends Error {
  override name = 'SiteUrlError';
}

export function resolveSiteUrl(env: Env): SiteUrl {
  const raw = (env['SITE_URL'] ?? '').trim();
  const required = ['1', 'true', 'yes'].includes((env['RTW_REQUIRE_SITE_URL'] ?? '').trim().toLowerCase());
  if (raw === '') {
    if (required) {
      throw new SiteUrlError(
        'SITE_URL is required for this build (RTW_REQUIRE_SITE_URL=1) but is not set: set it to the public origin, e.g. SITE_URL=https://owner.github.io',
      );
    }
    return {
      site: DEFAULT_SITE_URL,
      notice: `notice: SITE_URL is not set, so canonical links, the sitemap, RSS and citations in this build point to ${DEFAULT_SITE_URL}; set SITE_URL=https://… for a build you publish`,
    };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SiteUrlError(`SITE_URL must be a full address such as https://example.org, got ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SiteUrlError(`SITE_URL must start with https:// (got ${JSON.stringify(url.protocol)})`);
  if (url.username || url.password || url.search || url.hash) throw new SiteUrlError('SITE_URL must be an origin only (no user, query or fragment)');
  if (url.pathname !== '/') throw new SiteUrlError(`SITE_URL must be the origin only, such as https://owner.github.io; put the sub-path ${JSON.stringify(url.pathname)} in BASE_PATH`);
  return { site: url.origin };
}

/**
 * How a page writes a root-relative route: as a link under the site's base path (`href`) or as
 * an absolute URL for citations, JSON-LD and embeds (`absolute`).
 */
import { withBase } from '../paths.ts';
import { absoluteUrl } from '../site.ts';

export interface PageUrls {
  /** The base path the site is served under (`import.meta.env.BASE_URL`). */
  base: string;
  /** A route as a link on the site: `/transparansi/` → `/rtw/transparansi/` under base `/rtw/`. */
  href(path: string): string;
  /** A route as an absolute URL on the public origin. */
  absolute(path: string): string;
}

/** @param site `Astro.site` (from SITE_URL) @param base `import.meta.env.BASE_URL` */
export function pageUrls(site: URL | undefined, base: string): PageUrls {
  return {
    base,
    href: (path) => withBase(base, path),
    absolute: (path) => absoluteUrl(site, base, path),
  };
}

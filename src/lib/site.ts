/**
 * Who publishes the site, as used in citations and structured data, and absolute URLs.
 */
import { withBase } from './paths.ts';
import { STRINGS } from './strings.ts';

export const PENERBIT = STRINGS['site.nama'];

/** Absolute URL of a root-relative site path, honouring the base path. */
export function absoluteUrl(site: URL | undefined, base: string, path: string): string {
  if (!site) throw new Error('astro.config.mjs must set "site" (SITE_URL) for absolute URLs in citations and JSON-LD');
  return new URL(withBase(base, path), site).href;
}

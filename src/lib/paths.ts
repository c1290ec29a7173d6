/**
 * Site-internal URLs. The site may be served at a domain's root or under a base path
 * (for example /rtw-pasuruan/), so every internal link goes through `withBase`.
 */

/**
 * Prefix a root-relative path with the site's base path.
 * @param base the configured base (`import.meta.env.BASE_URL`), with or without trailing slash
 * @param path a root-relative path such as `/bpu/` or `/data/klaim.csv`; external URLs and
 *   fragments (`#jht`) are returned unchanged
 */
export function withBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${path}`;
}

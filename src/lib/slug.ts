/**
 * The one slug function of the project: URL segments of office pages, figure anchors and
 * synthetic office ids all follow it.
 */

/**
 * Lower-case ASCII slug: accents dropped, anything else between letters/digits becomes one
 * `-`, no dash at either end: `slugify('Café (Pandaan)')` → `cafe-pandaan`.
 * @param fallback returned when the text has no letters or digits (default `''`, which callers
 *   that need a slug must check)
 */
export function slugify(text: string, fallback = ''): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? fallback : slug;
}

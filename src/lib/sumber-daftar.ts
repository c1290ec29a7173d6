/**
 * Sources and review date of a list page (/pelatihan/, /berita/, /cari/), built from the
 * frontmatter of the entries it lists, so a list never shows a fact without its source.
 */

/** A source as written in frontmatter (see src/content.config.ts). */
export interface SumberEntri {
  judul: string;
  penerbit?: string | undefined;
  url?: string | undefined;
  tanggal?: Date | undefined;
  keyakinan?: 'V' | 'M' | 'U' | undefined;
}

/**
 * The sources of several entries, each once, in order of first appearance. Two sources are the
 * same when they share a URL, or, without URLs, a title.
 */
export function gabungSumber<T extends SumberEntri>(daftar: readonly (readonly T[])[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const list of daftar) {
    for (const s of list) {
      const key = s.url ? `url:${s.url}` : `judul:${s.judul}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}

/**
 * The review date of a list: the oldest review date of its entries (the list is only as
 * current as its least recently reviewed entry). null for an empty list.
 */
export function tinjauanTertua(tanggal: readonly Date[]): Date | null {
  if (tanggal.length === 0) return null;
  return new Date(Math.min(...tanggal.map((d) => d.getTime())));
}

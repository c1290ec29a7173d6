/**
 * News ordering and dating. A news item may have no known publication date
 * (`tanggal`); it then sorts by `tanggal_urut` and is shown with `keterangan_tanggal`.
 */

export interface BeritaTanggal {
  tanggal?: Date | undefined;
  tanggal_urut: Date;
}

/** The date used to order an item: its publication date if known, else its sort date. */
export function tanggalUrut(b: BeritaTanggal): Date {
  return b.tanggal ?? b.tanggal_urut;
}

/** Newest first; ties broken by id so the order is stable across builds. */
export function urutkanBerita<T extends { id: string; data: BeritaTanggal }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => tanggalUrut(b.data).getTime() - tanggalUrut(a.data).getTime() || a.id.localeCompare(b.id),
  );
}

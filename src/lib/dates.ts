/**
 * Dates written the Indonesian way ("28 Februari 2017"). All dates are calendar dates:
 * they are formatted in UTC so the build machine's time zone never shifts a day.
 */

const BULAN = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

/** Parse a strict ISO calendar date `YYYY-MM-DD`; returns null for anything else or a day that does not exist. */
export function parseIsoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

function asDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const parsed = parseIsoDate(value);
  if (!parsed) throw new Error(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return parsed;
}

/** `2017-02-28` → `28 Februari 2017`. */
export function formatTanggal(value: Date | string): string {
  const d = asDate(value);
  return `${d.getUTCDate()} ${BULAN[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `2017-02` style month → `Februari 2017`. */
export function formatBulan(value: Date | string): string {
  const d = asDate(value);
  return `${BULAN[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * A period in words: `1 Januari – 28 Februari 2017`; the year is written once when both
 * ends share it, and a single day is written once.
 */
export function formatPeriode(awal: Date | string, akhir: Date | string): string {
  const a = asDate(awal);
  const b = asDate(akhir);
  if (a.getTime() === b.getTime()) return formatTanggal(a);
  if (a.getUTCFullYear() === b.getUTCFullYear()) {
    if (a.getUTCMonth() === b.getUTCMonth()) {
      return `${a.getUTCDate()}–${formatTanggal(b)}`;
    }
    return `${a.getUTCDate()} ${BULAN[a.getUTCMonth()]} – ${formatTanggal(b)}`;
  }
  return `${formatTanggal(a)} – ${formatTanggal(b)}`;
}

/** Machine-readable date for `<time datetime>` and JSON-LD: `YYYY-MM-DD`. */
export function isoDate(value: Date | string): string {
  return asDate(value).toISOString().slice(0, 10);
}

/**
 * A period as a short label: a whole calendar month is `Januari 2023`, a whole year is
 * `2023`, anything else is written out (`1 Januari – 28 Februari 2017`).
 */
export function labelPeriode(awal: Date | string, akhir: Date | string): string {
  const a = asDate(awal);
  const b = asDate(akhir);
  const nextDay = new Date(b.getTime() + 86_400_000);
  const startsMonth = a.getUTCDate() === 1;
  const endsMonth = nextDay.getUTCDate() === 1;
  if (startsMonth && endsMonth && a.getUTCFullYear() === b.getUTCFullYear()) {
    if (a.getUTCMonth() === b.getUTCMonth()) return formatBulan(a);
    if (a.getUTCMonth() === 0 && b.getUTCMonth() === 11) return String(a.getUTCFullYear());
  }
  return formatPeriode(a, b);
}

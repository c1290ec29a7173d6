/**
 * Wording of data history for pages and the feed (plain Indonesian), as pure functions.
 */
import { formatCount, formatRupiah } from '../rupiah.ts';
import { formatTanggal } from '../dates.ts';
import type { FigureKind } from './adapter.ts';
import type { ChangeKind, FigureChange, MetaChange } from './changes.ts';
import type { Change } from './index.ts';

/** A figure value for display; null is "tidak ada" (not stated, not reported or absent), never 0. */
export function formatFigure(kind: FigureKind, value: string | null): string {
  if (value === null) return 'tidak ada';
  if (kind === 'rupiah') return formatRupiah(value);
  if (kind === 'count') return formatCount(value);
  return value;
}

/** "menurut sumber" / "hasil hitung". */
export function asLabel(as: FigureChange['as']): string {
  return as === 'stated' ? 'menurut sumber' : 'hasil hitung';
}

/** Label of a change kind. */
export function kindLabel(kind: ChangeKind): string {
  return kind === 'koreksi' ? 'Koreksi' : kind === 'baru' ? 'Data baru' : 'Perubahan';
}

/** One line per changed figure: "JHT (nominal), hasil hitung: Rp1 → Rp2". */
export function figureLine(c: FigureChange): string {
  return `${c.label}, ${asLabel(c.as)}: ${formatFigure(c.kind, c.old)} → ${formatFigure(c.kind, c.new)}`;
}

/** One line per metadata change. */
export function metaLine(c: MetaChange): string {
  return `${c.label}: ${c.old ?? 'kosong'} → ${c.new ?? 'kosong'}`;
}

/** What the history says about a version's figures when they were not compared. */
export function notComparedText(change: Pick<Change, 'kind' | 'readable' | 'compared' | 'previousReadable'>): string | null {
  if (change.compared) return null;
  if (!change.readable) {
    return 'Angka versi ini tidak dapat dibaca dengan format data yang berlaku sekarang (format lama), jadi tidak dibandingkan. Berkas aslinya tetap dapat diunduh.';
  }
  if (change.kind === 'baru') return 'Versi pertama data ini.';
  if (change.previousReadable === false) {
    return 'Versi sebelumnya memakai format lama yang tidak dapat dibaca sekarang, jadi angkanya tidak dibandingkan.';
  }
  return null;
}

/** The reason shown for a change: the `Alasan:` line, else the commit subject. */
export function reasonText(change: Pick<Change, 'reason' | 'subject'>): string {
  return change.reason ?? change.subject;
}

/** Label before {@link reasonText}: "Alasan" when given, else it says the subject stands in for it. */
export function reasonLabel(change: Pick<Change, 'reason'>): string {
  return change.reason !== null ? 'Alasan' : 'Alasan tidak ditulis; catatan teknis perubahan';
}

const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

/** A one-paragraph plain-text summary of a change (feed entries, page summaries). */
export function changeSummary(change: Change): string {
  const parts = [`${kindLabel(change.kind)} pada ${formatTanggal(change.day)} (commit ${change.short}).`, sentence(`${reasonLabel(change)}: ${reasonText(change)}`)];
  const lines = change.figures.map(figureLine).concat(change.meta.map(metaLine));
  if (lines.length > 0) parts.push(`${lines.join('; ')}.`);
  else if (change.compared) parts.push('Tidak ada angka atau keterangan utama yang berubah.');
  const note = notComparedText(change);
  if (note !== null && change.kind !== 'baru') parts.push(note);
  return parts.join(' ');
}

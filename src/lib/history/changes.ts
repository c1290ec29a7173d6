/**
 * Pure logic of data history: merging a dataset's file logs into versions, reading the
 * reason of a change from its commit message, and comparing the figures and metadata of
 * consecutive versions. No git, no file system.
 *
 * Reason convention (documented for editors in PANDUAN-EDITOR.md): a line of the commit
 * message starting with `Alasan:` gives the reason; following non-empty lines continue it,
 * up to the first empty line. Without such a line the commit's subject (first line) is shown.
 */
import type { Figure, FigureKind, MetaField } from './adapter.ts';
import type { LogEntry } from './git.ts';

/** The state of a dataset's two files after one commit. */
export interface VersionState {
  commit: string;
  time: number;
  date: string;
  message: string;
  /** Blob of the CSV after the commit; null when it did not exist (yet) or was deleted. */
  csvBlob: string | null;
  csvPath: string | null;
  metaBlob: string | null;
  metaPath: string | null;
}

/**
 * Merges the logs of a dataset's CSV and metadata (each newest first, as git prints them)
 * into one state per commit, oldest first: a commit that touched only one file keeps the
 * other file's blob from the latest earlier commit. Commits are ordered by committer time;
 * ties keep git's order (CSV log first).
 */
export function mergeLogs(csvLog: readonly LogEntry[], metaLog: readonly LogEntry[]): VersionState[] {
  type Ev = { e: LogEntry; file: 'csv' | 'meta'; rank: number };
  const events: Ev[] = [
    ...csvLog.map((e, i) => ({ e, file: 'csv' as const, rank: csvLog.length - i })),
    ...metaLog.map((e, i) => ({ e, file: 'meta' as const, rank: metaLog.length - i + 0.5 })),
  ];
  const byCommit = new Map<string, { time: number; rank: number; evs: Ev[] }>();
  for (const ev of events) {
    const g = byCommit.get(ev.e.commit);
    if (g) {
      g.evs.push(ev);
      g.rank = Math.min(g.rank, ev.rank);
    } else byCommit.set(ev.e.commit, { time: ev.e.time, rank: ev.rank, evs: [ev] });
  }
  const commits = [...byCommit.values()].sort((a, b) => a.time - b.time || a.rank - b.rank);
  const states: VersionState[] = [];
  let csvBlob: string | null = null;
  let csvPath: string | null = null;
  let metaBlob: string | null = null;
  let metaPath: string | null = null;
  for (const g of commits) {
    for (const ev of g.evs) {
      if (ev.file === 'csv') {
        csvBlob = ev.e.blob;
        csvPath = ev.e.path;
      } else {
        metaBlob = ev.e.blob;
        metaPath = ev.e.path;
      }
    }
    const e = g.evs[0]!.e;
    states.push({ commit: e.commit, time: e.time, date: e.date, message: e.message, csvBlob, csvPath, metaBlob, metaPath });
  }
  return states;
}

/** Subject (first line) and the `Alasan:` reason of a commit message (null when none is given). */
export function parseReason(message: string): { subject: string; reason: string | null } {
  const lines = message.replace(/\r\n?/g, '\n').split('\n');
  const subject = (lines[0] ?? '').trim();
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*alasan\s*:\s*(.*)$/i.exec(lines[i]!);
    if (!m) continue;
    const parts = [m[1]!.trim()];
    for (let j = i + 1; j < lines.length && lines[j]!.trim() !== ''; j++) parts.push(lines[j]!.trim());
    const reason = parts.filter((p) => p !== '').join(' ');
    return { subject, reason: reason === '' ? null : reason };
  }
  return { subject, reason: null };
}

/** A figure value that changed between two versions (null = not stated / unknown / absent). */
export interface FigureChange {
  key: string;
  label: string;
  kind: FigureKind;
  /** Which value changed: as the source stated it, or as computed from the rows. */
  as: 'stated' | 'computed';
  old: string | null;
  new: string | null;
}

/** A metadata field that changed. */
export interface MetaChange {
  key: string;
  label: string;
  old: string | null;
  new: string | null;
}

/** Exact comparison of two values of the same kind (amounts as exact decimals: "5000.50" equals "5000.5"). */
export function sameValue(kind: FigureKind, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (kind === 'text') return a === b;
  return canonical(a) === canonical(b);
}

function canonical(v: string): string {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(v.trim());
  if (!m) return v;
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac === '' ? int : `${int}.${frac}`;
}

/** Figure changes from `before` to `after`, in `after`'s order then figures only in `before`. */
export function diffFigures(before: ReadonlyMap<string, Figure>, after: ReadonlyMap<string, Figure>): FigureChange[] {
  const out: FigureChange[] = [];
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    const f = (b ?? a)!;
    for (const as of ['stated', 'computed'] as const) {
      const old = a ? a[as] : null;
      const now = b ? b[as] : null;
      if (!sameValue(f.kind, old, now)) out.push({ key, label: f.label, kind: f.kind, as, old, new: now });
    }
  }
  return out;
}

/** Metadata changes from `before` to `after`. */
export function diffMeta(before: ReadonlyMap<string, MetaField>, after: ReadonlyMap<string, MetaField>): MetaChange[] {
  const out: MetaChange[] = [];
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    const old = a?.value ?? null;
    const now = b?.value ?? null;
    if (old !== now) out.push({ key, label: (b ?? a)!.label, old, new: now });
  }
  return out;
}

/**
 * A correction ("koreksi") alters a published figure: a value that was stated or computed
 * (not null) in the previous version is different or gone. A figure appearing where there
 * was none (e.g. a case count now reported) is a change, not a correction.
 */
export function isCorrection(changes: readonly FigureChange[]): boolean {
  return changes.some((c) => c.old !== null);
}

/** What checking a version gave, in plain shapes (see adapter.ts). */
export type VersionResult =
  | { ok: true; figures: Map<string, Figure>; meta: Map<string, MetaField> }
  | { ok: false; errors: string[] };

/** Kind of a change: first version, correction of a published figure, or another change. */
export type ChangeKind = 'baru' | 'koreksi' | 'perubahan';

/** How a change compares with the version before it. */
export interface Comparison {
  kind: ChangeKind;
  /** Both versions pass the current check, so figures and metadata were compared. */
  compared: boolean;
  figures: FigureChange[];
  meta: MetaChange[];
}

/** Compares a version with the one before it (null for the first version). */
export function compareVersions(before: VersionResult | null, after: VersionResult): Comparison {
  if (before === null) return { kind: 'baru', compared: false, figures: [], meta: [] };
  if (!before.ok || !after.ok) return { kind: 'perubahan', compared: false, figures: [], meta: [] };
  const figures = diffFigures(before.figures, after.figures);
  const meta = diffMeta(before.meta, after.meta);
  return { kind: isCorrection(figures) ? 'koreksi' : 'perubahan', compared: true, figures, meta };
}

/**
 * Where problems are: the lines of duplicate and overlapping periods (a second pass that keeps
 * only the lines asked for), the text of the lines of problems, and the column of a field.
 */
import type { CsvSource } from './source.ts';
import type { Diagnostic } from './diagnostics.ts';
import { t } from './diagnostics.ts';
import { dayToIso } from './dates.ts';
import { MAX_DIAGNOSTICS_PER_FILE, PROGRAMS, safeMessage } from './csv-format.ts';
import { checkChunk, type CheckContext, type ChunkResult, type ComboAggregate, type Pending } from './chunk-check.ts';
import { findConflicts, keyEnd, keyStart } from './period-keys.ts';

/** Adds a problem to a result as the checker does: counted always, listed up to the limit. */
export function addProblem(r: ChunkResult, p: Pending): void {
  if (p.severity === 'error') r.errorCount++;
  else r.warningCount++;
  if (r.pending.length < MAX_DIAGNOSTICS_PER_FILE) r.pending.push({ ...p, message: { id: safeMessage(p.message.id), en: safeMessage(p.message.en) } });
}

interface Conflict { combo: ComboAggregate; comboKey: number; a: number; b: number; count: number }

const period = (key: number): string => `${dayToIso(keyStart(key))}..${dayToIso(keyEnd(key))}`;

/**
 * Duplicate rows and overlapping periods inside one file (same office and programme): found
 * from the period keys of `r`, their lines from a second pass over `source`, added to `r`.
 */
export async function reportConflicts(source: CsvSource, ctx: CheckContext, r: ChunkResult): Promise<void> {
  const conflicts: Conflict[] = [];
  for (const [comboKey, combo] of r.combos) {
    findConflicts(combo.keys, (a, b, count) => {
      if (conflicts.length < MAX_DIAGNOSTICS_PER_FILE * 2) conflicts.push({ combo, comboKey, a, b, count });
      else r.errorCount += count - 1 || 1;
    });
  }
  if (conflicts.length === 0) return;
  const wanted = new Map<number, Set<number>>();
  for (const c of conflicts) {
    let set = wanted.get(c.comboKey);
    if (set === undefined) wanted.set(c.comboKey, (set = new Set()));
    set.add(c.a);
    set.add(c.b);
  }
  const again = await checkChunk(source.open(), source.path, { context: ctx, locate: wanted });
  const linesOf = (comboKey: number, key: number): number[] => again.located.get(comboKey)?.get(key) ?? [];
  for (const c of conflicts) {
    const branch = ctx.branchNames[c.combo.branchId]!;
    const prog = PROGRAMS[c.combo.program]!;
    if (c.a === c.b) {
      const lines = linesOf(c.comboKey, c.a);
      const first = lines[0] ?? 0;
      for (let n = 1; n < c.count; n++) {
        addProblem(r, { line: lines[n] ?? first, field: -1, severity: 'error', rule: 'row.duplicate',
          message: t(`baris ganda: ${branch} ${prog} ${period(c.a)} sudah ada di baris ${first}; hapus salah satu dari kedua baris itu (atau jumlahkan bila keduanya bagian dari satu total)`,
            `duplicate row: ${branch} ${prog} ${period(c.a)} is already on line ${first}; remove one of the two rows (or add them up if they are parts of one total)`) });
      }
    } else {
      const la = linesOf(c.comboKey, c.a)[0] ?? 0;
      const lb = linesOf(c.comboKey, c.b)[0] ?? 0;
      const [laterKey, laterLine, earlierKey, earlierLine] = la > lb ? [c.a, la, c.b, lb] : [c.b, lb, c.a, la];
      addProblem(r, { line: laterLine, field: -1, severity: 'error', rule: 'period.overlap',
        message: t(`periode ${period(laterKey)} untuk ${branch} ${prog} tumpang tindih dengan ${period(earlierKey)} di baris ${earlierLine}, sehingga klaim akan terhitung dua kali; ubah periodenya agar tidak tumpang tindih`,
          `period ${period(laterKey)} for ${branch} ${prog} overlaps ${period(earlierKey)} on line ${earlierLine}, so claims would be counted twice; make the periods not overlap`) });
    }
  }
}

/** Diagnostics with their columns (read from the lines concerned), sorted by line and column. */
export async function resolvePending(source: CsvSource, pending: Pending[]): Promise<Diagnostic[]> {
  const wanted = new Set<number>();
  for (const p of pending) if (p.field >= 0) wanted.add(p.line);
  const texts = wanted.size > 0 ? await readLines(source, wanted) : new Map<number, string>();
  const out: Diagnostic[] = pending.map((p) => {
    const text = texts.get(p.line);
    const column = p.field >= 0 && text !== undefined ? fieldColumn(text, p.field) : 1;
    return { path: source.path, line: p.line, column, severity: p.severity, rule: p.rule, message: p.message };
  });
  out.sort((a, b) => a.line - b.line || a.column - b.column);
  return out;
}

/**
 * Reads the text of the given physical lines (1-based; CRLF, LF and CR end a
 * line; a leading BOM is dropped), streaming, without holding other lines.
 */
export async function readLines(source: CsvSource, wanted: ReadonlySet<number>): Promise<Map<number, string>> {
  const LINE_CAP = 8192;
  const out = new Map<number, string>();
  let last = 0;
  for (const n of wanted) if (n > last) last = n;
  let line = 1;
  let parts: Buffer[] = [];
  /** Bytes kept of the current line: only its start is needed to find a column. */
  let kept = 0;
  let prevCR = false;
  let first = true;
  const stream = source.open();
  try {
    for await (const chunk of stream) {
      let buf = chunk as Buffer;
      if (first) {
        first = false;
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      }
      let from = 0;
      for (let i = 0; i < buf.length; i++) {
        const c = buf[i];
        if (c !== 10 && c !== 13) {
          prevCR = false;
          continue;
        }
        if (c === 10 && prevCR) {
          prevCR = false;
          from = i + 1;
          continue;
        }
        if (wanted.has(line)) {
          if (kept < LINE_CAP) parts.push(buf.subarray(from, Math.min(i, from + LINE_CAP - kept)));
          out.set(line, Buffer.concat(parts).toString('utf8'));
        }
        parts = [];
        kept = 0;
        line++;
        prevCR = c === 13;
        from = i + 1;
        if (line > last) return out;
      }
      if (wanted.has(line) && kept < LINE_CAP) {
        const piece = Buffer.from(buf.subarray(from, Math.min(buf.length, from + LINE_CAP - kept)));
        parts.push(piece);
        kept += piece.length;
      }
    }
    if (wanted.has(line)) out.set(line, Buffer.concat(parts).toString('utf8'));
    return out;
  } finally {
    stream.destroy();
  }
}

/** Column (1-based, in code points) where field `field` of a CSV line starts. */
export function fieldColumn(line: string, field: number): number {
  const chars = Array.from(line);
  let i = 0;
  for (let f = 0; f < field; f++) {
    if (i >= chars.length) return chars.length + 1;
    if (chars[i] === '"') {
      i++;
      while (i < chars.length) {
        if (chars[i] === '"') {
          if (chars[i + 1] === '"') i += 2;
          else { i++; break; }
        } else i++;
      }
    }
    while (i < chars.length && chars[i] !== ',') i++;
    if (i >= chars.length) return chars.length + 1;
    i++;
  }
  return i + 1;
}

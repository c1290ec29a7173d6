import type { RuleId } from './rules.ts';

/**
 * One problem found in a data file, printed as
 * `PATH:LINE:COLUMN: error: MESSAGE` (or `warning:`). Lines and columns are
 * 1-based; columns count characters (Unicode code points) in the line.
 */
export interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  /** The rule that produced it (see RULES); `limit` marks the "more problems not shown" notice. */
  rule: RuleId | 'limit';
}

/** Formats a diagnostic the way compilers and CI annotations expect. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.path}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

/** Sorts diagnostics by path, line, column, then message, for stable output; a file's "not shown" notice comes last. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.slice().sort((a, b) => {
    if (a.path !== b.path) return a.path < b.path ? -1 : 1;
    if ((a.rule === 'limit') !== (b.rule === 'limit')) return a.rule === 'limit' ? 1 : -1;
    if (a.line !== b.line) return a.line - b.line;
    if (a.column !== b.column) return a.column - b.column;
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}

/** Counts errors and warnings. */
export function countSeverities(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of list) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Levenshtein distance (small strings only: column and field names). */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `name` (ignoring case, spaces, dashes and
 * underscores first), or `undefined` if none is close enough to be a typo.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_\-]+/g, '');
  const n = norm(name);
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = norm(c) === n ? 0 : editDistance(n, norm(c));
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(best.length / 3));
  return bestDist <= limit ? best : undefined;
}

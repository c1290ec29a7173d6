/**
 * Diagnostics of the claims pipeline: the shared module (src/lib/diagnostics.ts: bilingual
 * messages, `PATH:LINE:COLUMN: error: MESSAGE` text and GitHub annotations, `--lang`/`--format`),
 * with `rule` narrowed to the claims rules.
 *
 * Messages are built only on the error path (never per valid row): `t(id, en)` pairs the plain
 * Indonesian message editors read by default with its English version (`--lang en`).
 */
import type { Diagnostic as SharedDiagnostic, Text } from '../diagnostics.ts';
import { sortDiagnostics as sortShared } from '../diagnostics.ts';
import type { RuleId } from './rules.ts';

export {
  cliOptions,
  countSeverities,
  editDistance,
  formatDiagnostic,
  nearestName,
  quoteInput,
  UsageError,
  type Lang,
  type OutputFormat,
  type Severity,
  type Text,
} from '../diagnostics.ts';

/** One problem in a data file; `rule` is a claims rule (see RULES) or `limit` ("more problems not shown"). */
export interface Diagnostic extends SharedDiagnostic {
  rule: RuleId | 'limit';
}

/** A message in Indonesian and English. */
export function t(id: string, en: string): Text {
  return { id, en };
}

/**
 * Both languages in one string, for libraries that carry a message as a string (zod issues):
 * `bi(id, en)` on the way in, {@link textOf} on the way out.
 */
const SEP = '\u001f';
export function bi(id: string, en: string): string {
  return `${id}${SEP}${en}`;
}

/** The two languages of a string made by {@link bi}; a plain string is used for both. */
export function textOf(message: string): Text {
  const at = message.indexOf(SEP);
  return at < 0 ? { id: message, en: message } : { id: message.slice(0, at), en: message.slice(at + 1) };
}

/** Sorted by path, line and column (a file's "not shown" notice last); keeps the claims type. */
export function sortDiagnostics<D extends SharedDiagnostic>(list: readonly D[]): D[] {
  return sortShared(list) as D[];
}

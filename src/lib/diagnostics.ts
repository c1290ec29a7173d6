/**
 * Diagnostics shared by every check an editor can trip (data, metadata, frontmatter, MDX,
 * input trees): one shape, one output format, messages in Indonesian (default) and English.
 *
 * Text output: `PATH:LINE:COLUMN: error: MESSAGE` (the `error`/`warning` keywords stay English so
 * editors' tools recognise them). GitHub output: a workflow command that GitHub turns into an
 * annotation on the line: `::error file=PATH,line=L,col=C,title=RULE::MESSAGE`.
 */

export type Lang = 'id' | 'en';
export type Severity = 'error' | 'warning';
/** A message in Indonesian and English. */
export interface Text {
  id: string;
  en: string;
}
/** One problem; line and column are 1-based (columns count characters in the line). */
export interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: Severity;
  /** Which rule produced it (used as the annotation title). `limit` marks a "more problems not shown" notice. */
  rule: string;
  message: Text;
}
export type OutputFormat = 'text' | 'github';

export const LANGS: readonly Lang[] = ['id', 'en'];
export const FORMATS: readonly OutputFormat[] = ['text', 'github'];

/** GitHub workflow-command escaping for the message (data) part. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow-command escaping for a property value (file, title). */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Formats one diagnostic as a text line (default) or a GitHub annotation. */
export function formatDiagnostic(d: Diagnostic, opts: { lang?: Lang; format?: OutputFormat } = {}): string {
  const message = d.message[opts.lang ?? 'id'];
  if (opts.format === 'github') {
    const props = [`file=${escapeProperty(d.path)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(d.rule)}`];
    return `::${d.severity} ${props.join(',')}::${escapeData(message)}`;
  }
  return `${d.path}:${d.line}:${d.column}: ${d.severity}: ${message}`;
}

/**
 * Sorted by path, line and column (then rule and message, for stable output); within a file a
 * `limit` notice ("more problems not shown") comes last.
 */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return list.slice().sort((a, b) => {
    if (a.path !== b.path) return cmp(a.path, b.path);
    if ((a.rule === 'limit') !== (b.rule === 'limit')) return a.rule === 'limit' ? 1 : -1;
    if (a.line !== b.line) return a.line - b.line;
    if (a.column !== b.column) return a.column - b.column;
    return cmp(a.rule, b.rule) || cmp(a.message.en, b.message.en);
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

/** Levenshtein distance (small strings only: column, field and enum names). */
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
 * The candidate closest to `name` (ignoring case, spaces, dashes and underscores first), or
 * `undefined` if none is close enough to be a typo.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_\-]+/g, '');
  const n = norm(name);
  // Long inputs are never typos of a short name; don't spend quadratic time on them.
  if (n.length > 200) return undefined;
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

/** Control characters (C0, DEL, C1) and bidirectional controls, which could hide or reorder text in a log. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;

/**
 * The same characters less tab, line feed and carriage return (which a multi-line text may
 * hold): never valid in a name or a text field of the data. Every check uses this one class.
 */
// eslint-disable-next-line no-control-regex
export const INVISIBLE_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;

/** True when a text holds a character of {@link INVISIBLE_IN_TEXT}. */
export function hasInvisibleInText(value: string): boolean {
  return INVISIBLE_IN_TEXT.test(value);
}

/** True when the text holds a control or bidirectional-override character. */
export function hasInvisible(value: string): boolean {
  return INVISIBLE.test(value);
}

/**
 * An input value quoted for a message: at most `max` characters (code points) of it, with
 * control and bidirectional characters written visibly (`\n`, `\u{202E}`), quotes and
 * backslashes escaped, and "…" before the closing quote when it was cut.
 */
export function quoteInput(value: string, max = 80): string {
  let out = '';
  let count = 0;
  let cut = false;
  for (const ch of value) {
    if (count >= max) {
      cut = true;
      break;
    }
    count++;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (INVISIBLE.test(ch)) out += `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`;
    else out += ch;
  }
  return `"${out}${cut ? '…' : ''}"`;
}

/** Thrown for a bad command-line option; scripts print its message (no stack trace) and exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function parseLang(value: string | undefined, from: string): Lang {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'id' || v === 'en') return v;
  throw new UsageError(
    `${from} ${quoteInput(value ?? '', 20)} tidak dikenal: pakai "id" (bahasa Indonesia) atau "en" (English) / ` +
      `unknown ${from} ${quoteInput(value ?? '', 20)}: use "id" (Indonesian) or "en" (English)`,
  );
}

function parseFormat(value: string | undefined): OutputFormat {
  if (value === 'text' || value === 'github') return value;
  throw new UsageError(
    `--format ${quoteInput(value ?? '', 20)} tidak dikenal: pakai "text" atau "github" / ` +
      `unknown --format ${quoteInput(value ?? '', 20)}: use "text" or "github"`,
  );
}

/**
 * The options every check script takes: `--lang id|en` (or env `RTW_LANG`; default `id`),
 * `--format text|github` (default `text`), both also as `--opt=value`. Other arguments are
 * returned in `rest`; everything after `--` is taken as is. An unknown option throws a UsageError.
 */
export function cliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; format: OutputFormat; rest: string[] } {
  const envLang = env['RTW_LANG'];
  let lang: Lang = envLang !== undefined && envLang !== '' ? parseLang(envLang, 'RTW_LANG') : 'id';
  let format: OutputFormat = 'text';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      rest.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`${name} perlu nilai / ${name} needs a value`);
      }
      i++;
      return next;
    };
    if (name === '--lang') lang = parseLang(value(), '--lang');
    else if (name === '--format') format = parseFormat(value());
    else {
      throw new UsageError(
        `opsi ${quoteInput(arg, 40)} tidak dikenal; opsi yang ada: --lang id|en, --format text|github / ` +
          `unknown option ${quoteInput(arg, 40)}; options: --lang id|en, --format text|github`,
      );
    }
  }
  return { lang, format, rest };
}

/** The closing summary line of a check, e.g. `3 file diperiksa: 1 error, 0 warning`. */
export function summaryLine(what: Text, files: number, counts: { errors: number; warnings: number }, lang: Lang): string {
  return lang === 'en'
    ? `${files} ${what.en} checked: ${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`
    : `${files} ${what.id} diperiksa: ${counts.errors} error, ${counts.warnings} warning`;
}

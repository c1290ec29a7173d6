/**
 * Machine-readable citations of one dataset: BibTeX, RIS and CSL-JSON, generated from one
 * plain input so the three always agree (and agree with the page). Pure and deterministic:
 * no "accessed" date, no clock; the date given is the data version's date.
 *
 * - BibTeX: `@misc` (plain BibTeX has no dataset type; biblatex reads `@misc` too), with
 *   `version` and `url`; special characters escaped, the title braced so styles keep its
 *   capitals.
 * - RIS: type `DATA`, CRLF line ends, `TAG  - value` lines, ending with `ER  - `.
 * - CSL-JSON: an array with one item of type `dataset`, the original news report in
 *   `original-title` / `original-publisher` / `original-date`.
 */

export interface OriginalSource {
  publisher: string;
  headline: string;
  url: string | null;
  /** YYYY-MM-DD, or null when unknown. */
  published: string | null;
}

export interface CitationFormatInput {
  /** Dataset id (`pasuruan-2017-01-02`): the citation key. */
  id: string;
  title: string;
  /** Who compiled and publishes the dataset (this site). */
  publisher: string;
  originalSource: OriginalSource;
  /** Absolute URL of the dataset page. */
  pageUrl: string;
  /** SHA-256 (hex) of the data file. */
  version: string;
  /** YYYY-MM-DD: the date of this data version. */
  versionDate: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(iso: string, field: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`${field} must be YYYY-MM-DD, got "${iso}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function check(c: CitationFormatInput): void {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(c.id)) throw new RangeError(`citation id "${c.id}" must be lower case letters, digits and dashes`);
  if (!/^[0-9a-f]{64}$/.test(c.version)) throw new RangeError(`citation version must be a SHA-256 in hex, got "${c.version}"`);
  dateParts(c.versionDate, 'versionDate');
  if (c.originalSource.published !== null) dateParts(c.originalSource.published, 'originalSource.published');
}

/** `sha256:` + the 64 hex digits: the full version (citations outlive short hashes). */
export function versionLabel(sha256: string): string {
  return `sha256:${sha256}`;
}

/** The note that names the original source, in Indonesian. */
export function sourceNote(s: OriginalSource): string {
  const date = s.published ?? 'tanggal terbit tidak diketahui';
  return `Angka dari ${s.publisher}, "${s.headline}" (${date})${s.url ? `, ${s.url}` : ''}.`;
}

// ---------------------------------------------------------------------------------------
// BibTeX

const BIB_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** Escape text for a BibTeX field value (inside braces); whitespace runs become one space. */
export function bibEscape(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}#$%&_^~]/g, (ch) => BIB_SPECIAL[ch] ?? ch);
}

/** URLs go into `url` as they are (biblatex reads the field verbatim); braces, backslashes or spaces would break the entry. */
function bibUrl(url: string): string {
  if (/[{}\\\s]/.test(url)) throw new RangeError(`URL "${url}" has a brace, backslash or space: percent-encode it`);
  return url;
}

export function toBibtex(c: CitationFormatInput): string {
  check(c);
  const [y, m, d] = dateParts(c.versionDate, 'versionDate');
  const fields: [string, string][] = [
    ['title', `{${bibEscape(c.title)}}`],
    ['author', `{${bibEscape(c.publisher)}}`],
    ['publisher', bibEscape(c.publisher)],
    ['year', String(y)],
    ['month', String(m)],
    ['date', `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`],
    ['version', bibEscape(versionLabel(c.version))],
    ['url', bibUrl(c.pageUrl)],
    ['howpublished', `\\url{${bibUrl(c.pageUrl)}}`],
    ['language', 'indonesian'],
    ['note', bibEscape(sourceNote(c.originalSource))],
  ];
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@misc{${c.id},\n${body}\n}\n`;
}

// ---------------------------------------------------------------------------------------
// RIS

function risValue(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function toRis(c: CitationFormatInput): string {
  check(c);
  const [y, m, d] = dateParts(c.versionDate, 'versionDate');
  const pad = (n: number) => String(n).padStart(2, '0');
  const lines: [string, string][] = [
    ['TY', 'DATA'],
    ['ID', c.id],
    ['TI', c.title],
    ['AU', c.publisher],
    ['PB', c.publisher],
    ['PY', String(y)],
    ['DA', `${y}/${pad(m)}/${pad(d)}/`],
    ['ET', versionLabel(c.version)],
    ['UR', c.pageUrl],
    ['LA', 'id'],
    ['N1', sourceNote(c.originalSource)],
  ];
  if (c.originalSource.url) lines.push(['L2', c.originalSource.url]);
  lines.push(['ER', '']);
  return lines.map(([tag, v]) => `${tag}  - ${risValue(v)}`).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------
// CSL-JSON

export interface CslItem {
  id: string;
  type: 'dataset';
  title: string;
  author: { literal: string }[];
  publisher: string;
  issued: { 'date-parts': [[number, number, number]] };
  version: string;
  URL: string;
  language: 'id';
  'original-title': string;
  'original-publisher': string;
  'original-date'?: { 'date-parts': [[number, number, number]] };
  note: string;
}

export function toCslItem(c: CitationFormatInput): CslItem {
  check(c);
  return {
    id: c.id,
    type: 'dataset',
    title: c.title,
    author: [{ literal: c.publisher }],
    publisher: c.publisher,
    issued: { 'date-parts': [dateParts(c.versionDate, 'versionDate')] },
    version: versionLabel(c.version),
    URL: c.pageUrl,
    language: 'id',
    'original-title': c.originalSource.headline,
    'original-publisher': c.originalSource.publisher,
    ...(c.originalSource.published ? { 'original-date': { 'date-parts': [dateParts(c.originalSource.published, 'originalSource.published')] } } : {}),
    note: sourceNote(c.originalSource),
  };
}

/** CSL-JSON file text: an array with the one item, two-space indented, trailing newline. */
export function toCslJson(c: CitationFormatInput): string {
  return `${JSON.stringify([toCslItem(c)], null, 2)}\n`;
}

/** File suffixes and content types of the three formats, for the endpoints and the page's links. */
export const CITATION_FORMATS = [
  { ext: 'bib', label: 'BibTeX', contentType: 'application/x-bibtex; charset=utf-8' },
  { ext: 'ris', label: 'RIS', contentType: 'application/x-research-info-systems; charset=utf-8' },
  { ext: 'csl.json', label: 'CSL-JSON', contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
] as const;

/**
 * MDX is content, not code. Every file under content/ is parsed into a syntax tree with the MDX
 * parser Astro 7 uses (satteri), and everything that could run code at build time or reach a
 * visitor's browser as markup is refused with `PATH:LINE:COLUMN` and an Indonesian message:
 *
 * - expressions (`{…}` in text, flow and attribute values), JSX spreads, ESM other than an
 *   import of one of the site's own components (which are handed to the page anyway);
 * - elements and components not on the allowlist, attributes not on the allowlist of their
 *   element (event handlers, `style`, `set:*`, `is:raw`, `dangerouslySetInnerHTML`, …), and
 *   `<script>`, `<style>`, `<meta>`, `<base>`, `<link>`, `<iframe>`, `<object>` and the like;
 * - links (Markdown and HTML) whose scheme, after decoding entities and removing whitespace and
 *   control characters, is not https, http, mailto or tel; images that are not files of this site.
 *
 * The frontmatter is validated against the collection's zod schema (src/lib/content-schemas.ts,
 * the one Astro uses) with the line and column of the field, a "maksud Anda …?" suggestion for
 * misspelt names and values, real dates, and limits (file and frontmatter size, YAML aliases).
 * Finally the MDX is compiled with the same compiler, so a syntax error (an unclosed tag) is
 * reported at its line before Astro ever sees the file.
 *
 * Resource limits come first: a file is measured before it is read, pathological nesting is
 * refused before the parser sees it, and YAML alias expansion is capped.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { parse as parseJs } from 'acorn';
import { mdxToJs, mdxToMdast } from 'satteri';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { CONTENT_SCHEMAS, messageText, type Koleksi } from './content-schemas.ts';
import { nearestName, quoteInput, sortDiagnostics, type Diagnostic, type Text } from './diagnostics.ts';
import { walkInputTree } from './input-tree.ts';

// ---------------------------------------------------------------------------------------------
// Limits

/** Largest MDX file accepted (the longest page today is about 10 KB). */
export const MAX_FILE_BYTES = 256 * 1024;
/** Largest frontmatter accepted, in characters. */
export const MAX_FRONTMATTER_CHARS = 16 * 1024;
/** Most YAML alias expansions in a frontmatter (the `yaml` parser's maxAliasCount). */
export const MAX_YAML_ALIASES = 10;
/** Deepest nesting of brackets, braces, parentheses and tags, and of `>` quotes on a line. */
export const MAX_NESTING = 48;
export const MAX_QUOTE_DEPTH = 12;
/**
 * Most tags, braces and character references (`&…;`) per file: the parser's time and memory
 * grow faster than linearly with many of them in one paragraph (4 000 `&lt;` take 170 MB).
 */
export const MAX_MARKUP_TOKENS = 1000;
/** At most this many problems are listed per file. */
export const MAX_PROBLEMS_PER_FILE = 50;

// ---------------------------------------------------------------------------------------------
// Allowlists

/** Attributes allowed on every allowed HTML element. */
export const GLOBAL_ATTRIBUTES = ['title', 'lang', 'id', 'class'] as const;

/** HTML elements a writer may use, with the attributes allowed on each (besides GLOBAL_ATTRIBUTES). */
export const ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'hreflang'],
  abbr: [],
  b: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  data: ['value'],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height', 'loading'],
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed', 'type'],
  p: [],
  pre: [],
  q: ['cite'],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan', 'headers'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'headers', 'scope'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

/** Attributes holding a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

/**
 * The site's own components that content may use, without attributes, and where: the page
 * template passes them to the MDX (src/pages/[halaman].astro for content/halaman/, except
 * beranda.mdx, which the home page renders with the plain element map).
 */
export const COMPONENTS: Readonly<Record<string, { where: Text; allowed: (file: string) => boolean }>> = Object.fromEntries(
  ['TarifIuran', 'TabelIuran', 'KalkulatorIuran'].map((name) => [
    name,
    {
      where: { id: 'halaman di content/halaman/ (kecuali beranda.mdx)', en: 'pages in content/halaman/ (except beranda.mdx)' },
      allowed: (file: string) => /^content\/halaman\/[^/]+\.mdx$/.test(file) && !file.endsWith('/beranda.mdx'),
    },
  ]),
);

/** Elements refused outright, with the reason in the message. */
export const FORBIDDEN_ELEMENTS = new Set([
  'script', 'style', 'meta', 'base', 'link', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math', 'template', 'noscript',
  'portal', 'html', 'head', 'body', 'title', 'audio', 'video', 'source', 'track', 'canvas', 'dialog', 'slot',
]);

/** URL schemes a link may use; anything without a scheme is a link within the site. */
export const LINK_SCHEMES = ['https', 'http', 'mailto', 'tel'] as const;

// ---------------------------------------------------------------------------------------------
// Positions

/** Offsets (UTF-16, as JavaScript and the parsers count) to 1-based line and column (code points). */
class Lines {
  readonly starts: number[] = [0];
  readonly text: string;
  constructor(text: string) {
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo]!;
    let column = 1;
    for (let i = start; i < o; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > start) {
        const p = this.text.charCodeAt(i - 1);
        if (p >= 0xd800 && p <= 0xdbff) continue;
      }
      column++;
    }
    return { line: lo + 1, column };
  }
  /** Offset of a unist point (1-based line, 1-based UTF-16 column). */
  offset(line: number, column: number): number {
    return (this.starts[Math.max(0, Math.min(line, this.starts.length) - 1)] ?? 0) + Math.max(0, column - 1);
  }
}

interface Ctx {
  path: string;
  lines: Lines;
  out: Diagnostic[];
  /** Problems found beyond what is kept (only counted: positioning them all could take long). */
  dropped: number;
}

/** Problems kept with their positions before the rest are only counted. */
const KEPT_PROBLEMS = 4 * MAX_PROBLEMS_PER_FILE;

function report(ctx: Ctx, offset: number, rule: string, message: Text): void {
  if (ctx.out.length >= KEPT_PROBLEMS) {
    ctx.dropped++;
    return;
  }
  ctx.out.push({ path: ctx.path, ...ctx.lines.at(offset), severity: 'error', rule, message });
}

/** A parser's message for ours: one line, invisible characters shown, at most `max` characters. */
function clip(message: string, max = 160): string {
  const quoted = quoteInput(message.split('\n')[0] ?? '', max);
  return quoted.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
}

// ---------------------------------------------------------------------------------------------
// Whole-file checks: characters and nesting (before any parser runs)

const BAD_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]|\ufeff/g;

function charName(code: number): Text {
  if (code === 0) return { id: 'NUL', en: 'NUL' };
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) {
    return { id: 'pengatur arah teks', en: 'a bidirectional text control' };
  }
  if (code === 0xfeff) return { id: 'BOM di tengah file', en: 'a byte order mark inside the file' };
  return { id: 'karakter kendali', en: 'a control character' };
}

function checkCharacters(ctx: Ctx, text: string): void {
  BAD_CHAR.lastIndex = 0;
  let count = 0;
  for (let m = BAD_CHAR.exec(text); m !== null; m = BAD_CHAR.exec(text)) {
    if (m.index === 0 && m[0] === '\ufeff') continue;
    const code = m[0].charCodeAt(0);
    const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const name = charName(code);
    report(ctx, m.index, 'karakter', {
      id: `karakter tak terlihat ${u} (${name.id}) tidak boleh ada di konten; hapus karakter itu (biasanya ikut tersalin dari dokumen lain)`,
      en: `invisible character ${u} (${name.en}) is not allowed in content; delete it (it usually comes along when copying from another document)`,
    });
    if (++count >= 10) break;
  }
}

/**
 * Refuses nesting deep enough to slow the parser down or overflow its stack: brackets,
 * braces, parentheses and JSX tags (counted roughly, as opened minus closed) and `>` quotes.
 * Ordinary writing stays far below these limits.
 */
function checkNesting(ctx: Ctx, text: string): boolean {
  const depth = { '(': 0, '[': 0, '{': 0, '<': 0 };
  const close: Record<string, keyof typeof depth> = { ')': '(', ']': '[', '}': '{' };
  const tokens = { '&': 0, '{': 0, '<': 0 };
  let lineStart = true;
  let quotes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const token = c === '&' || c === '{' ? c : c === '<' && /[A-Za-z/]/.test(text[i + 1] ?? '') ? '<' : undefined;
    if (token && ++tokens[token] > MAX_MARKUP_TOKENS) {
      report(ctx, i, 'batas', {
        id: `terlalu banyak tanda "${token}" dalam satu file (paling banyak ${MAX_MARKUP_TOKENS}); pecah menjadi beberapa halaman`,
        en: `too many "${token}" in one file (at most ${MAX_MARKUP_TOKENS}); split it into several pages`,
      });
      return false;
    }
    if (c === '\n') {
      lineStart = true;
      quotes = 0;
      continue;
    }
    if (lineStart) {
      if (c === '>') {
        if (++quotes > MAX_QUOTE_DEPTH) {
          report(ctx, i, 'bersarang', {
            id: `kutipan ">" bertingkat lebih dari ${MAX_QUOTE_DEPTH} kali; kurangi tanda ">" di awal baris`,
            en: `quotes (">") nested more than ${MAX_QUOTE_DEPTH} deep; use fewer ">" at the start of the line`,
          });
          return false;
        }
        continue;
      }
      if (c !== ' ' && c !== '\t') lineStart = false;
    }
    let key: keyof typeof depth | undefined;
    if (c === '(' || c === '[' || c === '{') key = c;
    else if (c === '<' && /[A-Za-z]/.test(text[i + 1] ?? '')) key = '<';
    if (key) {
      if (++depth[key] > MAX_NESTING) {
        report(ctx, i, 'bersarang', {
          id: `tanda ${JSON.stringify(key)} bertingkat (bersarang) lebih dari ${MAX_NESTING} kali; periksa pasangan tanda kurung atau tag`,
          en: `${JSON.stringify(key)} nested more than ${MAX_NESTING} deep; check that brackets and tags are paired`,
        });
        return false;
      }
      continue;
    }
    const k = close[c];
    if (k) depth[k] = Math.max(0, depth[k] - 1);
    else if (c === '<' && text[i + 1] === '/') depth['<'] = Math.max(0, depth['<'] - 1);
    else if (c === '/' && text[i + 1] === '>') depth['<'] = Math.max(0, depth['<'] - 1);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Frontmatter

/** Astro's own frontmatter pattern (@astrojs/internal-helpers/frontmatter), so we read what Astro reads. */
const FRONTMATTER_RE = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

export interface Frontmatter {
  /** Offset of the YAML text in the file, or -1 when there is none. */
  start: number;
  raw: string;
  /** The file with the frontmatter replaced by spaces (what Astro hands the MDX compiler). */
  body: string;
}

/** Finds the frontmatter as Astro does and blanks it out of the body, keeping every offset. */
export function splitFrontmatter(text: string): Frontmatter {
  const m = FRONTMATTER_RE.exec(text);
  if (!m) return { start: -1, raw: '', body: text };
  const delim = m[1]!;
  const delimAt = m.index + m[0].indexOf(delim);
  const raw = m[2]!;
  const end = m.index + m[0].length;
  const body = text.slice(0, delimAt) + ' '.repeat(3) + raw.replace(/[^\r\n]/g, ' ') + ' '.repeat(3) + text.slice(end);
  return { start: delimAt + 3, raw, body };
}

/** The schema below a path (object keys and array items), for suggestions. */
function shapeAt(schema: z.ZodType, at: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  const unwrap = () => {
    for (let i = 0; i < 10; i++) {
      const def = (s as { _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown } } })._zod?.def;
      if (def?.type === 'optional' || def?.type === 'nullable' || def?.type === 'default') s = def.innerType;
      else if (def?.type === 'pipe') s = def.in;
      else break;
    }
  };
  for (const seg of at) {
    unwrap();
    const def = (s as { _zod: { def: { type: string; shape?: Record<string, unknown>; element?: unknown } } })._zod.def;
    if (def.type === 'object' && typeof seg === 'string') s = def.shape?.[seg];
    else if (def.type === 'array') s = def.element;
    else return [];
    if (!s) return [];
  }
  unwrap();
  const def = (s as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } })._zod?.def;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

interface Located {
  /** The value node (aliases not resolved, so an alias is reported where it is used). */
  value?: YamlNode | null;
  key?: YamlNode;
  /** How many path segments were found. */
  found: number;
}

function locate(doc: Document, at: readonly PropertyKey[]): Located {
  let node: unknown = doc.contents;
  const result: Located = { value: doc.contents as YamlNode | null, found: 0 };
  for (const seg of at) {
    let target: unknown = node;
    for (let i = 0; i < 20 && isAlias(target); i++) target = target.resolve(doc);
    if (isMap(target)) {
      const pair = target.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return result;
      result.key = pair.key as YamlNode;
      result.value = pair.value as YamlNode | null;
      node = pair.value;
    } else if (isSeq(target) && typeof seg === 'number') {
      const item = target.items[seg];
      if (item === undefined) return result;
      delete result.key;
      result.value = item as YamlNode | null;
      node = item;
    } else {
      return result;
    }
    result.found++;
  }
  return result;
}

function rangeStart(node: YamlNode | null | undefined): number | undefined {
  return node && node.range ? node.range[0] : undefined;
}

/** The field's display name: `terakhir_ditinjau`, `sumber[1].url`. */
function fieldName(at: readonly PropertyKey[]): string {
  return at.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join('');
}

/** Problems with the frontmatter's delimiters and size; true when one was reported (nothing more to check). */
function frontmatterShapeProblem(ctx: Ctx, text: string, fm: Frontmatter): boolean {
  if (fm.start < 0) {
    if (/^\uFEFF?---/.test(text)) {
      report(ctx, 0, 'frontmatter', {
        id: 'frontmatter tidak ditutup: tambahkan baris "---" setelah kolom terakhir',
        en: 'the frontmatter is not closed: add a "---" line after the last field',
      });
      return true;
    }
  } else {
    const delim = text.slice(fm.start - 3, fm.start);
    if (delim === '+++') {
      report(ctx, fm.start - 3, 'frontmatter', {
        id: 'frontmatter harus ditulis dalam YAML di antara dua baris "---", bukan "+++"',
        en: 'the frontmatter must be YAML between two "---" lines, not "+++"',
      });
      return true;
    }
    const closeAt = fm.start + fm.raw.length;
    const rest = /^[^\n]*/.exec(text.slice(closeAt + 3))?.[0] ?? '';
    if (rest.trim() !== '' || text.slice(fm.start, fm.start + 1).trim() !== '') {
      report(ctx, rest.trim() !== '' ? closeAt : fm.start - 3, 'frontmatter', {
        id: 'baris pembuka dan penutup frontmatter harus berisi "---" saja',
        en: 'the lines opening and closing the frontmatter must hold only "---"',
      });
      return true;
    }
    if (fm.raw.length > MAX_FRONTMATTER_CHARS) {
      report(ctx, fm.start - 3, 'batas', {
        id: `frontmatter terlalu panjang (${fm.raw.length} karakter; paling banyak ${MAX_FRONTMATTER_CHARS}); pindahkan teks panjang ke isi halaman`,
        en: `the frontmatter is too long (${fm.raw.length} characters; at most ${MAX_FRONTMATTER_CHARS}); move long text into the page body`,
      });
      return true;
    }
  }
  return false;
}

/** The frontmatter as YAML and as data; null when a problem was reported. */
function frontmatterData(ctx: Ctx, fm: Frontmatter, base: number): { doc: ReturnType<typeof parseDocument>; data: object } | null {
  const doc = parseDocument(fm.raw, { prettyErrors: false, uniqueKeys: true, strict: true, merge: false });
  const yamlProblems = [...doc.errors, ...doc.warnings];
  if (yamlProblems.length > 0) {
    for (const e of yamlProblems.slice(0, 5)) {
      const detail = clip(e.message);
      report(ctx, base + (e.pos[0] ?? 0), 'yaml', {
        id: `frontmatter bukan YAML yang benar: ${detail}. Periksa titik dua, tanda kutip, dan indentasi (spasi) di baris ini`,
        en: `the frontmatter is not valid YAML: ${detail}. Check colons, quotes and indentation on this line`,
      });
    }
    return null;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    let first: number | undefined;
    const find = (n: unknown): void => {
      if (first !== undefined) return;
      if (isAlias(n)) first = n.range?.[0];
      else if (isMap(n)) for (const p of n.items) (find(p.key), find(p.value));
      else if (isSeq(n)) for (const x of n.items) find(x);
    };
    find(doc.contents);
    report(ctx, base + (first ?? 0), 'yaml-alias', {
      id: `frontmatter memakai alias YAML (*nama) terlalu banyak (paling banyak ${MAX_YAML_ALIASES}); tulis nilainya langsung`,
      en: `the frontmatter uses too many YAML aliases (*name) (at most ${MAX_YAML_ALIASES}); write the values out`,
    });
    return null;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    report(ctx, base, 'frontmatter', {
      id: 'frontmatter harus berisi kolom "nama: nilai", satu per baris',
      en: 'the frontmatter must hold "name: value" fields, one per line',
    });
    return null;
  }
  return { doc, data: data ?? {} };
}

/** Unknown fields, with the known name each may be a misspelling of; returns the suggested names. */
function reportUnknownFields(ctx: Ctx, doc: ReturnType<typeof parseDocument>, base: number, schema: (typeof CONTENT_SCHEMAS)[Koleksi], issues: readonly z.core.$ZodIssue[]): Set<string> {
  // Misspelt names: an unknown key whose nearest known name is missing explains both problems.
  const suggested = new Set<string>();
  const unknownKeys: { at: readonly PropertyKey[]; key: string; suggestion?: string }[] = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = shapeAt(schema, issue.path);
    for (const key of issue.keys) {
      const suggestion = nearestName(key, known);
      unknownKeys.push({ at: issue.path, key, ...(suggestion ? { suggestion } : {}) });
      if (suggestion) suggested.add(fieldName([...issue.path, suggestion]));
    }
  }
  for (const u of unknownKeys) {
    const where = locate(doc, [...u.at, u.key]);
    const off = base + (rangeStart(where.key) ?? rangeStart(where.value) ?? 0);
    const name = quoteInput(u.key, 40);
    report(
      ctx,
      off,
      'frontmatter-kolom',
      u.suggestion
        ? {
            id: `kolom ${name} tidak dikenal; maksud Anda "${u.suggestion}"?`,
            en: `unknown field ${name}; did you mean "${u.suggestion}"?`,
          }
        : {
            id: `kolom ${name} tidak dikenal; hapus baris ini atau pakai nama kolom dari PANDUAN-EDITOR.md bagian 6`,
            en: `unknown field ${name}; remove the line or use a field name from PANDUAN-EDITOR.md section 6`,
          },
    );
  }
  return suggested;
}

/** Every other schema problem, at its field (or its parent when the field is missing). */
function reportSchemaIssues(ctx: Ctx, doc: ReturnType<typeof parseDocument>, base: number, data: object, issues: readonly z.core.$ZodIssue[], suggested: ReadonlySet<string>): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const field = fieldName(issue.path);
    const where = locate(doc, issue.path);
    const missing = where.found < issue.path.length;
    if (missing && suggested.has(field)) continue;
    let off: number;
    if (missing) {
      // A required field that is absent: point at its parent (the frontmatter's first line for top-level fields).
      off = where.found === 0 ? base - 3 : base + (rangeStart(where.value) ?? 0);
    } else {
      const v = where.value;
      const empty = !v || (isScalar(v) && (v.source ?? '') === '');
      off = base + ((empty ? rangeStart(where.key) : rangeStart(v)) ?? rangeStart(where.key) ?? 0);
    }
    let message: Text;
    if (issue.code === 'invalid_value' && !missing) {
      let input: unknown = data;
      for (const seg of issue.path) input = input !== null && typeof input === 'object' ? (input as Record<PropertyKey, unknown>)[seg] : undefined;
      const given = typeof input === 'string' ? input : String(input);
      const options = issue.values.map(String);
      const suggestion = nearestName(given, options);
      message = {
        id: `"${field}" berisi ${quoteInput(given, 40)}, yang tidak dikenal; pilih salah satu: ${options.join(', ')}${suggestion ? `. Maksud Anda "${suggestion}"?` : ''}`,
        en: `"${field}" is ${quoteInput(given, 40)}, which is not allowed; use one of: ${options.join(', ')}${suggestion ? `. Did you mean "${suggestion}"?` : ''}`,
      };
    } else {
      message = messageText(issue.message) ?? { id: `"${field}": ${issue.message}`, en: `"${field}": ${issue.message}` };
    }
    report(ctx, off, 'frontmatter', message);
  }
}

function checkFrontmatter(ctx: Ctx, text: string, fm: Frontmatter, koleksi: Koleksi | undefined): void {
  if (frontmatterShapeProblem(ctx, text, fm)) return;
  if (!koleksi) return;
  const schema = CONTENT_SCHEMAS[koleksi];
  const base = Math.max(fm.start, 0);
  const parsed = frontmatterData(ctx, fm, base);
  if (parsed === null) return;
  const result = schema.safeParse(parsed.data);
  if (result.success) return;
  const suggested = reportUnknownFields(ctx, parsed.doc, base, schema, result.error.issues);
  reportSchemaIssues(ctx, parsed.doc, base, parsed.data, result.error.issues, suggested);
}

// ---------------------------------------------------------------------------------------------
// MDX body

/** HTML character references a browser would decode in an attribute (numeric and the usual named ones). */
function decodeEntities(s: string): string {
  const named: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", sol: '/', nbsp: '\u00a0', period: '.' };
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return named[ref.toLowerCase()] ?? m;
  });
}

/** The scheme of a URL as a browser would see it (lower-case), or undefined for a link within the site. */
export function urlScheme(url: string): string | undefined {
  let s = url;
  for (let i = 0; i < 3; i++) {
    const d = decodeEntities(s);
    if (d === s) break;
    s = d;
  }
  s = s.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g, '').toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(s);
  return m ? m[1] : undefined;
}

/** Why a link target is refused, or null when it is fine. */
export function linkProblem(url: string): Text | null {
  const scheme = urlScheme(url);
  if (scheme === undefined || (LINK_SCHEMES as readonly string[]).includes(scheme)) return null;
  return {
    id: `tautan ${quoteInput(url, 60)} memakai skema "${scheme}:", yang tidak diizinkan; tautan hanya boleh ke halaman situs ini (misalnya /bpu/) atau ke alamat https://, http://, mailto: atau tel:`,
    en: `link ${quoteInput(url, 60)} uses the scheme "${scheme}:", which is not allowed; link to a page of this site (e.g. /bpu/) or to an https://, http://, mailto: or tel: address`,
  };
}

/** Why an image source is refused, or null: images must be files of this site (the CSP allows no other origin). */
export function imageProblem(url: string): Text | null {
  const scheme = urlScheme(url);
  const squashed = url.replace(/[\s\u0000-\u001f]/g, '');
  if (scheme === undefined && !/^[/\\]{2}/.test(squashed)) return null;
  return {
    id: `gambar ${quoteInput(url, 60)} harus file dari situs ini (taruh di public/ dan tulis alamatnya, misalnya /gambar/foto.jpg)`,
    en: `image ${quoteInput(url, 60)} must be a file of this site (put it in public/ and use its path, e.g. /gambar/foto.jpg)`,
  };
}

interface MdNode {
  type: string;
  position?: { start: { line: number; column: number; offset?: number } };
  children?: MdNode[];
  value?: unknown;
  name?: string | null;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

function startOffset(ctx: Ctx, node: MdNode): number {
  const p = node.position?.start;
  if (!p) return 0;
  return typeof p.offset === 'number' ? p.offset : ctx.lines.offset(p.line, p.column);
}

/**
 * Offsets of the attributes of the JSX tag starting at `at` (the `<`), in order. The parser
 * gives attributes no positions; this scans the tag only to point messages at them.
 */
function attributeOffsets(text: string, at: number, count: number): number[] {
  const offsets: number[] = [];
  let i = at + 1;
  while (i < text.length && /[^\s/>{]/.test(text[i]!)) i++;
  const skipBraces = () => {
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"' || c === "'" || c === '`') {
        const q = c;
        for (i++; i < text.length && text[i] !== q; i++) if (text[i] === '\\') i++;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        i++;
        return;
      }
    }
  };
  while (offsets.length < count && i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '>' || (c === '/' && text[i + 1] === '>')) break;
    offsets.push(i);
    if (c === '{') {
      skipBraces();
      continue;
    }
    while (i < text.length && /[^\s=/>{]/.test(text[i]!)) i++;
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text[i] === '=') {
      i++;
      while (i < text.length && /\s/.test(text[i]!)) i++;
      const q = text[i];
      if (q === '"' || q === "'") {
        const end = text.indexOf(q, i + 1);
        i = end < 0 ? text.length : end + 1;
      } else if (q === '{') skipBraces();
    }
  }
  return offsets;
}

function checkAttributes(ctx: Ctx, node: MdNode, element: string, allowed: readonly string[] | null): void {
  const attrs = node.attributes ?? [];
  if (attrs.length === 0) return;
  const at = startOffset(ctx, node);
  const offsets = attributeOffsets(ctx.lines.text, at, attrs.length);
  attrs.forEach((attr, index) => {
    const off = offsets.length === attrs.length ? offsets[index]! : at;
    const tag = `<${element}>`;
    if (attr.type === 'mdxJsxExpressionAttribute') {
      const code = typeof attr.value === 'string' ? attr.value : '';
      const raw = /set:|innerhtml|is:raw/i.test(code);
      report(ctx, off, 'mdx-spread', {
        id: `${quoteInput(`{${code}}`, 40)} di ${tag} tidak diizinkan: konten tidak boleh memuat kode${raw ? ' (apalagi HTML mentah lewat set:html)' : ''}; tulis atributnya satu per satu, misalnya title="..."`,
        en: `${quoteInput(`{${code}}`, 40)} in ${tag} is not allowed: content may not contain code${raw ? ' (let alone raw HTML through set:html)' : ''}; write attributes one by one, e.g. title="..."`,
      });
      return;
    }
    const name = attr.name ?? '';
    const q = quoteInput(name, 40);
    let message: Text | null = null;
    if (/^on/i.test(name)) {
      message = { id: `atribut kejadian ${q} di ${tag} tidak diizinkan: konten tidak boleh menjalankan skrip; hapus atribut itu`, en: `event handler ${q} on ${tag} is not allowed: content may not run scripts; remove it` };
    } else if (name.includes(':')) {
      message = {
        id: `atribut ${q} di ${tag} tidak diizinkan: ${name.startsWith('set:') ? 'set:html dan set:text menyisipkan HTML mentah' : 'arahan Astro bukan bagian dari konten'}; hapus atribut itu`,
        en: `attribute ${q} on ${tag} is not allowed: ${name.startsWith('set:') ? 'set:html and set:text insert raw HTML' : 'Astro directives are not content'}; remove it`,
      };
    } else if (/^(dangerouslySetInnerHTML|innerHTML|outerHTML|srcdoc)$/i.test(name)) {
      message = { id: `atribut ${q} di ${tag} tidak diizinkan: atribut ini menyisipkan HTML mentah; hapus atribut itu`, en: `attribute ${q} on ${tag} is not allowed: it inserts raw HTML; remove it` };
    } else if (name === 'style') {
      message = { id: `atribut "style" di ${tag} tidak diizinkan: tampilan diatur oleh situs, bukan oleh konten; hapus atribut itu`, en: `attribute "style" on ${tag} is not allowed: the site, not the content, sets the look; remove it` };
    } else if (allowed === null || !allowed.includes(name)) {
      const list = allowed && allowed.length > 0 ? allowed.join(', ') : '';
      message = list
        ? { id: `atribut ${q} tidak diizinkan di ${tag}; yang boleh: ${list}`, en: `attribute ${q} is not allowed on ${tag}; allowed: ${list}` }
        : { id: `${tag} tidak menerima atribut; hapus ${q}`, en: `${tag} takes no attributes; remove ${q}` };
    }
    if (message) {
      report(ctx, off, 'mdx-atribut', message);
      return;
    }
    if (attr.value !== null && attr.value !== undefined && typeof attr.value !== 'string') {
      const code = typeof (attr.value as { value?: unknown }).value === 'string' ? (attr.value as { value: string }).value : '';
      report(ctx, off, 'mdx-ekspresi', {
        id: `nilai atribut ${q} di ${tag} ditulis sebagai kode ${quoteInput(`{${code}}`, 40)}; tulis nilainya di antara tanda kutip, misalnya ${name}="..."`,
        en: `attribute ${q} on ${tag} has a code value ${quoteInput(`{${code}}`, 40)}; write the value in quotes, e.g. ${name}="..."`,
      });
      return;
    }
    if (typeof attr.value === 'string' && URL_ATTRIBUTES.has(name)) {
      const problem = element === 'img' && name === 'src' ? imageProblem(attr.value) : linkProblem(attr.value);
      if (problem) report(ctx, off, 'tautan', problem);
    }
  });
}

function checkElement(ctx: Ctx, node: MdNode, imported: ReadonlySet<string>): void {
  const name = node.name;
  if (name === null || name === undefined) return; // a fragment <>…</> renders only its children
  const at = startOffset(ctx, node);
  const q = quoteInput(`<${name}>`, 40);
  if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) {
    report(ctx, at, 'mdx-elemen', {
      id: `tag ${q} tidak diizinkan di konten: tag ini bisa menjalankan skrip, memuat halaman lain, atau mengubah cara halaman dibaca; hapus tag itu`,
      en: `tag ${q} is not allowed in content: it can run scripts, load other pages or change how the page is read; remove it`,
    });
    return;
  }
  const allowedHtml = Object.hasOwn(ELEMENTS, name) ? ELEMENTS[name]! : undefined;
  if (allowedHtml) {
    checkAttributes(ctx, node, name, [...GLOBAL_ATTRIBUTES, ...allowedHtml]);
    return;
  }
  const component = Object.hasOwn(COMPONENTS, name) ? COMPONENTS[name]! : undefined;
  if (component) {
    if (!component.allowed(ctx.path) && !imported.has(name)) {
      report(ctx, at, 'mdx-komponen', {
        id: `komponen ${q} hanya bisa dipakai di ${component.where.id}; hapus dari file ini`,
        en: `component ${q} can only be used in ${component.where.en}; remove it from this file`,
      });
      return;
    }
    checkAttributes(ctx, node, name, []);
    return;
  }
  const candidates = [...Object.keys(ELEMENTS), ...Object.keys(COMPONENTS).filter((c) => COMPONENTS[c]!.allowed(ctx.path))];
  const suggestion = nearestName(name, candidates);
  report(ctx, at, 'mdx-elemen', {
    id: `tag ${q} tidak dikenal atau tidak diizinkan di konten${suggestion ? `; maksud Anda "<${suggestion}>"?` : '; lihat PANDUAN-EDITOR.md bagian 7'}`,
    en: `tag ${q} is unknown or not allowed in content${suggestion ? `; did you mean "<${suggestion}>"?` : '; see PANDUAN-EDITOR.md section 7'}`,
  });
}

interface EsmStatement {
  type: string;
  start: number;
  specifiers?: { type: string; local: { name: string } }[];
  source?: { value: unknown };
  attributes?: unknown[];
}

/** Checks an ESM block: only `import Name from "../../src/components/Name.astro"` of an allowed component. */
function checkEsm(ctx: Ctx, node: MdNode, imported: Set<string>): void {
  const code = typeof node.value === 'string' ? node.value : '';
  const at = startOffset(ctx, node);
  let body: EsmStatement[];
  try {
    body = (parseJs(code, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as { body: EsmStatement[] }).body;
  } catch (e) {
    const pos = typeof (e as { pos?: unknown }).pos === 'number' ? (e as { pos: number }).pos : 0;
    report(ctx, at + pos, 'mdx-esm', {
      id: 'baris "import"/"export" tidak boleh ada di konten; hapus baris itu (komponen situs sudah disediakan oleh templat)',
      en: '"import"/"export" lines are not allowed in content; remove the line (the site\'s components are provided by the template)',
    });
    return;
  }
  const dir = path.posix.dirname(ctx.path);
  for (const st of body) {
    const off = at + st.start;
    if (st.type === 'ImportDeclaration') {
      const source = typeof st.source?.value === 'string' ? st.source.value : '';
      const spec = st.specifiers ?? [];
      const target = path.posix.normalize(path.posix.join(dir, source));
      const m = /^src\/components\/([A-Za-z][A-Za-z0-9]*)\.astro$/.exec(target);
      const name = m?.[1];
      const ok =
        source.startsWith('.') &&
        name !== undefined &&
        Object.hasOwn(COMPONENTS, name) &&
        spec.length === 1 &&
        spec[0]!.type === 'ImportDefaultSpecifier' &&
        spec[0]!.local.name === name &&
        (st.attributes ?? []).length === 0;
      if (ok) {
        imported.add(name);
        continue;
      }
      report(ctx, off, 'mdx-esm', {
        id: `import dari ${quoteInput(source, 60)} tidak diizinkan; konten hanya boleh memakai komponen situs (${Object.keys(COMPONENTS).join(', ')}), yang sudah disediakan tanpa import: hapus baris ini`,
        en: `import from ${quoteInput(source, 60)} is not allowed; content may only use the site's components (${Object.keys(COMPONENTS).join(', ')}), which are provided without an import: remove this line`,
      });
    } else {
      report(ctx, off, 'mdx-esm', {
        id: 'baris "export" tidak boleh ada di konten: konten tidak boleh memuat kode; taruh data di frontmatter',
        en: '"export" is not allowed in content: content may not contain code; put data in the frontmatter',
      });
    }
  }
}

function checkTree(ctx: Ctx, root: MdNode): void {
  const imported = new Set<string>();
  // ESM first, so imported components are known when their elements are checked.
  for (const child of root.children ?? []) if (child.type === 'mdxjsEsm') checkEsm(ctx, child, imported);
  const stack: MdNode[] = [...(root.children ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'mdxjsEsm':
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const code = typeof node.value === 'string' ? node.value : '';
        report(ctx, startOffset(ctx, node), 'mdx-ekspresi', {
          id: `${quoteInput(`{${code}}`, 40)}: kurung kurawal { } dibaca sebagai kode, dan konten tidak boleh memuat kode; hapus, atau tulis dengan kata-kata`,
          en: `${quoteInput(`{${code}}`, 40)}: braces { } are read as code, and content may not contain code; remove them or write it in words`,
        });
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(ctx, node, imported);
        break;
      case 'link':
      case 'definition': {
        const problem = linkProblem(node.url ?? '');
        if (problem) report(ctx, startOffset(ctx, node), 'tautan', problem);
        break;
      }
      case 'image': {
        const problem = imageProblem(node.url ?? '');
        if (problem) report(ctx, startOffset(ctx, node), 'tautan', problem);
        break;
      }
      case 'html':
        report(ctx, startOffset(ctx, node), 'mdx-elemen', {
          id: 'HTML mentah tidak diizinkan di konten; tulis dengan Markdown',
          en: 'raw HTML is not allowed in content; write Markdown',
        });
        break;
      default:
        break;
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** Turns an MDX compiler error ("3:1: Expected a closing tag for `<b>` …") into a diagnostic. */
function syntaxError(ctx: Ctx, error: unknown): void {
  const full = error instanceof Error ? error.message : String(error);
  const first = full.split('\n')[0] ?? '';
  const m = /^(\d+):(\d+)(?:-\d+:\d+)?: (.*)$/.exec(first);
  const offset = m ? ctx.lines.offset(Number(m[1]), Number(m[2])) : 0;
  const detail = (m ? m[3]! : first).replace(/\s*\((?:mdx|mdxjs|micromark)[^)]*\)\s*$/, '');
  const short = clip(detail, 200);
  let hint: Text;
  const tag = /closing tag for `<([^>`]*)>`/.exec(detail);
  if (tag) {
    hint = {
      id: `tag <${tag[1]}> tidak ditutup; tambahkan </${tag[1]}> di tempat yang benar, atau tulis <${tag[1]} /> jika tag itu tidak berisi apa-apa`,
      en: `tag <${tag[1]}> is not closed; add </${tag[1]}> in the right place, or write <${tag[1]} /> if it has no content`,
    };
  } else if (/expression|brace/i.test(detail)) {
    hint = {
      id: 'kurung kurawal { } dibaca sebagai kode; hapus kurung kurawal dari teks, atau tulis dengan kata-kata',
      en: 'braces { } are read as code; remove them from the text or write it in words',
    };
  } else if (/after `<`|before name|JSX|tag/i.test(detail)) {
    hint = {
      id: 'tanda "<" dibaca sebagai awal tag; tulis "kurang dari" dengan kata-kata, dan periksa pasangan tag pembuka dan penutup',
      en: 'a "<" is read as the start of a tag; write "less than" in words, and check that opening and closing tags pair up',
    };
  } else {
    hint = { id: 'penulisan MDX di sini tidak bisa dibaca; periksa tanda khusus seperti <, {, dan }', en: 'the MDX here cannot be read; check special characters such as <, { and }' };
  }
  report(ctx, offset, 'mdx-sintaks', { id: `${hint.id} (pesan MDX: ${short})`, en: `${hint.en} (MDX: ${short})` });
}

/** The collection of a file under content/, from its path (`content/pelatihan/elektro.mdx` → pelatihan). */
export function collectionOf(file: string): Koleksi | undefined {
  const m = /^content\/([^/]+)\/.+\.mdx$/.exec(file);
  const k = m?.[1];
  return k !== undefined && Object.hasOwn(CONTENT_SCHEMAS, k) ? (k as Koleksi) : undefined;
}

/** Check one MDX file's text; `file` is its path relative to the project root (`content/…`), used for rules and messages. */
export function checkContent(file: string, text: string): Diagnostic[] {
  const ctx: Ctx = { path: file, lines: new Lines(text), out: [], dropped: 0 };
  const koleksi = collectionOf(file);
  if (!koleksi) {
    report(ctx, 0, 'lokasi', {
      id: `file konten harus berada di content/halaman/, content/pelatihan/ atau content/berita/ dan berakhiran .mdx; pindahkan file ini`,
      en: `content files must be in content/halaman/, content/pelatihan/ or content/berita/ and end in .mdx; move this file`,
    });
  }
  checkCharacters(ctx, text);
  if (!checkNesting(ctx, text)) return finish(ctx);
  const fm = splitFrontmatter(text);
  checkFrontmatter(ctx, text, fm, koleksi);

  let tree: MdNode;
  try {
    tree = mdxToMdast(fm.body, { features: { gfm: true } }) as unknown as MdNode;
  } catch (e) {
    syntaxError(ctx, e);
    return finish(ctx);
  }
  const before = ctx.out.length;
  checkTree(ctx, tree);
  // Compile as Astro will, but only content that passed the rules: the compiler never sees code.
  if (ctx.out.length === before) {
    try {
      mdxToJs(fm.body, { features: { gfm: true, smartPunctuation: true }, jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
    } catch (e) {
      syntaxError(ctx, e);
    }
  }
  return finish(ctx);
}

function finish(ctx: Ctx): Diagnostic[] {
  const sorted = sortDiagnostics(ctx.out);
  if (sorted.length <= MAX_PROBLEMS_PER_FILE) return sorted;
  const shown = sorted.slice(0, MAX_PROBLEMS_PER_FILE);
  const last = shown[shown.length - 1]!;
  const more = sorted.length - MAX_PROBLEMS_PER_FILE + ctx.dropped;
  shown.push({
    ...last,
    rule: 'limit',
    message: {
      id: `${more} masalah lain di file ini tidak ditampilkan; perbaiki yang di atas dulu`,
      en: `${more} more problems in this file are not shown; fix the ones above first`,
    },
  });
  return shown;
}

/**
 * Reads and checks one file (`file` relative to `root`): refused unless it is a regular file
 * (links are not followed), measured before it is read, and decoded as strict UTF-8.
 */
export function checkContentFile(root: string, file: string): Diagnostic[] {
  const err = (message: Text): Diagnostic[] => [{ path: file, line: 1, column: 1, severity: 'error', rule: 'file', message }];
  let fd: number;
  try {
    fd = openSync(path.join(root, file), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return err({ id: 'file tidak bisa dibuka (bukan file biasa, atau tautan simbolik)', en: 'the file cannot be opened (not a regular file, or a symbolic link)' });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return err({ id: 'bukan file biasa', en: 'not a regular file' });
    if (st.size > MAX_FILE_BYTES) {
      return err({
        id: `file terlalu besar (${st.size} byte; paling besar ${MAX_FILE_BYTES} byte); pecah menjadi beberapa halaman`,
        en: `the file is too large (${st.size} bytes; at most ${MAX_FILE_BYTES} bytes); split it into several pages`,
      });
    }
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, read));
    } catch {
      return err({ id: 'file bukan teks UTF-8; simpan ulang sebagai UTF-8', en: 'the file is not UTF-8 text; save it again as UTF-8' });
    }
    return checkContent(file, text);
  } finally {
    closeSync(fd);
  }
}

export interface ContentCheckResult {
  files: number;
  diagnostics: Diagnostic[];
}

/**
 * The whole check run by `npm run content:check`: content/ and public/ hold only regular files
 * and folders (content/ only .mdx files), and every content file passes checkContent.
 * `only`, when given, limits the MDX checks to those files (paths relative to `root`).
 */
export function checkContentTree(root: string, only?: readonly string[]): ContentCheckResult {
  const content = walkInputTree(root, 'content', { extensions: [{ folder: 'content', extensions: ['.mdx'] }] });
  const pub = walkInputTree(root, 'public');
  const diagnostics = [...content.diagnostics, ...pub.diagnostics];
  const wanted =
    only && only.length > 0
      ? new Set(only.map((f) => (path.isAbsolute(f) ? path.relative(root, f) : path.normalize(f)).split(path.sep).join('/')))
      : undefined;
  let files = 0;
  for (const file of content.files) {
    if (wanted && !wanted.has(file)) continue;
    files++;
    try {
      diagnostics.push(...checkContentFile(root, file));
    } catch (e) {
      // A parser failure must not hide the file: report it, without a stack trace.
      const detail = clip(e instanceof Error ? e.message : String(e), 120);
      diagnostics.push({
        path: file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'internal',
        message: { id: `file ini tidak bisa diperiksa (${detail}); sederhanakan penulisannya`, en: `this file could not be checked (${detail}); simplify it` },
      });
    }
  }
  if (wanted) {
    for (const f of wanted) {
      if (!content.files.includes(f) && !diagnostics.some((d) => d.path === f)) {
        diagnostics.push({
          path: f,
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'lokasi',
          message: { id: 'file ini tidak ada di content/ atau bukan file .mdx', en: 'this file is not in content/ or is not an .mdx file' },
        });
      }
    }
  }
  return { files, diagnostics: sortDiagnostics(diagnostics) };
}


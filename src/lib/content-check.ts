import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { parseIsoDate } from './dates.ts';

/**
 * MDX is code: editors' content may not carry scripts. This checks MDX text for
 * `<script>`, inline event handlers, `javascript:` URLs and imports from outside
 * src/components/, and reports `PATH:LINE:COLUMN: error: MESSAGE` for each.
 */

export interface ContentProblem {
  path: string;
  line: number;
  column: number;
  message: string;
}

interface Rule {
  pattern: RegExp;
  message: (match: RegExpExecArray) => string | null;
}

const RULES: Rule[] = [
  {
    pattern: /<\s*script\b/gi,
    message: () => '<script> is not allowed in content; pages get their behaviour from components in src/components/',
  },
  {
    pattern: /<[a-zA-Z][^>]*?\s(on[a-z]+)\s*=/g,
    message: (m) => `inline event handler "${m[1]}" is not allowed in content; remove it`,
  },
  {
    pattern: /javascript\s*:/gi,
    message: () => '"javascript:" links are not allowed; link to a page (/bpu/) or a full https:// address',
  },
  {
    pattern: /^\s*import\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm,
    message: (m) => {
      const source = m[1] ?? '';
      const allowed = /^(?:\.\.\/)+src\/components\/[\w-]+\.astro$/.test(source) || /^@components\/[\w-]+\.astro$/.test(source);
      return allowed ? null : `import from "${source}" is not allowed; content may only import components from src/components/`;
    },
  },
  {
    pattern: /^\s*export\s/gm,
    message: () => 'export statements are not allowed in content; put data in the frontmatter',
  },
];

/** 1-based line and column of an offset in a text. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Check one MDX file's text; `path` is only used in the messages. */
export function checkContent(path: string, text: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      const message = rule.message(m);
      if (message === null) continue;
      // Point at the offending token rather than leading whitespace.
      const lead = m[0].length - m[0].trimStart().length;
      const captured = m[1] && rule.pattern.source.includes('on[a-z]') ? m[0].lastIndexOf(m[1]) : lead;
      problems.push({ path, ...position(text, m.index + captured), message });
    }
  }
  problems.push(...checkFrontmatterDates(path, text));
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Frontmatter fields that hold calendar dates. Astro's YAML parser turns `2026-13-45` into a
 * rolled-over date (14 February 2027) without complaint, so these are checked on the raw text.
 */
export const DATE_FIELDS = ['terakhir_ditinjau', 'tanggal', 'tanggal_urut', 'tanggal_status'] as const;

/** Check that every date field in the frontmatter is a real `YYYY-MM-DD` date. */
export function checkFrontmatterDates(path: string, text: string): ContentProblem[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!match) return [];
  const offset = match[0].indexOf(match[1] ?? '');
  const lineCounter = new LineCounter();
  const doc = parseDocument(match[1] ?? '', { lineCounter });
  const problems: ContentProblem[] = [];
  const visit = (node: unknown, trail: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = pair.value as Node | null;
        const field = trail ? `${trail}.${key}` : key;
        if ((DATE_FIELDS as readonly string[]).includes(key) && isScalar(value) && value.value !== null) {
          const raw = (value.source ?? String(value.value)).trim();
          if (parseIsoDate(raw) === null) {
            const pos = lineCounter.linePos(value.range?.[0] ?? 0);
            const where = position(text, offset);
            problems.push({
              path,
              line: where.line + pos.line - 1,
              column: pos.col,
              message: `"${field}" is not a real date: ${JSON.stringify(raw)}; write it as YYYY-MM-DD, for example 2026-11-28`,
            });
          }
        } else {
          visit(value, field);
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, `${trail}[${i}]`));
    }
  };
  visit(doc.contents, '');
  return problems;
}

export function formatContentProblem(p: ContentProblem): string {
  return `${p.path}:${p.line}:${p.column}: error: ${p.message}`;
}

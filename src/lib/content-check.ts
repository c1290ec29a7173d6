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
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

export function formatContentProblem(p: ContentProblem): string {
  return `${p.path}:${p.line}:${p.column}: error: ${p.message}`;
}

/**
 * Every diagnostic the editors' guide quotes in a code block (`PATH:LINE:COLUMN: error|warning:
 * MESSAGE`) is real output: it appears verbatim in a pinned golden fixture under tests/fixtures/
 * (content and claims), so a changed message cannot leave the guide quoting something stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIAGNOSTIC = /^\S+:\d+:\d+: (error|warning): \S.*$/;

/** Lines inside fenced code blocks of a Markdown text. */
export function codeBlockLines(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (m) {
      if (fence === null) fence = m[1]!;
      else if (m[1]!.startsWith(fence[0]!) && m[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) out.push(line);
  }
  return out;
}

function goldenLines(): Set<string> {
  const lines = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && /^expected.*\.txt$/.test(e.name)) for (const l of readFileSync(full, 'utf8').split('\n')) lines.add(l);
    }
  };
  walk('tests/fixtures');
  return lines;
}

describe('PANDUAN-EDITOR.md', () => {
  const quoted = codeBlockLines(readFileSync('PANDUAN-EDITOR.md', 'utf8')).filter((l) => DIAGNOSTIC.test(l));

  it('quotes diagnostics in code blocks', () => {
    expect(quoted.length).toBeGreaterThanOrEqual(10);
  });

  it('every quoted diagnostic exists verbatim in a golden fixture', () => {
    const golden = goldenLines();
    expect(quoted.filter((l) => !golden.has(l))).toEqual([]);
  });

  it('finds code-block lines only', () => {
    expect(codeBlockLines('a\n```\nx:1:1: error: m\n```\ny:1:1: error: n\n~~~sh\nz\n~~~\n')).toEqual(['x:1:1: error: m', 'z']);
  });
});

/**
 * Every source marked V (verified in the source document) in content/ and data/bpu/ gives the
 * address where a reader can check it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Sumber { judul: string; url?: string; keyakinan?: string }

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdxFiles(path.join(dir, e.name)) : e.name.endsWith('.mdx') ? [path.join(dir, e.name)] : [],
  );
}

function frontmatter(file: string): { sumber?: Sumber[] } {
  const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`${file}: no frontmatter`);
  return parse(m[1] ?? '') as { sumber?: Sumber[] };
}

describe('verified sources have a URL', () => {
  const files = mdxFiles('content');

  it.each(files)('%s', (file) => {
    const missing = (frontmatter(file).sumber ?? []).filter((s) => s.keyakinan === 'V' && !s.url).map((s) => s.judul);
    expect(missing).toEqual([]);
  });

  it('data/bpu/iuran.yaml', () => {
    const data = parse(readFileSync('data/bpu/iuran.yaml', 'utf8')) as { sumber: Sumber[]; potongan: { sumber: Sumber[] }[] };
    const all = [...data.sumber, ...data.potongan.flatMap((p) => p.sumber)];
    expect(all.filter((s) => s.keyakinan === 'V' && !s.url).map((s) => s.judul)).toEqual([]);
  });
});

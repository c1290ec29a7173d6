/**
 * Breaking a content entry's frontmatter must stop the build with a message that names the
 * file and the field. Runs the real checks on a temporary copy of the project.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, runNode } from './helpers/project.ts';

const copies: string[] = [];

/** A copy of the project's sources (node_modules linked) with one file's text changed. */
function brokenCopy(file: string, change: (text: string) => string): string {
  const dir = copyProject('rtw-content-');
  copies.push(dir);
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  return dir;
}

const run = (dir: string, args: string[]) => runNode(args, { cwd: dir });

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('a broken training entry stops the build', () => {
  it('a date that does not exist: file:line:column and the field', () => {
    const dir = brokenCopy('content/pelatihan/elektro.mdx', (t) => t.replace(/^terakhir_ditinjau: .*$/m, 'terakhir_ditinjau: 2026-02-30'));
    const r = run(dir, ['scripts/check-content.ts']);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/^content\/pelatihan\/elektro\.mdx:\d+:20: error: "terakhir_ditinjau" is not a real date: "2026-02-30"/m);
  });

  it('an unknown status or a missing title: Astro names the entry and the field', () => {
    const dir = brokenCopy('content/pelatihan/elektro.mdx', (t) => t.replace(/^status: .*$/m, 'status: buka').replace(/^judul: .*$/m, ''));
    const r = run(dir, ['node_modules/astro/bin/astro.mjs', 'build']);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('pelatihan → elektro data does not match collection schema');
    expect(r.output).toMatch(/status: "status" must be one of: dibuka, ditutup, belum-diketahui/);
    expect(r.output).toMatch(/judul: "judul" \(title\) is required/);
  }, 120_000);
});

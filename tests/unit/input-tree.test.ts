import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { checkInputTree, walkInputTree } from '../../src/lib/input-tree.ts';

const root = mkdtempSync(path.join(tmpdir(), 'rtw-tree-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(rel: string, text = 'x') {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

describe('walkInputTree', () => {
  file('content/halaman/a.mdx');
  file('content/pelatihan/b.mdx');
  file('public/favicon.svg');
  file('data/klaim/x.csv');
  file('data/klaim/x.META.YAML');
  file('data/klaim/README.md');
  file('data/klaim/notes.txt');
  file('data/bpu/iuran.yaml');
  symlinkSync('/etc/passwd', path.join(root, 'content/halaman/passwd.mdx'));
  symlinkSync('/proc/self/environ', path.join(root, 'data/klaim/env.csv'));
  symlinkSync('../..', path.join(root, 'public/up'));
  symlinkSync(path.join(root, 'missing'), path.join(root, 'public/dangling'));
  execFileSync('mkfifo', [path.join(root, 'public/pipe')]);
  mkdirSync(path.join(root, 'elsewhere'));
  symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'linked'));

  it('lists regular files and refuses links and fifos without following them', () => {
    const t = walkInputTree(root, 'content');
    expect(t.files).toEqual(['content/halaman/a.mdx', 'content/pelatihan/b.mdx']);
    expect(t.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'content/halaman/passwd.mdx:1:1: error: "content/halaman/passwd.mdx" adalah tautan simbolik (symlink); content/ hanya boleh berisi file biasa dan folder. Ganti dengan salinan filenya atau hapus',
    ]);
    const pub = checkInputTree(root, 'public').map((d) => formatDiagnostic(d, { lang: 'en' }));
    expect(pub).toEqual([
      'public/dangling:1:1: error: "public/dangling" is a symbolic link; public/ may hold only regular files and folders. Replace it with a copy of the file or remove it',
      'public/pipe:1:1: error: "public/pipe" is a named pipe (fifo); public/ may hold only regular files and folders. Replace it with a copy of the file or remove it',
      'public/up:1:1: error: "public/up" is a symbolic link; public/ may hold only regular files and folders. Replace it with a copy of the file or remove it',
    ]);
  });

  it('applies per-folder extension rules, case-insensitively', () => {
    const t = walkInputTree(root, 'data', { extensions: [{ folder: 'data/klaim', extensions: ['.csv', '.yaml', '.yml', '.md'] }] });
    expect(t.files).toEqual(['data/bpu/iuran.yaml', 'data/klaim/README.md', 'data/klaim/x.META.YAML', 'data/klaim/x.csv']);
    expect(t.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'data/klaim/env.csv:1:1: error: "data/klaim/env.csv" adalah tautan simbolik (symlink); data/ hanya boleh berisi file biasa dan folder. Ganti dengan salinan filenya atau hapus',
      'data/klaim/notes.txt:1:1: error: file "data/klaim/notes.txt" tidak boleh ada di data/klaim/: yang boleh hanya file .csv, .yaml, .yml, .md. Ganti nama filenya atau pindahkan',
    ]);
  });

  it('refuses a linked top folder, tolerates a missing one, and stops at the entry limit', () => {
    expect(checkInputTree(root, 'linked')).toHaveLength(1);
    expect(walkInputTree(root, 'nothing-here')).toEqual({ files: [], diagnostics: [] });
    const t = walkInputTree(root, 'data', { maxEntries: 3 });
    expect(t.diagnostics.at(-1)?.message.en).toBe('data/ holds more than 3 files and folders; the check stopped');
  });

  it('shows control characters in names visibly', () => {
    file('content/berita/a\u202Eb.mdx');
    const t = walkInputTree(root, 'content', { extensions: [{ folder: 'content', extensions: ['.mdx'] }] });
    expect(t.files).toContain('content/berita/a\u202Eb.mdx');
    file('content/berita/c\nd.txt');
    const d = checkInputTree(root, 'content', { extensions: [{ folder: 'content', extensions: ['.mdx'] }] });
    expect(formatDiagnostic(d.find((x) => x.path.includes('c\\u{000A}d'))!)).toMatch(/^content\/berita\/c\\u\{000A\}d\.txt:1:1: error: /);
  });
});

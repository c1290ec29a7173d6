/**
 * Input folders (content/, data/, public/) may hold only regular files and directories.
 * A symbolic link could point a check or the build at /proc/self/environ, /etc/passwd or
 * .git/config and echo it into a log or copy it into dist/; a fifo or a device could hang the
 * build. Every entry is examined with lstat (links are never followed) and anything else is an
 * error naming the path. Optionally, the files in a folder must have one of the allowed
 * extensions (case-insensitive), e.g. `.csv .yaml .yml .md` in data/klaim.
 */
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Text } from './diagnostics.ts';

export interface InputTreeOptions {
  /**
   * Folders (relative to the root, `/`-separated, e.g. `data/klaim`) whose files, at any depth,
   * must end with one of `extensions` (with the dot, e.g. `.csv`; compared case-insensitively).
   * The most specific (longest) matching folder applies.
   */
  extensions?: readonly { folder: string; extensions: readonly string[] }[];
  /** Stop after this many entries (default 100 000), with an error. */
  maxEntries?: number;
  /** Deepest folder nesting allowed (default 32). */
  maxDepth?: number;
}

export interface InputTree {
  /** Regular files, relative to the root, `/`-separated, sorted. */
  files: string[];
  diagnostics: Diagnostic[];
}

const RULE = 'input-tree';

/** A path as shown in a message: control and bidirectional characters made visible. */
function shown(rel: string): string {
  return rel.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g, (ch) =>
    `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`,
  );
}

function kind(st: Stats): Text {
  if (st.isSymbolicLink()) return { id: 'tautan simbolik (symlink)', en: 'a symbolic link' };
  if (st.isFIFO()) return { id: 'pipa bernama (fifo)', en: 'a named pipe (fifo)' };
  if (st.isSocket()) return { id: 'soket', en: 'a socket' };
  if (st.isBlockDevice() || st.isCharacterDevice()) return { id: 'file perangkat (device)', en: 'a device file' };
  return { id: 'bukan file biasa', en: 'not a regular file' };
}

function diag(rel: string, message: Text): Diagnostic {
  return { path: shown(rel), line: 1, column: 1, severity: 'error', rule: RULE, message };
}

/**
 * Walks `dir` (relative to `root`) without following links; returns its regular files and an
 * error for everything else. A missing `dir` is not an error (it has no files).
 */
export function walkInputTree(root: string, dir: string, opts: InputTreeOptions = {}): InputTree {
  const maxEntries = opts.maxEntries ?? 100_000;
  const maxDepth = opts.maxDepth ?? 32;
  const rules = [...(opts.extensions ?? [])]
    .map((r) => ({ folder: r.folder.replace(/\/+$/, ''), extensions: r.extensions.map((e) => e.toLowerCase()) }))
    .sort((a, b) => b.folder.length - a.folder.length);
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let entries = 0;
  let stopped = false;

  const top = dir.split(path.sep).join('/').replace(/\/+$/, '');
  let st: Stats;
  try {
    st = lstatSync(path.join(root, top));
  } catch {
    return { files, diagnostics };
  }

  const visit = (rel: string, stats: Stats, depth: number): void => {
    if (stopped) return;
    if (++entries > maxEntries) {
      stopped = true;
      diagnostics.push(
        diag(top, {
          id: `${top}/ berisi lebih dari ${maxEntries} file dan folder; pemeriksaan dihentikan`,
          en: `${top}/ holds more than ${maxEntries} files and folders; the check stopped`,
        }),
      );
      return;
    }
    if (stats.isDirectory()) {
      if (depth > maxDepth) {
        diagnostics.push(
          diag(rel, { id: `folder "${shown(rel)}" terlalu dalam (lebih dari ${maxDepth} tingkat)`, en: `folder "${shown(rel)}" is nested too deeply (more than ${maxDepth} levels)` }),
        );
        return;
      }
      let names: string[];
      try {
        names = readdirSync(path.join(root, rel)).sort();
      } catch {
        diagnostics.push(diag(rel, { id: `folder "${shown(rel)}" tidak bisa dibaca`, en: `folder "${shown(rel)}" cannot be read` }));
        return;
      }
      for (const name of names) {
        const child = `${rel}/${name}`;
        let cs: Stats;
        try {
          cs = lstatSync(path.join(root, child));
        } catch {
          diagnostics.push(diag(child, { id: `"${shown(child)}" tidak bisa dibaca`, en: `"${shown(child)}" cannot be read` }));
          continue;
        }
        visit(child, cs, depth + 1);
        if (stopped) return;
      }
      return;
    }
    if (stats.isFile()) {
      const rule = rules.find((r) => rel === r.folder || rel.startsWith(`${r.folder}/`));
      if (rule) {
        const lower = rel.toLowerCase();
        if (!rule.extensions.some((e) => lower.endsWith(e))) {
          const list = rule.extensions.join(', ');
          diagnostics.push(
            diag(rel, {
              id: `file "${shown(rel)}" tidak boleh ada di ${rule.folder}/: yang boleh hanya file ${list}. Ganti nama filenya atau pindahkan`,
              en: `file "${shown(rel)}" is not allowed in ${rule.folder}/: only ${list} files are. Rename or move it`,
            }),
          );
          return;
        }
      }
      files.push(rel);
      return;
    }
    const k = kind(stats);
    diagnostics.push(
      diag(rel, {
        id: `"${shown(rel)}" adalah ${k.id}; ${top}/ hanya boleh berisi file biasa dan folder. Ganti dengan salinan filenya atau hapus`,
        en: `"${shown(rel)}" is ${k.en}; ${top}/ may hold only regular files and folders. Replace it with a copy of the file or remove it`,
      }),
    );
  };

  visit(top, st, 0);
  files.sort();
  return { files, diagnostics };
}

/** The errors of walkInputTree: every entry under `dir` that is not a regular file or a directory, or has a wrong extension. */
export function checkInputTree(root: string, dir: string, opts: InputTreeOptions = {}): Diagnostic[] {
  return walkInputTree(root, dir, opts).diagnostics;
}

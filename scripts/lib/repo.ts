/**
 * The repository root and temporary copies of the project, for scripts and tests that build
 * the site somewhere else (benchmarks, builds of fixtures).
 */
import { cpSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the folder that holds package.json (two levels above this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What the project is made of: everything a build reads. */
export const PROJECT_FILES: readonly string[] = ['src', 'content', 'data', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface CopyOptions {
  /** The project to copy (default: this repository). */
  from?: string;
  /** More entries to copy when they exist, e.g. `package-lock.json`. */
  extra?: readonly string[];
}

/**
 * Copy the project into a new temporary folder named `<tmp>/<prefix>XXXXXX`, with
 * `node_modules` linked (not copied). Returns the folder; the caller removes it.
 */
export function copyProject(prefix: string, options: CopyOptions = {}): string {
  const from = options.from ?? REPO_ROOT;
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of [...PROJECT_FILES, ...(options.extra ?? [])]) {
    if (existsSync(join(from, entry))) cpSync(join(from, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(from, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * Helpers for tests that build the site themselves: a temporary copy of the project and a
 * child-process runner whose environment is free of what vitest injects.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = process.cwd();

/** What the project is made of (everything a build reads). */
const PROJECT_FILES = ['src', 'content', 'data', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Copy the project into a new temporary folder, with node_modules linked. */
export function copyProject(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const entry of PROJECT_FILES) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * The environment for a child build. Vitest sets BASE_URL, MODE, DEV, PROD and SSR in
 * process.env; Vite would read BASE_URL back as the site's base and ignore BASE_PATH.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV']) delete env[key];
  return env;
}

/** Run `node ARGS` (Node 22 from the project) in `cwd`; returns status and combined output. */
export function runNode(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, args, { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: childEnv(options.env) });
  // Colour codes (some tools colour even when told not to, e.g. under CI=true) are stripped.
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
}

/** Like runNode, but throws with the output when the command fails. */
export function mustRun(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): string {
  const r = runNode(args, options);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${r.output}`);
  return r.output;
}

/** `astro build` for a project folder, optionally into another output folder. */
export function astroBuild(options: { cwd?: string; outDir?: string; env?: Record<string, string> } = {}): string {
  const args = ['node_modules/astro/bin/astro.mjs', 'build', ...(options.outDir ? ['--outDir', options.outDir] : [])];
  return mustRun(args, options);
}

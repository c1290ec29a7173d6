/**
 * Child processes for scripts and tests: a clean environment, `node` runs with their output,
 * and peak memory measured by GNU time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { REPO_ROOT } from './repo.ts';

/**
 * The environment for a child build. Vitest sets BASE_URL, MODE, DEV, PROD and SSR in
 * process.env; Vite would read BASE_URL back as the site's base and ignore BASE_PATH.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV']) delete env[key];
  return env;
}

export interface RunOptions { cwd?: string; env?: Record<string, string> }

/** Run `node ARGS` (the running Node, i.e. Node 22 from the project) in `cwd`; returns status and combined output. */
export function runNode(args: string[], options: RunOptions = {}): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, args, { cwd: options.cwd ?? REPO_ROOT, encoding: 'utf8', env: childEnv(options.env), maxBuffer: 256 * 1024 * 1024 });
  // Colour codes (some tools colour even when told not to, e.g. under CI=true) are stripped.
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
}

/** Like runNode, but throws with the output when the command fails. */
export function mustRun(args: string[], options: RunOptions = {}): string {
  const r = runNode(args, options);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${r.output}`);
  return r.output;
}

/** `astro build` for a project folder, optionally into another output folder. */
export function astroBuild(options: RunOptions & { outDir?: string } = {}): string {
  const args = ['node_modules/astro/bin/astro.mjs', 'build', ...(options.outDir ? ['--outDir', options.outDir] : [])];
  return mustRun(args, options);
}

export const GNU_TIME = '/usr/bin/time';

/** Whether GNU time (`/usr/bin/time -v`) is installed. */
export const HAS_GNU_TIME: boolean = ((): boolean => {
  try {
    execFileSync(GNU_TIME, ['-v', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * The command that runs `node ARGS` under GNU time writing its report to `timeFile`, or plain
 * `node ARGS` when GNU time is missing.
 */
export function nodeUnderGnuTime(args: string[], timeFile: string): [string, string[]] {
  return HAS_GNU_TIME ? [GNU_TIME, ['-v', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];
}

/** Peak RSS in bytes from a GNU time report (the largest single process), or null. */
export function gnuTimeMaxRss(timeFile: string): number | null {
  if (!existsSync(timeFile)) return null;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
  return m ? Number(m[1]) * 1024 : null;
}

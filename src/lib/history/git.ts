/**
 * Thin git layer for data history: `git` run with `execFile` (argument arrays, never a
 * shell string), output parsed by pure functions exported for tests.
 */
import { execFile } from 'node:child_process';

/** Runs git in `cwd`; resolves stdout as a Buffer. Config that would change the output is pinned. */
function git(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotepath=false', '-c', 'log.showSignature=false', '-c', 'color.ui=false', ...args],
      { cwd, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`git ${args.join(' ')} failed in ${cwd}: ${stderr.toString().trim() || error.message}`, { cause: error }));
          return;
        }
        resolvePromise(stdout);
      },
    );
  });
}

/** Whether full history can be read in `cwd`, and why not. */
export type GitState =
  | { available: true; /** path of `cwd` inside the repository, '' or ending in '/' */ prefix: string }
  | { available: false; reason: 'no-git' | 'not-a-repository' | 'shallow' | 'no-commits' };

/** Finds out whether `cwd` is in a full (non-shallow) git checkout with at least one commit. */
export async function gitState(cwd: string): Promise<GitState> {
  let out: string;
  try {
    out = (await git(cwd, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix'])).toString('utf8');
  } catch (e) {
    const code = (e as { cause?: { code?: unknown } }).cause?.code;
    return { available: false, reason: code === 'ENOENT' ? 'no-git' : 'not-a-repository' };
  }
  const [inside, shallow, prefix = ''] = out.split('\n');
  if (inside !== 'true') return { available: false, reason: 'not-a-repository' };
  if (shallow === 'true') return { available: false, reason: 'shallow' };
  try {
    await git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  } catch {
    return { available: false, reason: 'no-commits' };
  }
  return { available: true, prefix };
}

/** One commit of a file's log, with the file's blob after that commit. */
export interface LogEntry {
  /** Full commit hash. */
  commit: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  /** Committer date, strict ISO 8601 with the committer's offset (`2026-11-29T10:00:00+07:00`). */
  date: string;
  /** Full commit message. */
  message: string;
  /** Blob hash of the file after the commit; null when the commit deleted it. */
  blob: string | null;
  /** Path of the file in that commit (relative to the repository root). */
  path: string;
}

const RS = '\x1e';
const US = '\x1f';
/** `git log` format matching {@link parseLog}. */
export const LOG_FORMAT = `${RS}%H${US}%ct${US}%cI${US}%B${US}`;
const ZERO = /^0+$/;

/**
 * Parses `git log --raw --no-abbrev --format=LOG_FORMAT` output for one file: each record is
 * the commit fields, then the raw diff lines (`:100644 100644 OLD NEW M\tpath`, renames
 * `R100\told\tnew`). Records without a raw line (e.g. merges) are skipped.
 */
export function parseLog(out: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const record of out.split(RS)) {
    if (record.trim() === '') continue;
    const parts = record.split(US);
    if (parts.length < 5) throw new Error(`unexpected git log record: ${JSON.stringify(record.slice(0, 200))}`);
    const [commit, time, date, message] = parts as [string, string, string, string];
    const raw = parts.slice(4).join(US);
    const line = raw.split('\n').find((l) => l.startsWith(':'));
    if (line === undefined) continue;
    const [info = '', ...paths] = line.split('\t');
    const fields = info.slice(1).split(' ');
    const newBlob = fields[3] ?? '';
    const status = fields[4] ?? '';
    const path = paths[paths.length - 1] ?? '';
    entries.push({
      commit,
      time: Number(time),
      date,
      message: message.replace(/\s+$/, ''),
      blob: status.startsWith('D') || ZERO.test(newBlob) ? null : newBlob,
      path,
    });
  }
  return entries;
}

/** Commits that touched `path` (relative to `cwd`), following renames, newest first. */
export async function fileLog(cwd: string, path: string): Promise<LogEntry[]> {
  const out = await git(cwd, ['log', '--follow', '--raw', '--no-abbrev', '--no-color', '--no-ext-diff', `--format=${LOG_FORMAT}`, '--', path]);
  return parseLog(out.toString('utf8'));
}

/** The bytes of a blob. */
export function readBlob(cwd: string, blob: string): Promise<Buffer> {
  if (!/^[0-9a-f]{40,64}$/.test(blob)) return Promise.reject(new Error(`not a blob hash: ${blob}`));
  return git(cwd, ['cat-file', 'blob', blob]);
}

/** Blob hash of `path` (relative to `cwd`) in `commit`, or null when the commit has no such file. */
export async function blobAt(cwd: string, commit: string, path: string): Promise<string | null> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new Error(`not a commit hash: ${commit}`);
  try {
    const out = (await git(cwd, ['rev-parse', '--verify', '--quiet', `${commit}:./${path}`])).toString('utf8').trim();
    return out === '' ? null : out;
  } catch {
    return null;
  }
}

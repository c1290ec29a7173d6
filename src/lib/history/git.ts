/**
 * Thin git layer for data history: `git` run with `execFile` (argument arrays, never a
 * shell string), output parsed by pure functions exported for tests. Object reads go
 * through one long-running `git cat-file --batch` ({@link CatFile}, `spawn` with an argument
 * array) instead of one process per blob.
 */
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

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

/** A blob read by {@link CatFile}. */
export interface GitObject {
  oid: string;
  data: Buffer;
}

/**
 * One `git cat-file --batch` process answering object reads in order: `read(name)` takes
 * a blob hash or `<commit>:<path from the repository root>` and resolves its bytes, or null
 * when there is no such object. Call {@link CatFile.close} when done.
 */
export class CatFile {
  private readonly proc: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly waiting: { resolve: (b: GitObject | null) => void; reject: (e: Error) => void }[] = [];
  private buf: Buffer = Buffer.alloc(0);
  private failed: Error | null = null;

  constructor(cwd: string) {
    this.proc = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
    let stderr = '';
    this.proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    this.proc.stdout.on('data', (b: Buffer) => {
      this.buf = this.buf.length === 0 ? b : Buffer.concat([this.buf, b]);
      this.drain();
    });
    const fail = (e: Error): void => {
      this.failed = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    this.proc.on('error', (e) => fail(new Error(`git cat-file --batch failed in ${cwd}: ${e.message}`, { cause: e })));
    this.proc.on('close', (code) => {
      if (this.waiting.length > 0) fail(new Error(`git cat-file --batch ended (exit ${code}) in ${cwd}: ${stderr.trim()}`));
    });
    this.proc.stdin.on('error', () => undefined);
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const nl = this.buf.indexOf(10);
      if (nl < 0) return;
      const header = this.buf.subarray(0, nl).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buf = this.buf.subarray(nl + 1);
        this.waiting.shift()!.resolve(null);
        continue;
      }
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!m) {
        this.waiting.shift()!.reject(new Error(`unexpected git cat-file output: ${header.slice(0, 200)}`));
        this.buf = this.buf.subarray(nl + 1);
        continue;
      }
      const size = Number(m[2]);
      if (this.buf.length < nl + 1 + size + 1) return;
      const data = Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.waiting.shift()!.resolve(m[1] === 'blob' ? { oid: header.slice(0, header.indexOf(' ')), data } : null);
    }
  }

  /** A blob's hash and bytes (by hash or `<commit>:<path>`), or null when absent or not a blob. */
  read(name: string): Promise<GitObject | null> {
    if (this.failed) return Promise.reject(this.failed);
    if (/[\n\r]/.test(name)) return Promise.reject(new Error(`object name with a line break: ${JSON.stringify(name)}`));
    return new Promise((resolvePromise, reject) => {
      this.waiting.push({ resolve: resolvePromise, reject });
      this.proc.stdin.write(`${name}\n`);
    });
  }

  close(): void {
    this.proc.stdin.end();
  }
}

/**
 * The date a build describes: used as the "accessed" date in citations. Taken from
 * SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else from the date of
 * the last git commit, so two builds of the same commit are byte-identical. Falls back to
 * today's date only outside a git checkout.
 */
import { execFileSync } from 'node:child_process';

/** Pure part: choose the date from what the environment offers. */
export function pickBuildDate(sourceDateEpoch: string | undefined, gitCommitDate: string | null, now: Date): string {
  if (sourceDateEpoch && /^\d+$/.test(sourceDateEpoch)) {
    return new Date(Number(sourceDateEpoch) * 1000).toISOString().slice(0, 10);
  }
  if (gitCommitDate && /^\d{4}-\d{2}-\d{2}$/.test(gitCommitDate)) return gitCommitDate;
  return now.toISOString().slice(0, 10);
}

function gitCommitDate(): string | null {
  try {
    return execFileSync('git', ['log', '-1', '--format=%cd', '--date=format-local:%Y-%m-%d'], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

let cached: string | undefined;

/** The build's date, `YYYY-MM-DD`, computed once per build. */
export function buildDate(): string {
  cached ??= pickBuildDate(process.env['SOURCE_DATE_EPOCH'], gitCommitDate(), new Date());
  return cached;
}

/** Pure part of {@link versionDate}: the commit date when known, else the review date. */
export function pickVersionDate(gitDate: string | null, lastReviewed: string): string {
  return gitDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(gitDate) ? gitDate : lastReviewed;
}

const versionDates = new Map<string, string>();

/**
 * The date of a dataset's data version: the date of the last commit that changed its files
 * (UTC), or its review date outside a git checkout. Stable for a given commit.
 */
export function versionDate(paths: readonly string[], lastReviewed: string): string {
  const key = paths.join('\n');
  let date = versionDates.get(key);
  if (date === undefined) {
    let git: string | null = null;
    try {
      git = execFileSync('git', ['log', '-1', '--format=%cd', '--date=format-local:%Y-%m-%d', '--', ...paths], {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC' },
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || null;
    } catch {
      git = null;
    }
    date = pickVersionDate(git, lastReviewed);
    versionDates.set(key, date);
  }
  return date;
}

/**
 * Helpers for data-history tests: git commits with fixed dates in a temporary repository,
 * and a one-amount correction located by the `nominal_rp` header (so it survives changes
 * of the other columns).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** Runs git in `cwd` with a fixed identity, no hooks, no signing; returns stdout. */
export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Editor Uji', '-c', 'user.email=editor@example.org', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Stages everything and commits with author and committer date `date` (ISO with offset). Returns the full hash. */
export function commitAll(cwd: string, message: string, date: string): string {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return git(cwd, ['rev-parse', 'HEAD']).trim();
}

const csvLine = (fields: string[]): string => fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');

/**
 * Adds Rp1.000 to the first row whose `nominal_rp` is filled in and that has no printed
 * (`nominal_tertulis`) form, rewriting only that line. Returns the new text, or null when
 * no row qualifies.
 */
export function correctOneAmount(csv: string): { text: string; line: number } | null {
  const eol = csv.includes('\r\n') ? '\r\n' : '\n';
  const lines = csv.split(eol);
  const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
  const header = rows[0] ?? [];
  const nominal = header.indexOf('nominal_rp');
  const printed = header.indexOf('nominal_tertulis');
  if (nominal < 0) throw new Error('no nominal_rp column in the CSV header');
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const value = row[nominal] ?? '';
    if (!/^\d+(\.\d{1,2})?$/.test(value) || (printed >= 0 && (row[printed] ?? '') !== '')) continue;
    // csv-parse rows map to physical lines only when no field spans lines; the fixtures' do not.
    const [int, frac] = value.split('.');
    row[nominal] = `${BigInt(int!) + 1000n}${frac !== undefined ? `.${frac}` : ''}`;
    lines[i] = csvLine(row);
    return { text: lines.join(eol), line: i + 1 };
  }
  return null;
}

/** The first dataset id (sorted) in `<dataDir>/klaim/` whose CSV has an amount {@link correctOneAmount} can change. */
export function correctableDataset(dataDir: string): string {
  const ids = readdirSync(path.join(dataDir, 'klaim')).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4)).sort();
  for (const id of ids) if (correctOneAmount(readFileSync(path.join(dataDir, 'klaim', `${id}.csv`), 'utf8')) !== null) return id;
  throw new Error(`no dataset in ${dataDir} has a plain nominal_rp to correct`);
}

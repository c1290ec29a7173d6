/**
 * Golden fixtures for the content check: one folder per attack class or editor mistake under
 * tests/fixtures/content/, each a small project tree (content/, public/) with the exact output
 * of `npm run content:check` pinned in expected.txt (Indonesian) and expected.en.txt (English).
 * Symbolic links are made at test time from symlinks.json (they would be awkward in git).
 *
 * The Indonesian output comes from the real command, run in a temporary copy of each tree
 * with a fake secret in its environment: no output may contain it, or a stack trace.
 *
 * Regenerate on purpose only: `UPDATE_GOLDEN=1 npx vitest run --config tests/vitest.config.ts
 * tests/unit/content-fixtures.test.ts`, then review the diff.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentTree } from '../../src/lib/content-check.ts';
import { countSeverities, formatDiagnostic, summaryLine } from '../../src/lib/diagnostics.ts';
import { ROOT, runNode } from '../helpers/project.ts';

const base = path.join(ROOT, 'tests/fixtures/content');
const cases = readdirSync(base).filter((c) => existsSync(path.join(base, c, 'content'))).sort();
const update = process.env['UPDATE_GOLDEN'] === '1';
const SECRET = 'rtw-secret-3f9c1d7e-do-not-print';
const temps: string[] = [];

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A temporary copy of a fixture tree, with its symbolic links made. */
function materialise(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `rtw-content-${name}-`));
  temps.push(dir);
  for (const sub of ['content', 'public']) {
    if (existsSync(path.join(base, name, sub))) cpSync(path.join(base, name, sub), path.join(dir, sub), { recursive: true });
  }
  const links = path.join(base, name, 'symlinks.json');
  if (existsSync(links)) {
    for (const [from, to] of Object.entries(JSON.parse(readFileSync(links, 'utf8')) as Record<string, string>)) {
      mkdirSync(path.dirname(path.join(dir, from)), { recursive: true });
      symlinkSync(to, path.join(dir, from));
    }
  }
  return dir;
}

function golden(file: string, actual: string): void {
  if (update) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('content golden fixtures', () => {
  it('has a fixture for each attack class', () => {
    for (const c of ['expression', 'esm', 'spread', 'raw-html-sink', 'meta-refresh', 'encoded-scheme', 'symlink-content', 'symlink-public', 'null-date', 'alias-bad-date', 'alias-bomb', 'control-chars']) {
      expect(cases).toContain(c);
    }
  });

  for (const name of cases) {
    it(name, () => {
      const dir = materialise(name);
      const r = runNode([path.join(ROOT, 'scripts/check-content.ts')], { cwd: dir, env: { SECRET_TOKEN: SECRET, RTW_LANG: '' } });
      expect(r.status).toBe(1);
      expect(r.output).not.toContain(SECRET);
      expect(r.output).not.toMatch(/^\s+at /m);
      const stdout = r.output.replace(/\n+$/, '\n').replace(/^\n/, '');
      golden(path.join(base, name, 'expected.txt'), stdout);

      const result = checkContentTree(dir);
      const en = [
        ...result.diagnostics.map((d) => formatDiagnostic(d, { lang: 'en' })),
        summaryLine({ id: 'file konten', en: `content file${result.files === 1 ? '' : 's'}` }, result.files, countSeverities(result.diagnostics), 'en'),
        '',
      ].join('\n');
      expect(en).not.toContain(SECRET);
      golden(path.join(base, name, 'expected.en.txt'), en);
      // Every line is PATH:LINE:COLUMN: error: MESSAGE, except the summary.
      for (const line of stdout.trimEnd().split('\n').slice(0, -1)) expect(line).toMatch(/^[^:\s]+:\d+:\d+: (error|warning): \S/);
    });
  }
});

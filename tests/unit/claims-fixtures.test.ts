/**
 * Golden fixtures: one folder per rule under tests/fixtures/claims/, each with
 * the exact output of `data:check` pinned in expected.txt (Indonesian, the default)
 * and expected.en.txt (`--lang en`).
 *
 * - A folder with a `klaim/` subfolder is checked like `npm run data:check`
 *   over a data folder (every CSV needs its metadata).
 * - Otherwise its `*.csv` files are checked like `npm run data:check -- FILE...`
 *   (a `.meta.yaml` beside a CSV is checked with it).
 * - The office registry is `kantor.yaml` in the parent of each CSV's folder: `<case>/kantor.yaml`
 *   for a `klaim/` case, the shared `tests/fixtures/claims/kantor.yaml` otherwise.
 *
 * Regenerate on purpose only: `UPDATE_GOLDEN=1 npx vitest run tests/unit/claims-fixtures.test.ts`
 * (never in CI), then review the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDatasets, findDatasets, formatReport } from '../../src/lib/claims/check.ts';
import { RULES } from '../../src/lib/claims/rules.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const base = join(root, 'tests/fixtures/claims');
const cases = readdirSync(base)
  .filter((c) => statSync(join(base, c)).isDirectory())
  .filter((c) => existsSync(join(base, c, 'expected.txt')) || process.env['UPDATE_GOLDEN'] === '1')
  .sort();
const rel = (p: string) => relative(root, p).split('\\').join('/');

async function run(caseDir: string) {
  if (existsSync(join(caseDir, 'klaim'))) {
    const found = await findDatasets(caseDir);
    return checkDatasets(found.csvs.map((f) => ({ fsPath: f, displayPath: rel(f) })), {
      requireMeta: true,
      orphanMetas: found.orphanMetas.map((f) => ({ fsPath: f, displayPath: rel(f) })),
    });
  }
  const csvs = readdirSync(caseDir).filter((f) => f.endsWith('.csv')).sort().map((f) => join(caseDir, f));
  return checkDatasets(csvs.map((f) => ({ fsPath: f, displayPath: rel(f) })), { requireMeta: false });
}

describe('claims golden fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(20));

  for (const c of cases) {
    it(c, async () => {
      const dir = join(base, c);
      const result = await run(dir);
      for (const [lang, name] of [['id', 'expected.txt'], ['en', 'expected.en.txt']] as const) {
        const out = formatReport(result, { lang });
        const file = join(dir, name);
        if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, out);
        expect(out, `${c}/${name}`).toBe(readFileSync(file, 'utf8'));
      }
    });
  }

  it('every message has an Indonesian and an English text, different from each other', async () => {
    for (const c of cases) {
      for (const d of (await run(join(base, c))).diagnostics) {
        expect(d.message.id.length, `${c}: ${d.message.en}`).toBeGreaterThan(10);
        expect(d.message.id, `${c}: not translated: ${d.message.en}`).not.toBe(d.message.en);
      }
    }
  });

  it('--format github prints annotations GitHub accepts', async () => {
    const out = formatReport(await run(join(base, 'printed-mismatch')), { format: 'github' });
    const lines = out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('1 dataset, 4 baris: 4 error, 0 warning');
    for (const line of lines.slice(0, -1)) {
      expect(line).toMatch(/^::error file=tests\/fixtures\/claims\/printed-mismatch\/input\.csv,line=\d+,col=\d+,title=printed\.mismatch::[^\n]+$/);
    }
    expect(lines[0]).toBe('::error file=tests/fixtures/claims/printed-mismatch/input.csv,line=2,col=41,title=printed.mismatch::nominal_rp 11800000000 tidak sama dengan nominal_tertulis "Rp 11,9 miliar", yang bernilai 11900000000; perbaiki salah ketik di salah satunya');
  });

  it('every error rule has a fixture that triggers it', async () => {
    const seen = new Set<string>();
    for (const c of cases) for (const d of (await run(join(base, c))).diagnostics) seen.add(d.rule);
    // dataset.conflict is not a diagnostic of the checker: loadClaims records conflicts in
    // Dataset.conflicts (tested on the overlap-across fixture in claims-pipeline.test.ts).
    const missing = RULES.map((r) => r.id).filter((id) => id !== 'dataset.conflict' && !seen.has(id));
    expect(missing).toEqual([]);
  });
});

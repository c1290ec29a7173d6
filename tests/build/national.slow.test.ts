/**
 * The same templates at national scale: a temporary copy of the project gets synthetic
 * national data (12 branches × 3 years of monthly rows, their offices in the registry, beside
 * the real datasets), is built, and
 * the whole page gate runs over it in a child vitest: axe and clean loads at 360/1280 px,
 * charts, no-JavaScript figures, internal links, HTML validity, every displayed figure against
 * a recomputation from the published CSV, and no sums of overlapping datasets.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, mustRun, runNode } from '../helpers/project.ts';

const work = copyProject('rtw-national-');
const dist = path.join(work, 'dist');

beforeAll(() => {
  mustRun(['scripts/generate-national.ts', '--out', path.join(work, 'data'), '--branches', '12', '--years', '3', '--seed', '7']);
  mustRun(['scripts/check-data.ts'], { cwd: work });
  astroBuild({ cwd: work });
  mustRun(['scripts/search-index.ts', dist]);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('national-scale site', () => {
  it('passes the page gate', () => {
    const r = runNode(
      ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/vitest.config.ts',
        'tests/e2e/pages.e2e.test.ts', 'tests/e2e/chart.e2e.test.ts', 'tests/e2e/nojs.e2e.test.ts',
        'tests/build/links.test.ts', 'tests/build/html-validate.test.ts', 'tests/build/figures-build.test.ts', 'tests/build/no-overlap-sums.test.ts'],
      { env: { DIST_DIR: dist } },
    );
    const output = r.output;
    expect(r.status, output.slice(-6000)).toBe(0);
    expect(output).toMatch(/Tests\s+\d+ passed/);
    expect(output).not.toMatch(/\d+ failed/);
  }, 600_000);
});

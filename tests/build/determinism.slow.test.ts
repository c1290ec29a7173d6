/**
 * Two clean builds from the same commit give byte-identical sites: the test builds the site
 * again (Astro + Pagefind) into a temporary folder and compares a sha256 manifest of every
 * file with dist/ from `npm run build`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertDist, DIST } from '../e2e/site.ts';
import { astroBuild, mustRun } from '../helpers/project.ts';

function manifest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out[path.relative(dir, file).split(path.sep).join('/')] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

const again = mkdtempSync(path.join(tmpdir(), 'rtw-determinism-'));
afterAll(() => rmSync(again, { recursive: true, force: true }));

describe('reproducible builds', () => {
  it('a second clean build is byte-identical to dist/', () => {
    assertDist();
    astroBuild({ outDir: again });
    mustRun(['scripts/search-index.ts', again]);
    const first = manifest(DIST);
    const second = manifest(again);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    const differing = Object.keys(first).filter((f) => first[f] !== second[f]);
    expect(differing).toEqual([]);
  }, 180_000);
});

/**
 * Two clean builds from the same commit give byte-identical sites: the test builds the site
 * again (Astro + Pagefind) into a temporary folder and compares a sha256 manifest of every
 * file with dist/ from `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertDist, DIST } from './e2e/site.ts';

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
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
    };
    run(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', again]);
    run(['scripts/search-index.ts', again]);
    const first = manifest(DIST);
    const second = manifest(again);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    const differing = Object.keys(first).filter((f) => first[f] !== second[f]);
    expect(differing).toEqual([]);
  }, 180_000);
});

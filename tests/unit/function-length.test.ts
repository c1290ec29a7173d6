/**
 * No function in src/lib/ is longer than 120 lines (issue 15): long functions are split into
 * named steps. Measured with the TypeScript compiler API over every .ts file of src/lib/,
 * counting the lines from a function's first to its last line (methods, arrows and nested
 * functions included, each on its own).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/repo.ts';

const MAX_LINES = 120;
const LIB = join(REPO_ROOT, 'src', 'lib');

/** Every function-like node with a body: `file:line name (N lines)`. */
function functionLengths(file: string): { where: string; lines: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { where: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = 'name' in node && node.name !== undefined ? (node.name as ts.Node).getText(source) : '(anonymous)';
      out.push({ where: `${file.slice(REPO_ROOT.length + 1)}:${first + 1} ${name}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const files = readdirSync(LIB, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(LIB, f));

describe('function length in src/lib/', () => {
  it('finds the functions it measures', () => {
    const all = files.flatMap(functionLengths);
    expect(all.length).toBeGreaterThan(200);
    // The measure itself: the ChunkChecker's row check is a real, multi-line method.
    expect(all.find((f) => / checkRow$/.test(f.where))?.lines).toBeGreaterThan(20);
  });

  it(`has no function longer than ${MAX_LINES} lines`, () => {
    const long = files.flatMap(functionLengths).filter((f) => f.lines > MAX_LINES).map((f) => `${f.where} (${f.lines} lines)`);
    expect(long).toEqual([]);
  });
});

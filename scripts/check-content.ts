/**
 * `npm run content:check`: rejects scripts, event handlers, javascript: links and foreign
 * imports in content/**.mdx. Errors on stdout as PATH:LINE:COLUMN, exit 1 if any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent, formatContentProblem } from '../src/lib/content-check.ts';

const root = process.argv[2] ?? 'content';

function* mdxFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* mdxFiles(full);
    else if (/\.(mdx?|markdown)$/.test(entry.name)) yield full;
  }
}

let files = 0;
let errors = 0;
for (const file of [...mdxFiles(root)].sort()) {
  files++;
  const path = relative(process.cwd(), file).split('\\').join('/');
  for (const p of checkContent(path, readFileSync(file, 'utf8'))) {
    errors++;
    console.log(formatContentProblem(p));
  }
}
if (files === 0) {
  console.error(`warning: no content files found under ${root}/`);
}
console.log(`${files} content file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}`);
process.exitCode = errors > 0 ? 1 : 0;

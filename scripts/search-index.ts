/**
 * Writes dist/pagefind/: the Pagefind search index over the built site. Run after
 * `astro build`. Only `data-pagefind-body` regions are indexed (not navigation or footers);
 * the language comes from each page's `<html lang="id">`, which selects Indonesian stemming.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const site = process.argv[2] ?? 'dist';
const outputPath = join(site, 'pagefind');

function fail(what: string, errors: string[]): never {
  console.error(`error: pagefind ${what} failed:\n${errors.join('\n')}`);
  process.exit(1);
}

rmSync(outputPath, { recursive: true, force: true });
const { index, errors } = await pagefind.createIndex({});
if (!index) fail('createIndex', errors);
const added = await index.addDirectory({ path: site });
if (added.errors.length > 0) fail('indexing', added.errors);
if (added.page_count === 0) fail('indexing', [`no pages found under ${site}/: run astro build first`]);
const written = await index.writeFiles({ outputPath });
if (written.errors.length > 0) fail('writing', written.errors);
await pagefind.close();
console.error(`search index: ${added.page_count} pages indexed into ${outputPath}/`);

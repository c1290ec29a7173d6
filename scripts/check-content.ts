/**
 * `npm run content:check [-- FILE...] [--lang en] [--format github]`: checks content/ (every
 * MDX file: safety rules, frontmatter against the collection schemas, MDX syntax) and public/
 * (regular files only). Prints `PATH:LINE:COLUMN: error: MESSAGE` lines in Indonesian (English
 * with --lang en or RTW_LANG=en) or GitHub annotations, then a summary; exit 1 on any error,
 * 2 on a usage error. Never prints a stack trace.
 */
import { checkContentTree } from '../src/lib/content-check.ts';
import { cliOptions, countSeverities, formatDiagnostic, summaryLine, UsageError } from '../src/lib/diagnostics.ts';

function main(): number {
  let opts;
  try {
    opts = cliOptions(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const { lang, format, rest } = opts;
  const result = checkContentTree(process.cwd(), rest);
  for (const d of result.diagnostics) console.log(formatDiagnostic(d, { lang, format }));
  const counts = countSeverities(result.diagnostics);
  if (result.files === 0 && rest.length === 0) {
    console.error(lang === 'en' ? 'warning: no content files found under content/' : 'warning: tidak ada file konten di content/');
  }
  console.log(summaryLine({ id: 'file konten', en: `content file${result.files === 1 ? '' : 's'}` }, result.files, counts, lang));
  return counts.errors > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(`error: content:check failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  process.exitCode = 2;
}

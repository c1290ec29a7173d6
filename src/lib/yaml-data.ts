/**
 * Validate a YAML data file against a zod schema and report each problem as
 * `PATH:LINE:COLUMN: error: FIELD: MESSAGE`, pointing at the offending field in the file.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';

export interface YamlProblem {
  path: string;
  line: number;
  column: number;
  message: string;
}

/** Format a problem the way compilers and editors expect. */
export function formatProblem(p: YamlProblem): string {
  return `${p.path}:${p.line}:${p.column}: error: ${p.message}`;
}

/** Thrown when a data file is invalid; `problems` holds every problem found. */
export class DataFileError extends Error {
  readonly problems: YamlProblem[];
  constructor(problems: YamlProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DataFileError';
    this.problems = problems;
  }
}

/**
 * Parse YAML text and validate it. Returns the parsed value or throws a DataFileError.
 * @param text the file's contents
 * @param path the file's path as shown in messages (relative to the project root)
 */
export function parseYamlWithSchema<S extends z.ZodType>(text: string, path: string, schema: S): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new DataFileError(
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { path, line: pos.line, column: pos.col, message: `invalid YAML: ${e.message.split('\n')[0]}` };
      }),
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new DataFileError(
    result.error.issues.map((issue) => {
      // Point at the deepest node that exists on the issue's path.
      let offset = 0;
      for (let depth = issue.path.length; depth >= 0; depth--) {
        const node = doc.getIn(issue.path.slice(0, depth) as (string | number)[], true);
        if (isNode(node) && node.range) {
          offset = node.range[0];
          break;
        }
      }
      const pos = lineCounter.linePos(offset);
      const field = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
      return { path, line: pos.line, column: pos.col, message: `${field}${issue.message}` };
    }),
  );
}

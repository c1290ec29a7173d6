/**
 * YAML files of the claims data (dataset metadata, the office registry) validated by a zod
 * schema, with every problem reported at the line and column of the field concerned.
 */
import { LineCounter, parseDocument, isMap, isScalar, isNode } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { nearestName, t, textOf } from './diagnostics.ts';
import type { RuleId } from './rules.ts';

/** Limit on YAML aliases: a file with more is refused before it is expanded. */
export const MAX_ALIASES = 50;

/** Line and column (1-based). */
export interface Position {
  line: number;
  column: number;
}

/** A parsed YAML document with position helpers. */
export interface YamlDoc {
  doc: Document.Parsed;
  /** Position of a node at a path (of the deepest existing ancestor when absent). */
  at(path: readonly PropertyKey[]): Position;
  /** Position of the key `key` of the mapping at `path`. */
  keyAt(path: readonly PropertyKey[], key: string): Position;
}

/** Result of {@link validateYaml}: `data` is null when there is any error. */
export interface YamlResult<T> {
  data: T | null;
  diagnostics: Diagnostic[];
  yaml: YamlDoc | null;
}

/**
 * Parses YAML text (integers as BigInt, so no digit of a figure is lost) and validates it.
 * @param fields known field names by dotted parent path ('' = top level, '*' for list items),
 *   used to suggest a name for a misspelt field
 */
export function validateYaml<S extends z.ZodType>(
  path: string,
  source: string,
  schema: S,
  rule: RuleId,
  fields: Record<string, readonly string[]>,
): YamlResult<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, intAsBigInt: true, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const pos = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1, column: 1 };
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const first = e.message.split('\n')[0] ?? e.message;
      diagnostics.push({ path, ...pos(e.pos[0]), severity: 'error', rule: 'meta.syntax', message: t(`YAML tidak sah: ${first}; perbaiki penulisannya (periksa indentasi dan tanda kutip)`, `invalid YAML: ${first}; fix the syntax (check indentation and quotes)`) });
    }
    return { data: null, diagnostics, yaml: null };
  }
  const nodeAt = (p: readonly PropertyKey[]): YamlNode | undefined => {
    const n = p.length === 0 ? doc.contents : doc.getIn(p as unknown[], true);
    return isNode(n) ? n : undefined;
  };
  const at = (p: readonly PropertyKey[]): Position => {
    for (let depth = p.length; depth >= 0; depth--) {
      const n = nodeAt(p.slice(0, depth));
      if (n?.range) return pos(n.range[0]);
    }
    return { line: 1, column: 1 };
  };
  const keyAt = (p: readonly PropertyKey[], key: string): Position => {
    const parent = nodeAt(p);
    if (isMap(parent)) {
      for (const item of parent.items) if (isScalar(item.key) && item.key.value === key && item.key.range) return pos(item.key.range[0]);
    }
    return at(p);
  };
  const yaml: YamlDoc = { doc, at, keyAt };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    diagnostics.push({ path, line: 1, column: 1, severity: 'error', rule: 'meta.syntax',
      message: t(`YAML ini memakai terlalu banyak alias (*nama) (${(e as Error).message}); tulis nilainya satu per satu, jangan diulang lewat alias`,
        `the YAML uses too many aliases (*name) (${(e as Error).message}); write the values out instead of repeating them through aliases`) });
    return { data: null, diagnostics, yaml };
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const p = issue.path;
      const dotted = p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
      const generic = p.map((k) => (typeof k === 'number' ? '*' : String(k))).join('.');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const near = nearestName(key, fields[generic] ?? []);
          const full = dotted === '' ? key : `${dotted}.${key}`;
          const nearFull = near === undefined ? '' : dotted === '' ? near : `${dotted}.${near}`;
          diagnostics.push({ path, ...keyAt(p, key), severity: 'error', rule,
            message: near !== undefined
              ? t(`isian "${full}" tidak dikenal; maksud Anda "${nearFull}"? Ganti namanya`, `unknown field "${full}"; did you mean "${nearFull}"? Rename it`)
              : t(`isian "${full}" tidak dikenal; hapus isian itu`, `unknown field "${full}"; remove it`) });
        }
        continue;
      }
      const node = nodeAt(p);
      if (node === undefined && issue.code === 'invalid_type' && p.length > 0) {
        diagnostics.push({ path, ...at(p.slice(0, -1)), severity: 'error', rule,
          message: t(`isian "${dotted}" tidak ada; tambahkan (tulis null bila faktanya tidak diketahui dan isian itu boleh kosong)`,
            `missing field "${dotted}"; add it (use null where the fact is unknown and the field allows it)`) });
        continue;
      }
      // Our schemas carry both languages in one string (bi()); zod's own messages are English only.
      const text = textOf(issue.message);
      const named = dotted === '' || text.en.startsWith('"') || text.en.includes(' "');
      const message = named ? text : { id: `"${dotted}": ${text.id}`, en: `"${dotted}": ${text.en}` };
      diagnostics.push({ path, ...at(p), severity: 'error', rule, message });
    }
    return { data: null, diagnostics, yaml };
  }
  return { data: result.data, diagnostics, yaml };
}

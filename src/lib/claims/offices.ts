/**
 * The registry of offices, `data/kantor.yaml`: every unit a dataset reports on (branch offices,
 * regional offices, the whole country), its level, its parent and the area it covers as its
 * sources state, with those sources.
 */
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { parseIsoDay } from './dates.ts';
import type { Level } from './meta.ts';
import { LEVELS } from './meta.ts';
import { validateYaml } from './yaml-doc.ts';

/** Where the registry lives, relative to the data folder. */
export const REGISTRY_FILE = 'kantor.yaml';

/** A source that names an office or states what it covers. */
export interface OfficeSource {
  publisher: string;
  headline: string;
  url: string | null;
  published: string | null;
  quote: string | null;
}

/** One office of the registry. */
export interface Office {
  /** Slug: `/transparansi/kantor/<id>/`. */
  id: string;
  /** Name used in the CSV column `kantor`. */
  name: string;
  fullName: string;
  level: Level;
  /** Id of the parent office (branch → regional office → nasional); null for nasional. */
  parent: string | null;
  /** The area it covers as its sources state; null when no source states it. */
  coverage: string | null;
  sources: OfficeSource[];
}

/** The validated registry. */
export interface OfficeRegistry {
  offices: Office[];
  byName: Map<string, Office>;
  byId: Map<string, Office>;
}

const text = (field: string, max = 200) =>
  z
    .string({ error: `"${field}" must be text` })
    .trim()
    .min(1, { error: `"${field}" is empty; fill it in` })
    .max(max, { error: `"${field}" is longer than ${max} characters; shorten it` })
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), { error: `"${field}" contains control or text-direction characters; retype it` });

const registrySchema = z.array(
  z
    .object({
      id: z.string({ error: '"id" must be text' }).max(60).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: '"id" may contain only lower-case letters, digits and single dashes, e.g. surabaya-darmo' }),
      name: text('name', 100),
      full_name: text('full_name'),
      level: z.enum(LEVELS, { error: `"level" must be one of: ${LEVELS.join(', ')}` }),
      parent: z.string({ error: '"parent" must be the id of the office above this one, or null for nasional' }).nullable(),
      coverage: text('coverage', 500).nullable(),
      sources: z
        .array(
          z
            .object({
              publisher: text('publisher'),
              headline: text('headline', 300),
              url: z.url({ protocol: /^https?$/, error: '"url" must be a full http(s) address, or null' }).max(500).nullable(),
              published: z.string().refine((s) => parseIsoDay(s) >= 0, { error: '"published" must be a real date YYYY-MM-DD, or null' }).nullable(),
              quote: text('quote', 500).nullable().default(null),
            })
            .strict(),
          { error: '"sources" must be a list of sources' },
        )
        .min(1, { error: '"sources" is empty: every office needs at least one source that names it' }),
    }, { error: 'each office must be a mapping with id, name, full_name, level, parent, coverage and sources' })
    .strict(),
  { error: 'data/kantor.yaml must be a list of offices' },
);

const FIELDS = {
  '*': ['id', 'name', 'full_name', 'level', 'parent', 'coverage', 'sources'],
  '*.sources.*': ['publisher', 'headline', 'url', 'published', 'quote'],
} as const;

/** The level an office's parent must have. */
const PARENT_LEVEL: Record<Level, Level | null> = { kantor_cabang: 'kantor_wilayah', kantor_wilayah: 'nasional', nasional: null };

/** Parses and validates the registry text; `registry` is null when there is any error. */
export function parseRegistry(path: string, source: string): { registry: OfficeRegistry | null; diagnostics: Diagnostic[] } {
  const r = validateYaml(path, source, registrySchema, 'office.registry', FIELDS);
  const diagnostics = r.diagnostics;
  if (r.data === null || r.yaml === null) return { registry: null, diagnostics };
  const y = r.yaml;
  const offices: Office[] = r.data.map((o) => ({
    id: o.id,
    name: o.name,
    fullName: o.full_name,
    level: o.level,
    parent: o.parent,
    coverage: o.coverage,
    sources: o.sources.map((s) => ({ publisher: s.publisher, headline: s.headline, url: s.url, published: s.published, quote: s.quote })),
  }));
  const byName = new Map<string, Office>();
  const byId = new Map<string, Office>();
  const err = (p: PropertyKey[], message: string): void => {
    diagnostics.push({ path, ...y.at(p), severity: 'error', rule: 'office.registry', message });
  };
  offices.forEach((o, i) => {
    if (byId.has(o.id)) err([i, 'id'], `office id "${o.id}" is used twice; give each office its own id`);
    if (byName.has(o.name)) err([i, 'name'], `office name "${o.name}" is used twice; give each office its own name`);
    byId.set(o.id, o);
    byName.set(o.name, o);
  });
  offices.forEach((o, i) => {
    const want = PARENT_LEVEL[o.level];
    if (want === null) {
      if (o.parent !== null) err([i, 'parent'], `"${o.name}" is nasional, the top level: write parent: null`);
      return;
    }
    if (o.parent === null) {
      err([i, 'parent'], `"${o.name}" (${o.level}) needs a parent office of level ${want}; write its id`);
      return;
    }
    const parent = byId.get(o.parent);
    if (parent === undefined) err([i, 'parent'], `parent "${o.parent}" of "${o.name}" is not in the registry; add it or correct the id (known: ${[...byId.keys()].join(', ')})`);
    else if (parent.level !== want) err([i, 'parent'], `parent "${o.parent}" of "${o.name}" has level ${parent.level}, but a ${o.level} belongs to a ${want}`);
  });
  return { registry: diagnostics.length === 0 ? { offices, byName, byId } : null, diagnostics };
}

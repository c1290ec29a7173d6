/**
 * The registry of offices, `data/kantor.yaml`: every unit a dataset reports on (branch offices,
 * regional offices, the whole country), its level, its parent and the area it covers as its
 * sources state, with those sources.
 */
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { bi, t } from './diagnostics.ts';
import { hasInvisibleInText } from '../diagnostics.ts';
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
    .string({ error: bi(`"${field}" harus berupa teks`, `"${field}" must be text`) })
    .trim()
    .min(1, { error: bi(`"${field}" kosong; isi`, `"${field}" is empty; fill it in`) })
    .max(max, { error: bi(`"${field}" lebih dari ${max} karakter; persingkat`, `"${field}" is longer than ${max} characters; shorten it`) })
    .refine((s) => !hasInvisibleInText(s), { error: bi(`"${field}" memuat karakter kendali atau karakter arah teks; ketik ulang`, `"${field}" contains control or text-direction characters; retype it`) });

const registrySchema = z.array(
  z
    .object({
      id: z.string({ error: bi('"id" harus berupa teks', '"id" must be text') })
        .max(60, { error: bi('"id" lebih dari 60 karakter; persingkat', '"id" is longer than 60 characters; shorten it') })
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: bi('"id" hanya boleh berisi huruf kecil, angka, dan tanda hubung tunggal, misalnya surabaya-darmo', '"id" may contain only lower-case letters, digits and single dashes, e.g. surabaya-darmo') }),
      name: text('name', 100),
      full_name: text('full_name'),
      level: z.enum(LEVELS, { error: bi(`"level" harus salah satu dari: ${LEVELS.join(', ')}`, `"level" must be one of: ${LEVELS.join(', ')}`) }),
      parent: z.string({ error: bi('"parent" harus berupa id kantor di atas kantor ini, atau null untuk nasional', '"parent" must be the id of the office above this one, or null for nasional') }).nullable(),
      coverage: text('coverage', 500).nullable(),
      sources: z
        .array(
          z
            .object({
              publisher: text('publisher'),
              headline: text('headline', 300),
              url: z.url({ protocol: /^https?$/, error: bi('"url" harus berupa alamat http(s) lengkap, atau null', '"url" must be a full http(s) address, or null') })
                .max(500, { error: bi('"url" lebih dari 500 karakter', '"url" is longer than 500 characters') }).nullable(),
              published: z.string({ error: bi('"published" harus berupa tanggal TTTT-BB-HH, atau null', '"published" must be a date YYYY-MM-DD, or null') })
                .refine((s) => parseIsoDay(s) >= 0, { error: bi('"published" harus berupa tanggal yang ada, ditulis TTTT-BB-HH, atau null', '"published" must be a real date YYYY-MM-DD, or null') }).nullable(),
              quote: text('quote', 500).nullable().default(null),
            })
            .strict(),
          { error: bi('"sources" harus berupa daftar sumber', '"sources" must be a list of sources') },
        )
        .min(1, { error: bi('"sources" kosong: setiap kantor perlu paling sedikit satu sumber yang menyebutnya', '"sources" is empty: every office needs at least one source that names it') }),
    }, { error: bi('setiap kantor harus berupa pemetaan berisi id, name, full_name, level, parent, coverage, dan sources', 'each office must be a mapping with id, name, full_name, level, parent, coverage and sources') })
    .strict(),
  { error: bi('data/kantor.yaml harus berupa daftar kantor', 'data/kantor.yaml must be a list of offices') },
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
  const err = (p: PropertyKey[], id: string, en: string): void => {
    diagnostics.push({ path, ...y.at(p), severity: 'error', rule: 'office.registry', message: t(id, en) });
  };
  offices.forEach((o, i) => {
    if (byId.has(o.id)) err([i, 'id'], `id kantor "${o.id}" dipakai dua kali; beri setiap kantor id sendiri`, `office id "${o.id}" is used twice; give each office its own id`);
    if (byName.has(o.name)) err([i, 'name'], `nama kantor "${o.name}" dipakai dua kali; beri setiap kantor nama sendiri`, `office name "${o.name}" is used twice; give each office its own name`);
    byId.set(o.id, o);
    byName.set(o.name, o);
  });
  offices.forEach((o, i) => {
    const want = PARENT_LEVEL[o.level];
    if (want === null) {
      if (o.parent !== null) err([i, 'parent'], `"${o.name}" adalah nasional, tingkat teratas: tulis parent: null`, `"${o.name}" is nasional, the top level: write parent: null`);
      return;
    }
    if (o.parent === null) {
      err([i, 'parent'], `"${o.name}" (${o.level}) perlu kantor induk bertingkat ${want}; tulis id kantor itu`, `"${o.name}" (${o.level}) needs a parent office of level ${want}; write its id`);
      return;
    }
    const parent = byId.get(o.parent);
    const known = [...byId.keys()].join(', ');
    if (parent === undefined) {
      err([i, 'parent'], `induk "${o.parent}" dari "${o.name}" tidak ada di daftar kantor; tambahkan kantor itu atau perbaiki id-nya (yang ada: ${known})`,
        `parent "${o.parent}" of "${o.name}" is not in the registry; add it or correct the id (known: ${known})`);
    } else if (parent.level !== want) {
      err([i, 'parent'], `induk "${o.parent}" dari "${o.name}" bertingkat ${parent.level}, padahal ${o.level} berada di bawah ${want}`,
        `parent "${o.parent}" of "${o.name}" has level ${parent.level}, but a ${o.level} belongs to a ${want}`);
    }
  });
  return { registry: diagnostics.length === 0 ? { offices, byName, byId } : null, diagnostics };
}

/**
 * Writes a small data folder in contract v2 (registry `kantor.yaml` + `klaim/<id>.csv` and
 * `<id>.meta.yaml`) into a temporary directory, for tests that need a real `ClaimsData`
 * from `loadClaims` rather than hand-made objects.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HEADER = 'kantor,periode_awal,periode_akhir,program,jumlah_kasus,nominal_rp,kasus_tertulis,nominal_tertulis';

export interface TestOffice {
  id: string;
  name: string;
  level: 'nasional' | 'kantor_wilayah' | 'kantor_cabang';
  parent: string | null;
}

/** nasional → Kanwil Jawa Timur → Pasuruan, Sidoarjo (synthetic names and sources). */
export const OFFICES: TestOffice[] = [
  { id: 'nasional', name: 'Nasional', level: 'nasional', parent: null },
  { id: 'kanwil-jawa-timur', name: 'Kanwil Jawa Timur', level: 'kantor_wilayah', parent: 'nasional' },
  { id: 'pasuruan', name: 'Pasuruan', level: 'kantor_cabang', parent: 'kanwil-jawa-timur' },
  { id: 'sidoarjo', name: 'Sidoarjo', level: 'kantor_cabang', parent: 'kanwil-jawa-timur' },
];

export function registryYaml(offices: readonly TestOffice[] = OFFICES): string {
  return offices
    .map((o) => [
      `- id: ${o.id}`,
      `  name: ${JSON.stringify(o.name)}`,
      `  full_name: ${JSON.stringify(`Kantor ${o.name} (uji)`)}`,
      `  level: ${o.level}`,
      `  parent: ${o.parent ?? 'null'}`,
      '  coverage: null',
      '  sources: [{publisher: Penerbit Uji, headline: Judul uji, url: null, published: null, quote: null}]',
    ].join('\n'))
    .join('\n') + '\n';
}

export interface TestDataset {
  id: string;
  level?: TestOffice['level'];
  offices: string[];
  start: string;
  end: string;
  startStated?: boolean;
  printed?: string;
  /** CSV rows without the header, e.g. `Pasuruan,2018-01-01,2018-12-31,JKK,,100,,`. */
  rows: string[];
  /** The `reported:` value as YAML (flow mapping) or null. */
  reported?: string | null;
}

export function metaYaml(d: TestDataset): string {
  return [
    `id: ${d.id}`,
    `title: Data uji ${d.id}`,
    `level: ${d.level ?? 'kantor_cabang'}`,
    `offices: [${d.offices.map((o) => JSON.stringify(o)).join(', ')}]`,
    `period: {start: ${d.start}, end: ${d.end}, start_stated: ${d.startStated ?? true}, printed: ${JSON.stringify(d.printed ?? 'periode uji')}}`,
    'confidence: U',
    'source: {publisher: Penerbit Uji, headline: Judul uji, url: null, published: null}',
    `reported: ${d.reported ?? 'null'}`,
    'licence: {id: CC-BY-4.0, note: Data uji.}',
    'last_reviewed: 2026-11-28',
    '',
  ].join('\n');
}

/** Writes the folder and returns its path (the caller removes it). */
export function writeDataDir(datasets: readonly TestDataset[], offices: readonly TestOffice[] = OFFICES): string {
  const dir = mkdtempSync(join(tmpdir(), 'claims-data-'));
  mkdirSync(join(dir, 'klaim'));
  writeFileSync(join(dir, 'kantor.yaml'), registryYaml(offices));
  for (const d of datasets) {
    writeFileSync(join(dir, 'klaim', `${d.id}.csv`), [HEADER, ...d.rows, ''].join('\n'));
    writeFileSync(join(dir, 'klaim', `${d.id}.meta.yaml`), metaYaml(d));
  }
  return dir;
}

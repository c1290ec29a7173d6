/**
 * The ONLY coupling between data history and the claims pipeline. Everything else in
 * src/lib/history/ works on the plain shapes below, so a change of the data contract
 * (e.g. contract v2: `data/kantor.yaml`, printed figures, confidence) means editing this
 * file only:
 *
 * - {@link datasetFiles}: where a dataset's files live under `data/`;
 * - {@link CONTEXT_FILES}: other files under `data/` a dataset check needs (taken from the
 *   same commit when they exist there, else from the working tree);
 * - {@link figuresOf}: the published figures of a dataset, keyed stably across versions;
 * - {@link metaFieldsOf}: the metadata fields whose changes are listed;
 * - {@link currentDatasets}: the datasets being published now;
 * - {@link loadVersion}: check + aggregate one data folder holding one dataset;
 * - {@link versionJson}: the JSON download of a version.
 */
import { resolve } from 'node:path';
import { getClaims, loadClaims, type Dataset, type Figure as FigureValue, type StatedFigure } from '../claims/load.ts';
import { teksAngka, teksDisebut } from '../transparency.ts';
import { toDatasetJson } from '../claims/publish.ts';
import { formatPeriode, formatTanggal } from '../dates.ts';

/** Kind of a figure's values: exact rupiah decimal string, a count (digits), or printed text shown as is. */
export type FigureKind = 'rupiah' | 'count' | 'text';

/** One published figure of a dataset version. Values are exact strings; null = not stated / not computable. */
export interface Figure {
  /** Indonesian label, e.g. "JHT (nominal)". */
  label: string;
  kind: FigureKind;
  /** The figure as the source stated it (e.g. its reported total); null when it stated none. */
  stated: string | null;
  /** The figure as computed from the rows; null when unknown (e.g. a case count not reported). */
  computed: string | null;
}

/** One metadata field as listed in the history (display value in Indonesian; null = empty). */
export interface MetaField {
  label: string;
  value: string | null;
}

/** Paths of a dataset's files relative to the data folder (`data/`), with `/`. */
export function datasetFiles(id: string): { csv: string; meta: string } {
  return { csv: `klaim/${id}.csv`, meta: `klaim/${id}.meta.yaml` };
}

/**
 * Files under `data/` (relative paths) that checking one dataset may need besides its own
 * two files. Contract v2 adds the office registry here: `['kantor.yaml']`.
 */
export const CONTEXT_FILES: readonly string[] = ['kantor.yaml'];

/**
 * The published figures of a dataset, in display order, keyed stably across versions
 * (`total`, `nominal:JKK`, `kasus:JKK`, ...). Map insertion order is the display order.
 */
export function figuresOf(d: Dataset): Map<string, Figure> {
  const out = new Map<string, Figure>();
  // Exact figures keep their exact values; a figure the source rounded (or a sum of such figures)
  // is listed as the site writes it ("Rp11,9 miliar (dibulatkan oleh sumber)"), never as a false exact number.
  const put = (key: string, label: string, money: boolean, computed: FigureValue | null, stated: StatedFigure | null): void => {
    const c = computed === null ? null : teksAngka(computed, money);
    const st = stated === null ? null : teksDisebut(stated, money);
    const rounded = (c?.dibulatkan ?? false) || (st?.dibulatkan ?? false) || (c?.keterangan ?? null) !== null;
    if (!rounded) {
      out.set(key, { label, kind: money ? 'rupiah' : 'count', stated: stated?.value ?? null, computed: c?.nilai ?? null });
      return;
    }
    const words = (t: typeof c): string | null => (t === null || t.nilai === null ? null : `${t.teks}${t.keterangan ? ` (${t.keterangan})` : ''}`);
    out.set(key, { label, kind: 'text', stated: words(st), computed: words(c) });
  };
  put('total', 'Total nominal', true, d.total.nominal, d.reconciliation.nominal?.stated ?? null);
  put('total-kasus', 'Total jumlah kasus', false, d.total.kasus, d.reconciliation.kasus?.stated ?? null);
  for (const p of d.byProgram) put(`nominal:${p.program}`, `${p.program} (nominal)`, true, p.nominal, null);
  for (const p of d.byProgram) put(`kasus:${p.program}`, `${p.program} (jumlah kasus)`, false, p.kasus, null);
  return out;
}

/** The metadata fields whose changes the history lists (the reported totals are figures: see {@link figuresOf}). */
export function metaFieldsOf(d: Dataset): Map<string, MetaField> {
  const m = d.meta;
  return new Map<string, MetaField>([
    ['title', { label: 'Judul', value: m.title }],
    ['source.publisher', { label: 'Penerbit sumber', value: m.source.publisher }],
    ['source.headline', { label: 'Judul sumber', value: m.source.headline }],
    ['source.url', { label: 'Alamat sumber', value: m.source.url }],
    ['source.published', { label: 'Tanggal terbit sumber', value: m.source.published === null ? null : formatTanggal(m.source.published) }],
    ['period', { label: 'Periode', value: `${formatPeriode(m.period.start, m.period.end)}${m.period.startStated ? '' : ' (awal tidak disebut sumber)'}` }],
    ['level', { label: 'Tingkat', value: m.level }],
    ['offices', { label: 'Kantor', value: m.offices.join(', ') }],
    ['confidence', { label: 'Tingkat keyakinan', value: m.confidence }],
    ['reported.printed', { label: 'Total seperti tertulis di sumber', value: m.reported?.nominal?.printed ?? null }],
    ['licence', { label: 'Lisensi', value: m.licence.id }],
  ]);
}

/** What checking one version gives: the dataset, or the error lines when it does not pass. */
export type LoadedVersion = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/**
 * Checks and aggregates the single dataset `id` in `dataDir` with the checker in force.
 * Never throws for bad data: a version that does not pass (older format, an error at the
 * time) is `{ ok: false }`.
 */
export async function loadVersion(dataDir: string, id: string): Promise<LoadedVersion> {
  try {
    const claims = await loadClaims(dataDir);
    const dataset = claims.datasets.find((d) => d.id === id);
    if (dataset === undefined) return { ok: false, errors: [`dataset ${id} not found after the check`] };
    return { ok: true, dataset };
  } catch (e) {
    return { ok: false, errors: String(e instanceof Error ? e.message : e).split('\n').slice(0, 5) };
  }
}

/** The JSON download of a version (same format as /data/<id>.json). */
export function versionJson(d: Dataset): string {
  return toDatasetJson(d);
}

/** A dataset as published by this build. */
export interface CurrentDataset {
  id: string;
  title: string;
  /** sha256 of the CSV bytes being published. */
  sha256: string;
  dataset: Dataset;
}

/** The datasets published by this build (the site's memoised claims when `dataDir` is `<cwd>/data`). */
export async function currentDatasets(dataDir: string): Promise<CurrentDataset[]> {
  const claims = resolve(dataDir) === resolve(process.cwd(), 'data') ? await getClaims() : await loadClaims(dataDir);
  return claims.datasets.map((d) => ({ id: d.id, title: d.meta.title, sha256: d.sha256, dataset: d }));
}

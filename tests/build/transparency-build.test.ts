/**
 * The transparency pages in the built site (dist/) against the pipeline's own exact figures:
 * tables with figures as the source printed them, reconciliation, office pages, JSON-LD,
 * downloads and citations. Nothing is added across datasets.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadClaims, type ClaimsData, type Dataset } from '../../src/lib/claims/load.ts';
import { overview } from '../../src/lib/overview.ts';
import { dataVersion, pernyataanTotal, teksAngka, teksDisebut } from '../../src/lib/transparency.ts';
import { assertDist, DIST, readPage } from '../e2e/site.ts';

let claims: ClaimsData;

beforeAll(async () => {
  assertDist();
  claims = await loadClaims('data');
});

const get = (id: string): Dataset => claims.datasets.find((d) => d.id === id)!;

function decode(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `<data value="...">text</data>` pairs inside the element with the given id (up to its table's end). */
function dataValues(html: string, id: string): string[] {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `#${id} missing`).toBeGreaterThan(-1);
  const end = html.indexOf('</table>', start);
  return [...html.slice(start, end).matchAll(/<data value="([^"]*)"[^>]*>([^<]*)<\/data>/g)].map((m) => `${m[1]}=${decode(m[2] ?? '')}`);
}

/** The HTML of a section, from its id to its closing tag. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `#${id} missing`).toBeGreaterThan(-1);
  return decode(html.slice(start, html.indexOf('</section>', start)));
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);
}

describe('dataset pages', () => {
  it('show every programme figure as the pipeline computed it (rounded ones as printed), then the sum and the stated total', () => {
    for (const d of claims.datasets) {
      const html = readPage(`/transparansi/${d.id}/`);
      const expected: string[] = [];
      for (const p of d.byProgram) {
        for (const [f, money] of [[p.nominal, true], [p.kasus, false]] as const) {
          const t = teksAngka(f, money);
          if (t.nilai !== null) expected.push(`${t.nilai}=${t.teks}`);
        }
      }
      const total = pernyataanTotal(d);
      expect(total.dihitung.nilai).toBe(d.total.nominal.value);
      if (total.dihitung.nilai !== null) expected.push(`${total.dihitung.nilai}=${total.dihitung.teks}`);
      const kasus = teksAngka(d.total.kasus, false);
      if (d.byProgram.some((p) => p.kasus.value !== null) && kasus.nilai !== null) expected.push(`${kasus.nilai}=${kasus.teks}`);
      if (total.disebut !== null) expected.push(`${total.disebut.nilai}=${total.disebut.teks}`);
      const values = dataValues(html, 'tabel-program');
      expect(values, d.id).toEqual(expected);
      for (const p of d.byProgram) expect(html).toContain(`id="${p.program.toLowerCase()}"`);
      // Unknown is never 0: no figure of the table is zero (the real data has no zero figure).
      expect(values.filter((v) => v.startsWith('0=')), d.id).toEqual([]);
    }
  });

  it('show the Jan–Feb 2017 reconciliation: stated, computed and the real difference', () => {
    const block = section(readPage('/transparansi/pasuruan-2017-01-02/'), 'rekonsiliasi');
    expect(block).toContain('Rp12.878.543.829');
    expect(block).toContain('Rp12.768.143.829');
    expect(block).toContain('Rp110.400.000');
    expect(block).toContain('Nominal: berbeda');
    expect(block).toMatch(/tidak diketahui/);
  });

  it('show figures the source rounded as printed, marked, and a total within rounding as such (Pasuruan 2018)', () => {
    const d = get('pasuruan-2018');
    const html = decode(readPage('/transparansi/pasuruan-2018/'));
    expect(html).toContain('Rp11,9 miliar');
    expect(html).toContain('dibulatkan oleh sumber');
    // Never a false exact number for a rounded figure.
    expect(html).not.toContain('Rp11.900.000.000');
    expect(d.reconciliation.nominal!.status).toBe('dalam-pembulatan');
    expect(section(html, 'rekonsiliasi')).toContain('Nominal: sesuai dalam batas pembulatan');
    expect(section(html, 'rekonsiliasi')).toContain(teksDisebut(d.reconciliation.nominal!.stated, true).teks);
  });

  it('say "tidak dilaporkan" for unknown figures, never 0 (national 2023 JKP amount, 2017 case counts)', () => {
    const jkp = /<tr id="jkp">([\s\S]*?)<\/tr>/.exec(readPage('/transparansi/nasional-2023/'))?.[1] ?? '';
    expect(jkp).toContain('tidak dilaporkan');
    const html = readPage('/transparansi/pasuruan-2017-01-02/');
    expect(html).toContain('tidak dilaporkan');
    expect(html).not.toMatch(/<td class="angka">0<\/td>/);
  });

  it('show case-count reconciliation with its difference (Sidoarjo 2023: -43 cases)', () => {
    const block = section(readPage('/transparansi/sidoarjo-2023/'), 'rekonsiliasi');
    expect(block).toContain('Jumlah kasus: berbeda');
    expect(block).toMatch(/<data value="-43">/);
    expect(block).toContain('Nominal: berbeda');
    expect(block).toMatch(/<data value="1">Rp1<\/data>/);
  });

  it('carry schema.org Dataset JSON-LD with the fields citations need', () => {
    for (const d of claims.datasets) {
      const [ld] = jsonLd(readPage(`/transparansi/${d.id}/`));
      expect(ld).toMatchObject({ '@type': 'Dataset', name: d.meta.title, license: d.meta.licence.url });
      expect(ld?.['temporalCoverage']).toBe(`${d.periodeAwal}/${d.periodeAkhir}`);
      for (const key of ['description', 'creator', 'spatialCoverage', 'distribution']) expect(ld, key).toHaveProperty(key);
      const dist = ld?.['distribution'] as { contentUrl: string; encodingFormat: string }[];
      expect(dist.map((x) => x.encodingFormat)).toEqual(['text/csv', 'application/json']);
    }
    expect(jsonLd(readPage('/transparansi/'))[0]).toMatchObject({ '@type': 'Dataset' });
  });

  it('link to downloads that exist, and the citation names the source and the data version', () => {
    for (const d of claims.datasets) {
      const html = readPage(`/transparansi/${d.id}/`);
      const links = [...html.matchAll(/<a class="tombol" href="([^"]+)" download/g)].map((m) => m[1] ?? '');
      expect(links.length).toBe(2);
      for (const link of links) expect(existsSync(path.join(DIST, link)), link).toBe(true);
      const sha = createHash('sha256').update(readFileSync(d.csvPath)).digest('hex');
      const citation = decode(/<p id="teks-kutipan"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? '');
      expect(citation).toContain(`sha256:${dataVersion(sha)}`);
      expect(citation).toContain(`Dihimpun dari ${d.meta.source.publisher}`);
      expect(citation).toMatch(new RegExp(`/transparansi/${d.id}/$`));
    }
  });

  it('serve charts from the same figures as the table, leaving unknown amounts out', () => {
    for (const d of [claims.datasets[0]!, get('nasional-2023')]) {
      const html = readPage(`/transparansi/${d.id}/`);
      const attr = /data-grafik="([^"]*)"/.exec(html)?.[1] ?? '';
      const chart = JSON.parse(decode(attr)) as { series: { values: string[] }[] };
      expect(chart.series[0]?.values).toEqual(d.byProgram.flatMap((p) => (p.nominal.value === null ? [] : [p.nominal.value])));
    }
  });

  it('list datasets that overlap, and never add them together', () => {
    const d = claims.datasets.find((x) => x.overlaps.length > 0)!;
    const html = decode(readPage(`/transparansi/${d.id}/`));
    const block = section(html, 'tumpang-tindih');
    for (const o of d.overlaps) expect(block).toContain(`/transparansi/${o.dataset}/`);
    expect(block).toContain('tidak dijumlahkan');
  });
});

describe('overview, office pages and home page', () => {
  it('/transparansi/ lists every dataset by level with its own total statement, and no total across datasets', () => {
    const html = decode(readPage('/transparansi/'));
    const ov = overview(claims);
    const levels = ov.byLevel.filter((l) => l.datasets.length > 0);
    const headings = levels.map((l) => html.indexOf(`id="tingkat-${l.level}"`));
    expect(headings.every((i) => i > 0)).toBe(true);
    expect(headings).toEqual([...headings].sort((a, b) => a - b));
    for (const d of claims.datasets) {
      expect(html).toContain(`/transparansi/${d.id}/"`);
      expect(html).toContain(pernyataanTotal(d).kalimat);
    }
    expect(html).not.toContain('id="tabel-program"');
    const beda = claims.datasets.filter((d) => d.reconciliation.nominal?.status === 'berbeda' || d.reconciliation.kasus?.status === 'berbeda');
    for (const d of beda) expect(section(html, 'selisih')).toContain(`/transparansi/${d.id}/#rekonsiliasi`);
  });

  it('every office of the registry has a page, and the old branch and year pages are gone', () => {
    for (const o of claims.registry.offices) expect(existsSync(path.join(DIST, 'transparansi', 'kantor', o.id, 'index.html')), o.id).toBe(true);
    expect(existsSync(path.join(DIST, 'transparansi', 'cabang'))).toBe(false);
    expect(existsSync(path.join(DIST, 'transparansi', 'tahun'))).toBe(false);
  });

  it('an office page lists each of its datasets with its figures for that office and links to its parent', () => {
    const view = overview(claims).byOfficeId.get('pasuruan')!;
    const html = decode(readPage('/transparansi/kantor/pasuruan/'));
    expect(html).toContain(view.office.fullName);
    expect(html).toContain('/transparansi/kantor/kanwil-jawa-timur/');
    expect(view.timeline.length).toBeGreaterThan(1);
    for (const e of view.timeline) {
      expect(html).toContain(`id="data-${e.dataset.id}"`);
      expect(html).toContain(`/transparansi/${e.dataset.id}/"`);
      for (const p of e.figures.byProgram) {
        const t = teksAngka(p.nominal, true);
        if (t.nilai !== null) expect(html).toContain(`<data value="${t.nilai}">${t.teks}</data>`);
      }
    }
    const kanwil = decode(readPage('/transparansi/kantor/kanwil-jawa-timur/'));
    expect(kanwil).toContain('/transparansi/kantor/pasuruan/');
  });

  it('the home page shows the newest Pasuruan dataset with its total statement and links to it', () => {
    const html = decode(readPage('/'));
    const newest = overview(claims).byOfficeId.get('pasuruan')!.timeline[0]!.dataset;
    expect(html).toContain(pernyataanTotal(newest).kalimat);
    expect(html).toContain(`/transparansi/${newest.id}/"`);
    expect(html).toContain('/transparansi/kantor/pasuruan/');
  });

  it('the methodology lists every rule the code checks', async () => {
    const { RULES } = await import('../../src/lib/claims/rules.ts');
    const html = decode(readPage('/transparansi/metodologi/'));
    expect(html).toContain(`dengan ${RULES.length} aturan berikut`);
    const at = RULES.map((rule) => html.indexOf(`<li id="aturan-${rule.id.replace(/\./g, '-')}">${rule.description.id}</li>`));
    expect(at.filter((i) => i < 0), RULES.filter((_r, i) => at[i]! < 0).map((r) => r.id).join(', ')).toEqual([]);
    // Errors first, then warnings, each in the order of RULES.
    const order = [...RULES.filter((r) => r.severity === 'error'), ...RULES.filter((r) => r.severity === 'warning')].map((r) => at[RULES.indexOf(r)]!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

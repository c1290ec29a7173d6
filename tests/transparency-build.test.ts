/**
 * The transparency pages in the built site (dist/) against the pipeline's own exact figures:
 * tables, reconciliation, JSON-LD, downloads and citations.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadClaims, type ClaimsData } from '../src/lib/claims/load.ts';
import { formatRupiah } from '../src/lib/claims/money.ts';
import { assertDist, DIST, readPage } from './e2e/site.ts';

let claims: ClaimsData;

beforeAll(async () => {
  assertDist();
  claims = await loadClaims('data');
});

/** `<data value="...">` values inside the element with the given id. */
function dataValues(html: string, id: string): string[] {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `#${id} missing`).toBeGreaterThan(-1);
  const end = html.indexOf('</table>', start);
  return [...html.slice(start, end).matchAll(/<data value="([^"]*)"[^>]*>([^<]*)<\/data>/g)].map((m) => `${m[1]}=${m[2]}`);
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);
}

describe('dataset pages', () => {
  it('show every programme figure exactly as the pipeline computed it, with anchors', () => {
    for (const d of claims.datasets) {
      const html = readPage(`/transparansi/${d.id}/`);
      const expected = [...d.byProgram.map((p) => `${p.nominal}=${formatRupiah(p.nominal)}`), `${d.total}=${formatRupiah(d.total)}`];
      expect(dataValues(html, 'tabel-program')).toEqual(expected);
      for (const p of d.byProgram) expect(html).toContain(`id="${p.program.toLowerCase()}"`);
    }
  });

  it('show the 2017 reconciliation: reported, computed and difference', () => {
    const html = readPage('/transparansi/pasuruan-2017-01-02/');
    const block = html.slice(html.indexOf('id="rekonsiliasi"'), html.indexOf('</section>', html.indexOf('id="rekonsiliasi"')));
    expect(block).toContain('Rp12.878.543.829');
    expect(block).toContain('Rp12.768.143.829');
    expect(block).toContain('Rp110.400.000');
    expect(block).toMatch(/tidak diketahui/);
  });

  it('say "tidak dilaporkan" for unknown case counts, never 0', () => {
    const html = readPage('/transparansi/pasuruan-2017-01-02/');
    expect(html).toContain('tidak dilaporkan');
    expect(html).not.toMatch(/<td class="angka">0<\/td>/);
  });

  it('carry schema.org Dataset JSON-LD with the fields citations need', () => {
    for (const d of claims.datasets) {
      const [ld] = jsonLd(readPage(`/transparansi/${d.id}/`));
      expect(ld).toMatchObject({ '@type': 'Dataset', name: d.meta.title, license: d.meta.licence.path });
      expect(ld?.['temporalCoverage']).toBe(`${d.periodeAwal}/${d.periodeAkhir}`);
      for (const key of ['description', 'creator', 'spatialCoverage', 'distribution']) expect(ld, key).toHaveProperty(key);
      const dist = ld?.['distribution'] as { contentUrl: string; encodingFormat: string }[];
      expect(dist.map((x) => x.encodingFormat)).toEqual(['text/csv', 'application/json']);
    }
    expect(jsonLd(readPage('/transparansi/'))[0]).toMatchObject({ '@type': 'Dataset' });
  });

  it('link to downloads that exist, and the citation names the data version', () => {
    for (const d of claims.datasets) {
      const html = readPage(`/transparansi/${d.id}/`);
      const links = [...html.matchAll(/<a class="tombol" href="([^"]+)" download/g)].map((m) => m[1] ?? '');
      expect(links.length).toBe(2);
      for (const link of links) expect(existsSync(path.join(DIST, link)), link).toBe(true);
      const sha = createHash('sha256').update(readFileSync(d.csvPath)).digest('hex');
      const citation = /<p id="teks-kutipan"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? '';
      expect(citation).toContain(`sha256:${sha.slice(0, 12)}`);
      expect(citation).toMatch(/diakses \d{1,2} \w+ \d{4}\)\.$/);
    }
  });

  it('serve charts from the same figures as the table', () => {
    const d = claims.datasets[0]!;
    const html = readPage(`/transparansi/${d.id}/`);
    const attr = /data-grafik="([^"]*)"/.exec(html)?.[1] ?? '';
    const chart = JSON.parse(attr.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as { series: { values: string[] }[] };
    expect(chart.series[0]?.values).toEqual(d.byProgram.map((p) => p.nominal));
  });
});

describe('overview and home page', () => {
  it('/transparansi/ totals equal the pipeline totals', () => {
    const html = readPage('/transparansi/');
    const values = dataValues(html, 'tabel-program');
    expect(values[values.length - 1]).toBe(`${claims.totals.overall}=${formatRupiah(claims.totals.overall)}`);
    for (const [program, nominal] of Object.entries(claims.totals.byProgram)) {
      expect(values, program).toContain(`${nominal}=${formatRupiah(nominal ?? '')}`);
    }
    // Newest first.
    const order = claims.datasets.map((d) => html.indexOf(`/transparansi/${d.id}/"`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('the home page shows the newest dataset key figures and links to it', () => {
    const html = readPage('/');
    const newest = claims.datasets[0]!;
    expect(html).toMatch(new RegExp(`<data value="${newest.total}"[^>]*>${formatRupiah(newest.total).replace(/\./g, "\\.")}</data>`));
    expect(html).toContain(`/transparansi/${newest.id}/"`);
  });

  it('the methodology lists every rule the code checks', async () => {
    const { RULES } = await import('../src/lib/claims/rules.ts');
    const html = readPage('/transparansi/metodologi/');
    for (const rule of RULES) expect(html, rule.id).toContain(`<code class="kecil">${rule.id}</code>`);
  });
});

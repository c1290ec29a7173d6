/**
 * Cite and share on the built site (needs dist/ from `npm run build`): each real dataset page
 * has a stable anchor and a copyable line for every figure, links to BibTeX/RIS/CSL-JSON
 * files that parse, an "Unduh gambar" PNG per chart (under 60 KB, provenance in it), and
 * the iframe code of its embed page.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { DIST, listPages, readPage } from '../e2e/site.ts';

const DATASETS = listPages()
  .map((r) => /^\/transparansi\/([a-z0-9-]+)\/$/.exec(r)?.[1])
  .filter((id): id is string => !!id && existsSync(path.join(DIST, 'data', `${id}.csv`)));

const distFile = (href: string) => path.join(DIST, ...href.replace(/^https?:\/\/[^/]+/, '').split('/').filter(Boolean));
/** Strip tags and decode the few entities Astro writes, for text comparisons. */
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('dataset pages', () => {
  it('there are real datasets', () => expect(DATASETS).toContain('pasuruan-2017-01-02'));

  it.each(DATASETS)('%s: every programme figure and the totals have an anchor and a citation line', (id) => {
    const html = readPage(`/transparansi/${id}/`);
    const csv = readFileSync(path.join(DIST, 'data', `${id}.csv`), 'utf8').trim().split('\n').slice(1);
    // Programmes with a reported amount (an unknown one shows "tidak dilaporkan": nothing to cite).
    const programs = [...new Set(csv.filter((l) => l.split(',')[5] !== '').map((l) => l.split(',')[3]!.toLowerCase()))];
    for (const p of [...programs, 'total']) {
      const anchor = `${id}-${p}-nominal`;
      expect(html, anchor).toContain(`id="${anchor}"`);
      const line = new RegExp(`id="${anchor}-kutipan"[^>]*>([^<]+)<`).exec(html)?.[1];
      expect(line, `${anchor} line`).toBeTruthy();
      expect(text(line!)).toContain(`#${anchor} (versi data sha256:`);
    }
  });

  it('Pasuruan Jan–Feb 2017 JKK: exact amount, programme, period, Antara Jatim, URL#anchor, version', () => {
    const html = readPage('/transparansi/pasuruan-2017-01-02/');
    const line = text(/id="pasuruan-2017-01-02-jkk-nominal-kutipan"[^>]*>([^<]+)</.exec(html)![1]!);
    expect(line).toMatch(
      /^Rp1\.864\.980\.719: nominal klaim JKK \(Jaminan Kecelakaan Kerja\), BPJS Ketenagakerjaan Kantor Cabang Pasuruan, 1 Januari – 28 Februari 2017 \(satuan: rupiah\)\. Sumber: Antara Jatim \(LKBN ANTARA\)\. https?:\/\/\S+\/transparansi\/pasuruan-2017-01-02\/#pasuruan-2017-01-02-jkk-nominal \(versi data sha256:[0-9a-f]{12}\)$/,
    );
    // The stated total and the difference have anchors too.
    expect(html).toContain('id="pasuruan-2017-01-02-total-sumber-nominal"');
    expect(html).toContain('id="pasuruan-2017-01-02-total-selisih-nominal"');
  });

  it.each(DATASETS)('%s: BibTeX, RIS and CSL-JSON are linked and parse', (id) => {
    const html = readPage(`/transparansi/${id}/`);
    for (const [ext, format] of [['bib', '@biblatex/text'], ['ris', '@ris/file'], ['csl.json', '@csl/list+object']] as const) {
      const href = new RegExp(`href="([^"]*/data/${id}\\.${ext.replace('.', '\\.')})"`).exec(html)?.[1];
      expect(href, `${ext} link`).toBeTruthy();
      const body = readFileSync(distFile(href!), 'utf8');
      const items = plugins.input.chain(ext === 'csl.json' ? JSON.parse(body) : body, { forceType: format, generateGraph: false }) as Record<string, unknown>[];
      expect(items, ext).toHaveLength(1);
      expect(String(items[0]!['URL'])).toMatch(new RegExp(`/transparansi/${id}/$`));
    }
  });

  it.each(DATASETS)('%s: each chart links a PNG under 60 KB with its source', (id) => {
    const html = readPage(`/transparansi/${id}/`);
    const charts = (html.match(/<figure class="grafik/g) ?? []).length;
    const images = [...html.matchAll(/<a href="([^"]+\.png)" download>Unduh gambar<\/a>/g)].map((m) => m[1]!);
    expect(charts).toBeGreaterThan(0);
    expect(images).toHaveLength(charts);
    for (const href of images) {
      const file = distFile(href);
      expect(statSync(file).size).toBeLessThan(60 * 1024);
      const png = decode(readFileSync(file));
      expect(png.width).toBe(1200);
      expect(png.text['Description']).toMatch(new RegExp(`/transparansi/${id}/ \\(versi data sha256:[0-9a-f]{12}\\)$`));
    }
  });

  it.each(DATASETS)('%s: offers the iframe code of its embed page', (id) => {
    const html = readPage(`/transparansi/${id}/`);
    expect(html).toMatch(new RegExp(`&lt;iframe src=&quot;https?://[^&]+/sematkan/${id}/&quot;`));
    expect(existsSync(path.join(DIST, 'sematkan', id, 'index.html'))).toBe(true);
  });
});

/**
 * The three citation formats parse with a real parser (citation-js and its BibTeX, RIS and
 * CSL plugins) and carry the same facts; RIS also passes a strict line-format check.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { bibEscape, toBibtex, toCslItem, toCslJson, toRis, type CitationFormatInput } from '../../src/lib/citation-formats.ts';

const SHA = 'a'.repeat(12) + '0123456789abcdef'.repeat(3) + 'b'.repeat(4);
const input: CitationFormatInput = {
  id: 'pasuruan-2017-01-02',
  title: 'Klaim yang dibayarkan BPJS Ketenagakerjaan Kantor Cabang Pasuruan, 1 Januari – 28 Februari 2017',
  publisher: 'RTW Pasuruan',
  originalSource: {
    publisher: 'Antara Jatim (LKBN ANTARA)',
    headline: 'BPJS Ketenagakerjaan Pasuruan gandeng BLK optimalisasi RTW',
    url: 'https://jatim.antaranews.com/berita/193328/bpjs-ketenagakerjaan-pasuruan-gandeng-blk-optimalisasi-rtw',
    published: null,
  },
  pageUrl: 'https://contoh.id/transparansi/pasuruan-2017-01-02/',
  version: SHA,
  versionDate: '2026-11-28',
};

/** The CSL items citation-js reads from a text. */
function parse(text: string, format: string): Record<string, unknown>[] {
  return plugins.input.chain(text, { forceType: format, generateGraph: false }) as Record<string, unknown>[];
}

describe('BibTeX', () => {
  const bib = toBibtex(input);
  it('parses with citation-js and keeps title, publisher, URL, version and date', () => {
    const [item] = parse(bib, '@biblatex/text');
    expect(item).toBeDefined();
    expect(item!['id']).toBe('pasuruan-2017-01-02');
    expect(item!['title']).toBe(input.title);
    expect(item!['publisher']).toBe('RTW Pasuruan');
    expect(item!['URL']).toBe(input.pageUrl);
    expect(item!['version']).toBe(`sha256:${SHA}`);
    expect(item!['issued']).toEqual({ 'date-parts': [[2026, 11, 28]] });
    expect(String(item!['note'])).toContain('Antara Jatim (LKBN ANTARA)');
  });
  it('escapes LaTeX specials so the entry stays balanced', () => {
    expect(bibEscape('50% & {x} #1 a_b ~ ^ \\')).toBe('50\\% \\& \\{x\\} \\#1 a\\_b \\~{} \\^{} \\textbackslash{}');
    const odd = toBibtex({ ...input, title: 'Judul {tidak seimbang & 100%' });
    const [item] = parse(odd, '@biblatex/text');
    expect(item!['title']).toBe('Judul {tidak seimbang & 100%');
  });
  it('rejects inputs that would make a broken entry', () => {
    expect(() => toBibtex({ ...input, id: 'Bad Id' })).toThrow(/id/);
    expect(() => toBibtex({ ...input, version: 'abc' })).toThrow(/SHA-256/);
    expect(() => toBibtex({ ...input, pageUrl: 'https://x/{y}' })).toThrow(/URL/);
  });
});

describe('RIS', () => {
  const ris = toRis(input);
  it('is strict RIS: CRLF lines "TAG  - value", TY first, ER last', () => {
    expect(ris.endsWith('\r\n')).toBe(true);
    const lines = ris.slice(0, -2).split('\r\n');
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9]  - .*$/);
    expect(lines[0]).toBe('TY  - DATA');
    expect(lines.at(-1)).toBe('ER  - ');
    expect(ris).not.toMatch(/[^\r]\n/);
  });
  it('parses with citation-js and keeps the facts', () => {
    const [item] = parse(ris, '@ris/file');
    expect(item).toBeDefined();
    expect(item!['type']).toBe('dataset');
    expect(item!['title']).toBe(input.title);
    expect(item!['URL']).toBe(input.pageUrl);
    expect(item!['publisher']).toBe('RTW Pasuruan');
    expect((item!['issued'] as { 'date-parts': number[][] })['date-parts'][0]).toEqual([2026, 11, 28]);
  });
});

describe('CSL-JSON', () => {
  it('is a JSON array of one dataset item that citation-js accepts and formats', () => {
    const text = toCslJson(input);
    const data = JSON.parse(text) as unknown[];
    expect(data).toEqual([toCslItem(input)]);
    const cite = new Cite(text);
    expect(cite.data).toHaveLength(1);
    const formatted = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(formatted).toContain('RTW Pasuruan');
    expect(formatted).toContain(input.pageUrl);
  });
  it('names the original report and its date only when known', () => {
    expect(toCslItem(input)['original-date']).toBeUndefined();
    expect(toCslItem({ ...input, originalSource: { ...input.originalSource, published: '2017-03-02' } })['original-date']).toEqual({ 'date-parts': [[2017, 3, 2]] });
    expect(toCslItem(input)['original-title']).toBe(input.originalSource.headline);
  });
  it('is deterministic', () => {
    expect(toCslJson(input)).toBe(toCslJson({ ...input }));
    expect(toBibtex(input)).toBe(toBibtex({ ...input }));
    expect(toRis(input)).toBe(toRis({ ...input }));
  });
});

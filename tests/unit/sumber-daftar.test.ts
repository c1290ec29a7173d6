import { describe, expect, it } from 'vitest';
import { gabungSumber, tinjauanTertua } from '../../src/lib/sumber-daftar.ts';

describe('gabungSumber', () => {
  it('keeps each source once, by URL or else by title, in order of first appearance', () => {
    const a = { judul: 'Berita A', url: 'https://example.org/a', keyakinan: 'V' as const };
    const aAgain = { judul: 'Berita A, judul lain', url: 'https://example.org/a' };
    const b = { judul: 'Peraturan B' };
    const c = { judul: 'Berita C', url: 'https://example.org/c' };
    expect(gabungSumber([[a, b], [aAgain, c, { judul: 'Peraturan B' }]])).toEqual([a, b, c]);
    expect(gabungSumber([])).toEqual([]);
  });
});

describe('tinjauanTertua', () => {
  it('gives the oldest review date, or null for no entries', () => {
    const d = (s: string) => new Date(`${s}T00:00:00Z`);
    expect(tinjauanTertua([d('2026-11-29'), d('2026-11-28'), d('2026-12-01')])).toEqual(d('2026-11-28'));
    expect(tinjauanTertua([])).toBeNull();
  });
});

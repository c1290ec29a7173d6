import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  it('drops accents, lowers case and joins words with single dashes', () => {
    expect(slugify('  Beasiswa (anak) – Pekerja  ')).toBe('beasiswa-anak-pekerja');
    expect(slugify('Café')).toBe('cafe');
    expect(slugify('Sengkang (Wajo)')).toBe('sengkang-wajo');
    expect(slugify('Kantor Cabang 12')).toBe('kantor-cabang-12');
  });

  it('gives the fallback when nothing is left', () => {
    expect(slugify('!!!')).toBe('');
    expect(slugify('–', 'kantor')).toBe('kantor');
    expect(slugify('Pasuruan', 'kantor')).toBe('pasuruan');
  });
});

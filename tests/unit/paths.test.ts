import { describe, expect, it } from 'vitest';
import { withBase } from '../../src/lib/paths.ts';

describe('withBase', () => {
  it('leaves paths alone at the domain root', () => {
    expect(withBase('/', '/bpu/')).toBe('/bpu/');
  });
  it('prefixes the base path, with or without its trailing slash', () => {
    expect(withBase('/rtw-pasuruan/', '/bpu/')).toBe('/rtw-pasuruan/bpu/');
    expect(withBase('/rtw-pasuruan', '/data/klaim.csv')).toBe('/rtw-pasuruan/data/klaim.csv');
    expect(withBase('/rtw-pasuruan/', '/')).toBe('/rtw-pasuruan/');
  });
  it('does not touch external links, protocol-relative links or fragments', () => {
    expect(withBase('/x/', 'https://www.bpjsketenagakerjaan.go.id/')).toBe('https://www.bpjsketenagakerjaan.go.id/');
    expect(withBase('/x/', '//example.org/a')).toBe('//example.org/a');
    expect(withBase('/x/', '#jht')).toBe('#jht');
  });
});

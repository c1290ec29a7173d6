import { describe, expect, it } from 'vitest';
import { routes } from '../../src/lib/routes.ts';

describe('routes', () => {
  it('gives every claims page, download, image and embed its one path', () => {
    expect(routes.dataset('pasuruan-2017-01-02')).toBe('/transparansi/pasuruan-2017-01-02/');
    expect(routes.datasetSection('x', 'rekonsiliasi')).toBe('/transparansi/x/#rekonsiliasi');
    expect(routes.kantor('nasional')).toBe('/transparansi/kantor/nasional/');
    expect(routes.citationFile('x', 'csl.json')).toBe('/data/x.csl.json');
    expect(routes.version('x', 'a'.repeat(64))).toBe(`/data/v/${'a'.repeat(12)}/x.csv`);
    expect(routes.chartImage('x-program')).toBe('/gambar/x-program.png');
    expect(routes.datasetSocialImage('x')).toBe('/gambar/sosial/x.png');
    expect(routes.officeSocialImage('y')).toBe('/gambar/sosial/kantor/y.png');
    expect(routes.datasetEmbed('x')).toBe('/sematkan/x/');
    expect(routes.officeEmbed('y')).toBe('/sematkan/kantor/y/');
    expect(() => routes.datasetEmbed('../x')).toThrow(RangeError);
    expect(routes.riwayatFeed).toBe('/transparansi/riwayat.xml');
  });
});

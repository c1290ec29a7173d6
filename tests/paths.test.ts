import { describe, expect, it } from 'vitest';
import { withBase } from '../src/lib/paths.ts';
import { rebaseTree } from '../src/lib/rehype-base.ts';

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

describe('rebaseTree (rehype plugin)', () => {
  it('rewrites href and src of nested elements', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'p', properties: {}, children: [
          { type: 'element', tagName: 'a', properties: { href: '/kemitraan/' }, children: [] },
          { type: 'element', tagName: 'a', properties: { href: 'https://jatim.antaranews.com/' }, children: [] },
          { type: 'element', tagName: 'img', properties: { src: '/favicon.svg' }, children: [] },
        ] },
      ],
    };
    rebaseTree(tree, '/rtw-pasuruan/');
    const [a1, a2, img] = tree.children[0]!.children!;
    expect(a1!.properties!['href']).toBe('/rtw-pasuruan/kemitraan/');
    expect(a2!.properties!['href']).toBe('https://jatim.antaranews.com/');
    expect(img!.properties!['src']).toBe('/rtw-pasuruan/favicon.svg');
  });
});

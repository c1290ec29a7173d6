import { describe, expect, it } from 'vitest';
import { editUrl, reportUrl, SettingError } from '../../src/lib/edit-link.ts';

describe('editUrl', () => {
  const env = { EDIT_BASE_URL: 'https://github.com/owner/repo/edit/main/' };
  it('is null when EDIT_BASE_URL is unset or empty', () => {
    expect(editUrl('content/halaman/bpu.mdx', {})).toBeNull();
    expect(editUrl('content/halaman/bpu.mdx', { EDIT_BASE_URL: '  ' })).toBeNull();
  });
  it('joins the base and the repository path, with or without a final slash, encoding segments', () => {
    expect(editUrl('content/pelatihan/elektro.mdx', env)).toBe('https://github.com/owner/repo/edit/main/content/pelatihan/elektro.mdx');
    expect(editUrl('/data/klaim/a b#c.csv', { EDIT_BASE_URL: 'https://github.com/owner/repo/edit/main' })).toBe(
      'https://github.com/owner/repo/edit/main/data/klaim/a%20b%23c.csv',
    );
  });
  it('refuses unusable settings and paths', () => {
    expect(() => editUrl('x.mdx', { EDIT_BASE_URL: 'javascript:alert(1)' })).toThrow(SettingError);
    expect(() => editUrl('x.mdx', { EDIT_BASE_URL: 'github.com/owner/repo' })).toThrow(/EDIT_BASE_URL must be a full http\(s\) address/);
    expect(() => editUrl('x.mdx', { EDIT_BASE_URL: 'https://user:token@github.com/' })).toThrow(/user name or password/);
    expect(() => editUrl('../secret', env)).toThrow(/not a repository path/);
  });
});

describe('reportUrl', () => {
  it('is the REPORT_URL setting, or null', () => {
    expect(reportUrl({})).toBeNull();
    expect(reportUrl({ REPORT_URL: 'https://github.com/owner/repo/issues/new' })).toBe('https://github.com/owner/repo/issues/new');
    expect(() => reportUrl({ REPORT_URL: 'data:text/html,x' })).toThrow(/REPORT_URL must start with https/);
  });
});

describe('the built site', () => {
  it('every page made from content/ links to its file in the editor, and the footer to the report page; nothing when unset', async () => {
    const { readdirSync, readFileSync, rmSync } = await import('node:fs');
    const path = await import('node:path');
    const { astroBuild, copyProject } = await import('../helpers/project.ts');
    const dir = copyProject('rtw-edit-');
    try {
      const env = { EDIT_BASE_URL: 'https://github.com/owner/repo/edit/main/', REPORT_URL: 'https://github.com/owner/repo/issues/new', SITE_URL: 'https://example.org' };
      astroBuild({ cwd: dir, env });
      const pages: [string, string][] = [];
      for (const koleksi of ['halaman', 'pelatihan', 'berita']) {
        for (const f of readdirSync(path.join(dir, 'content', koleksi)).filter((x) => x.endsWith('.mdx'))) {
          const id = f.replace(/\.mdx$/, '');
          const out = koleksi === 'halaman' ? (id === 'beranda' ? 'index.html' : `${id}/index.html`) : `${koleksi}/${id}/index.html`;
          pages.push([`content/${koleksi}/${f}`, out]);
        }
      }
      expect(pages.length).toBeGreaterThan(5);
      for (const [source, out] of pages) {
        const html = readFileSync(path.join(dir, 'dist', out), 'utf8');
        expect(html, out).toContain(`<a href="https://github.com/owner/repo/edit/main/${source}" rel="nofollow">Sunting halaman ini</a>`);
        expect(html, out).toContain('<a href="https://github.com/owner/repo/issues/new">Laporkan kesalahan</a>');
      }
      astroBuild({ cwd: dir, outDir: path.join(dir, 'dist-plain'), env: { SITE_URL: 'https://example.org' } });
      const plain = readFileSync(path.join(dir, 'dist-plain', 'pelatihan/elektro/index.html'), 'utf8');
      expect(plain).not.toContain('Sunting halaman ini');
      expect(plain).not.toContain('Laporkan kesalahan');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

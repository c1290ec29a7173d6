import { describe, expect, it } from 'vitest';
import { editUrl, reportUrl, SettingError } from '../src/lib/edit-link.ts';

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

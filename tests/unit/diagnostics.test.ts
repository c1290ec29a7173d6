import { describe, expect, it } from 'vitest';
import {
  cliOptions,
  countSeverities,
  editDistance,
  formatDiagnostic,
  hasInvisible,
  nearestName,
  quoteInput,
  sortDiagnostics,
  summaryLine,
  UsageError,
  type Diagnostic,
} from '../../src/lib/diagnostics.ts';

const d = (path: string, line: number, column: number, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  path,
  line,
  column,
  severity: 'error',
  rule: 'r',
  message: { id: 'pesan', en: 'message' },
  ...extra,
});

describe('formatDiagnostic', () => {
  it('writes PATH:LINE:COLUMN: error: MESSAGE in Indonesian by default, English on request', () => {
    const x = d('content/a.mdx', 2, 1, { message: { id: 'kolom "judull" tidak dikenal', en: 'unknown field "judull"' } });
    expect(formatDiagnostic(x)).toBe('content/a.mdx:2:1: error: kolom "judull" tidak dikenal');
    expect(formatDiagnostic(x, { lang: 'en' })).toBe('content/a.mdx:2:1: error: unknown field "judull"');
    expect(formatDiagnostic({ ...x, severity: 'warning' }, { lang: 'id' })).toBe('content/a.mdx:2:1: warning: kolom "judull" tidak dikenal');
  });
  it('writes GitHub annotations with GitHub escaping', () => {
    const x = d('data/klaim/a,b:c.csv', 4, 6, { rule: 'csv:x,y', message: { id: '100% salah\r\nbaris: dua, tiga', en: 'e' } });
    expect(formatDiagnostic(x, { format: 'github' })).toBe(
      '::error file=data/klaim/a%2Cb%3Ac.csv,line=4,col=6,title=csv%3Ax%2Cy::100%25 salah%0D%0Abaris: dua, tiga',
    );
    expect(formatDiagnostic({ ...x, severity: 'warning' }, { format: 'github', lang: 'en' })).toMatch(/^::warning file=.*::e$/);
  });
});

describe('sortDiagnostics and countSeverities', () => {
  it('sorts by path, line, column; a limit notice last in its file', () => {
    const list = [d('b', 1, 1), d('a', 3, 1), d('a', 2, 9, { rule: 'limit' }), d('a', 2, 5), d('a', 2, 1, { severity: 'warning' })];
    expect(sortDiagnostics(list).map((x) => `${x.path}:${x.line}:${x.column}:${x.rule}`)).toEqual(['a:2:1:r', 'a:2:5:r', 'a:3:1:r', 'a:2:9:limit', 'b:1:1:r']);
    expect(list[0]!.path).toBe('b');
    expect(countSeverities(list)).toEqual({ errors: 4, warnings: 1 });
  });
});

describe('names', () => {
  it('edit distance', () => {
    expect(editDistance('judull', 'judul')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('suggests the nearest name only when it is close', () => {
    expect(nearestName('judull', ['judul', 'ringkasan', 'sumber'])).toBe('judul');
    expect(nearestName('Terakhir-Ditinjau', ['terakhir_ditinjau'])).toBe('terakhir_ditinjau');
    expect(nearestName('title', ['judul', 'ringkasan'])).toBeUndefined();
    expect(nearestName('buka', ['dibuka', 'ditutup', 'belum-diketahui'])).toBe('dibuka');
    expect(nearestName('x'.repeat(100_000), ['judul'])).toBeUndefined();
  });
});

describe('quoteInput', () => {
  it('quotes short values whole and escapes quotes', () => {
    expect(quoteInput('Pasuruan')).toBe('"Pasuruan"');
    expect(quoteInput('a "b" \\c')).toBe('"a \\"b\\" \\\\c"');
  });
  it('cuts long values at 80 characters with an ellipsis', () => {
    const q = quoteInput('x'.repeat(10_000_000));
    expect(q).toBe(`"${'x'.repeat(80)}…"`);
    expect(quoteInput('abcdef', 3)).toBe('"abc…"');
    expect(quoteInput('😀'.repeat(100)).length).toBeLessThan(200);
  });
  it('shows control and bidirectional characters visibly', () => {
    expect(quoteInput('a\u0000b\nc\u202Ed\u2066\u001b[31m')).toBe('"a\\u{0000}b\\nc\\u{202E}d\\u{2066}\\u{001B}[31m"');
    expect(hasInvisible('abc')).toBe(false);
    expect(hasInvisible('a\u202Eb')).toBe(true);
    expect(hasInvisible('a\tb')).toBe(true);
  });
});

describe('cliOptions', () => {
  it('defaults to Indonesian text', () => {
    expect(cliOptions(['data/a.csv'], {})).toEqual({ lang: 'id', format: 'text', rest: ['data/a.csv'] });
  });
  it('reads --lang, --format (both spellings) and RTW_LANG', () => {
    expect(cliOptions(['--lang', 'en', '--format=github', 'x'], {})).toEqual({ lang: 'en', format: 'github', rest: ['x'] });
    expect(cliOptions([], { RTW_LANG: 'en' }).lang).toBe('en');
    expect(cliOptions(['--lang=id'], { RTW_LANG: 'en' }).lang).toBe('id');
    expect(cliOptions(['--', '--lang'], {}).rest).toEqual(['--lang']);
  });
  it('refuses unknown options and values with a clear message', () => {
    expect(() => cliOptions(['--verbose'], {})).toThrow(UsageError);
    expect(() => cliOptions(['--verbose'], {})).toThrow(/opsi "--verbose" tidak dikenal.*unknown option "--verbose"/);
    expect(() => cliOptions(['--lang', 'fr'], {})).toThrow(/--lang "fr" tidak dikenal/);
    expect(() => cliOptions(['--format'], {})).toThrow(/--format perlu nilai/);
    expect(() => cliOptions([], { RTW_LANG: 'de' })).toThrow(/RTW_LANG "de"/);
  });
});

describe('summaryLine', () => {
  it('in both languages', () => {
    expect(summaryLine({ id: 'file konten', en: 'content files' }, 3, { errors: 1, warnings: 0 }, 'id')).toBe('3 file konten diperiksa: 1 error, 0 warning');
    expect(summaryLine({ id: 'file konten', en: 'content files' }, 3, { errors: 1, warnings: 2 }, 'en')).toBe('3 content files checked: 1 error, 2 warnings');
  });
});

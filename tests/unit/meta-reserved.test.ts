import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeta, RESERVED_IDS } from '../../src/lib/claims/meta.ts';

describe('reserved dataset ids', () => {
  it('rejects ids taken by downloads or transparency pages, at the id field', () => {
    const real = readFileSync('data/klaim/pasuruan-2017-01-02.meta.yaml', 'utf8');
    for (const id of ['metodologi', 'cabang', 'klaim']) {
      expect(RESERVED_IDS).toContain(id);
      const r = parseMeta(`data/klaim/${id}.meta.yaml`, real.replace(/^id: .*$/m, `id: ${id}`), id);
      expect(r.meta).toBeNull();
      expect(r.diagnostics.map((d) => d.message.en).join('\n')).toContain('or by pages under /transparansi/');
      expect(r.diagnostics.map((d) => d.message.id).join('\n')).toContain('atau halaman di bawah /transparansi/');
    }
  });
});

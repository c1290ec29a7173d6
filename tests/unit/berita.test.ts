import { describe, expect, it } from 'vitest';
import { tanggalUrut, urutkanBerita } from '../../src/lib/berita.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('urutkanBerita', () => {
  it('orders newest first by publication date, falling back to the sort date', () => {
    const items = [
      { id: 'a', data: { tanggal_urut: d('2017-03-01') } },
      { id: 'b', data: { tanggal: d('2018-01-01'), tanggal_urut: d('2018-01-01') } },
      { id: 'c', data: { tanggal: d('2016-05-01'), tanggal_urut: d('2019-01-01') } },
    ];
    expect(urutkanBerita(items).map((i) => i.id)).toEqual(['b', 'a', 'c']);
  });
  it('is stable on ties', () => {
    const items = [
      { id: 'z', data: { tanggal_urut: d('2017-03-01') } },
      { id: 'y', data: { tanggal_urut: d('2017-03-01') } },
    ];
    expect(urutkanBerita(items).map((i) => i.id)).toEqual(['y', 'z']);
    expect(tanggalUrut(items[0]!.data).toISOString()).toBe('2017-03-01T00:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { formatBulan, formatPeriode, formatTanggal, isoDate, labelPeriode, parseIsoDate } from '../../src/lib/dates.ts';

describe('parseIsoDate', () => {
  it('accepts real calendar dates', () => {
    expect(parseIsoDate('2017-02-28')?.toISOString()).toBe('2017-02-28T00:00:00.000Z');
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
  });
  it('rejects days that do not exist and other forms', () => {
    for (const bad of ['2017-02-30', '2023-02-29', '2017-13-01', '2017-2-28', '28-02-2017', '2017-02-28T00:00', '']) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });
});

describe('formatTanggal', () => {
  it('writes dates the Indonesian way', () => {
    expect(formatTanggal('2017-02-28')).toBe('28 Februari 2017');
    expect(formatTanggal(new Date(Date.UTC(2026, 10, 28)))).toBe('28 November 2026');
    expect(formatBulan('2017-01-01')).toBe('Januari 2017');
  });
  it('refuses text that is not a date', () => {
    expect(() => formatTanggal('kemarin')).toThrow(/not an ISO date/);
  });
});

describe('formatPeriode', () => {
  it('writes the year once within a year', () => {
    expect(formatPeriode('2017-01-01', '2017-02-28')).toBe('1 Januari – 28 Februari 2017');
  });
  it('writes the month once within a month', () => {
    expect(formatPeriode('2017-01-01', '2017-01-31')).toBe('1–31 Januari 2017');
  });
  it('writes both years across years, and one day once', () => {
    expect(formatPeriode('2016-12-01', '2017-01-31')).toBe('1 Desember 2016 – 31 Januari 2017');
    expect(formatPeriode('2017-01-05', '2017-01-05')).toBe('5 Januari 2017');
  });
  it('gives ISO for machines', () => {
    expect(isoDate(new Date(Date.UTC(2017, 1, 28)))).toBe('2017-02-28');
  });
});

describe('labelPeriode', () => {
  it('names whole months and years briefly', () => {
    expect(labelPeriode('2024-02-01', '2024-02-29')).toBe('Februari 2024');
    expect(labelPeriode('2023-01-01', '2023-12-31')).toBe('2023');
  });
  it('writes other periods out', () => {
    expect(labelPeriode('2017-01-01', '2017-02-28')).toBe('1 Januari – 28 Februari 2017');
    expect(labelPeriode('2024-02-01', '2024-02-28')).toBe('1–28 Februari 2024');
  });
});

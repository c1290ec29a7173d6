import { describe, expect, it } from 'vitest';
import { buildDate, pickBuildDate } from '../../src/lib/build-info.ts';

describe('pickBuildDate', () => {
  const now = new Date('2030-01-02T03:04:05Z');
  it('prefers SOURCE_DATE_EPOCH', () => {
    expect(pickBuildDate('1488240000', '2026-11-28', now)).toBe('2017-02-28');
  });
  it('then the last commit date', () => {
    expect(pickBuildDate(undefined, '2026-11-28', now)).toBe('2026-11-28');
    expect(pickBuildDate('not-a-number', '2026-11-28', now)).toBe('2026-11-28');
  });
  it('then today', () => {
    expect(pickBuildDate(undefined, null, now)).toBe('2030-01-02');
    expect(pickBuildDate(undefined, 'garbage', now)).toBe('2030-01-02');
  });
  it('gives an ISO date in this checkout', () => {
    expect(buildDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

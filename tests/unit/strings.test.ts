import { describe, expect, it } from 'vitest';
import { STRINGS, t } from '../../src/lib/strings.ts';

describe('UI strings', () => {
  it('returns the string for a key', () => {
    expect(t('nav.bpu')).toBe('Ikut BPU');
  });
  it('has no empty strings and writes money words the Indonesian way', () => {
    for (const [key, value] of Object.entries(STRINGS)) {
      expect(value.trim(), key).not.toBe('');
      expect(value, key).not.toMatch(/milyar/i);
    }
  });
});

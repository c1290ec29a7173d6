import { existsSync, lstatSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../../scripts/lib/child.ts';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.ts';
import { EXIT, inRange, parseArgs, UsageError } from '../../scripts/lib/cli.ts';
import { copyProject, PROJECT_FILES, REPO_ROOT } from '../../scripts/lib/repo.ts';

describe('scripts/lib/cli parseArgs', () => {
  const spec = { seed: 'int', keep: 'flag', out: 'string', 'last-year': 'int' } as const;

  it('reads flags, whole numbers, strings, --name=value and positional arguments; skips npm\'s --', () => {
    expect(parseArgs(['--', '--seed', '3', '--keep', 'x', '--out=/tmp/a', '--last-year=2024', '100'], spec)).toEqual({
      options: { seed: 3, keep: true, out: '/tmp/a', 'last-year': 2024 },
      positional: ['x', '100'],
    });
    expect(parseArgs([], spec)).toEqual({ options: {}, positional: [] });
  });

  it('refuses unknown options, missing values and values that are not whole numbers', () => {
    expect(() => parseArgs(['--bogus'], spec)).toThrow(new UsageError('unknown argument "--bogus"'));
    expect(() => parseArgs(['--seed'], spec)).toThrow(new UsageError('--seed needs a value'));
    expect(() => parseArgs(['--seed', '1.5'], spec)).toThrow(new UsageError('--seed must be a whole number, got "1.5"'));
    expect(() => parseArgs(['--keep=1'], spec)).toThrow(new UsageError('--keep takes no value'));
    expect(() => parseArgs(['--toString'], spec)).toThrow(UsageError);
    expect(() => inRange('years', 0, 1, 50)).toThrow(new UsageError('--years must be a whole number from 1 to 50, got "0"'));
    expect(inRange('years', 50, 1, 50)).toBe(50);
  });

  it('has one exit-code convention', () => {
    expect(EXIT).toEqual({ ok: 0, failed: 1, usage: 2 });
  });
});

describe('scripts/lib/repo and child', () => {
  it('finds the repository root', () => {
    expect(existsSync(join(REPO_ROOT, 'package.json'))).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'scripts', 'lib', 'repo.ts'))).toBe(true);
  });

  it('copies the project with node_modules linked', () => {
    const dir = copyProject('scripts-lib-test-', { extra: ['README.md', 'no-such-file'] });
    try {
      for (const entry of [...PROJECT_FILES, 'README.md']) expect(existsSync(join(dir, entry)), entry).toBe(true);
      expect(lstatSync(join(dir, 'node_modules')).isSymbolicLink()).toBe(true);
      expect(existsSync(join(dir, 'no-such-file'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives child builds an environment without what vitest injects', () => {
    const env = childEnv({ EXTRA: '1' });
    expect(env['EXTRA']).toBe('1');
    expect(env['BASE_URL']).toBeUndefined();
    expect(env['VITEST']).toBeUndefined();
    expect(env['ASTRO_TELEMETRY_DISABLED']).toBe('1');
  });

  it('runs chromium headless without a sandbox and without network services', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--headless', '--no-sandbox', '--disable-background-networking']));
  });
});

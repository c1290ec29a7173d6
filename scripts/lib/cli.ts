/**
 * Argument parsing and exit codes for the command-line scripts.
 *
 * Benchmarks share one exit-code convention ({@link EXIT}): 0 when every step ran (each target
 * is printed as PASS or FAIL on stdout: a missed target is a result, not a failure, because
 * shared machines are noisy), 1 when a step itself failed (generator, check, build, browser),
 * 2 on a usage error.
 */

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A wrong command line: printed with the usage line, exit {@link EXIT.usage}. */
export class UsageError extends Error {}

/** How an option is written: `--name` alone, `--name 12` (whole number) or `--name text`. */
export type OptionKind = 'flag' | 'int' | 'string';
type ValueOf<K extends OptionKind> = K extends 'flag' ? boolean : K extends 'int' ? number : string;
export type ParsedOptions<S extends Record<string, OptionKind>> = { [K in keyof S]?: ValueOf<S[K]> };

/**
 * Parses `argv` (npm's `--` separator is skipped) against a spec of `--name` options
 * (`--name value` or `--name=value`).
 * Anything not starting with `--` is positional. Throws {@link UsageError} on an unknown option,
 * a missing value or a value that is not a whole number.
 *
 * @example parseArgs(['--seed', '3', '--keep', 'x'], { seed: 'int', keep: 'flag' })
 *   // → { options: { seed: 3, keep: true }, positional: ['x'] }
 */
export function parseArgs<S extends Record<string, OptionKind>>(argv: readonly string[], spec: S): { options: ParsedOptions<S>; positional: string[] } {
  const options: Record<string, boolean | number | string> = {};
  const positional: string[] = [];
  const args = argv.filter((a) => a !== '--');
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const inline = eq < 0 ? undefined : a.slice(eq + 1);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (kind === undefined) throw new UsageError(`unknown argument "${a}"`);
    if (kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const v = inline ?? args[++i];
    if (v === undefined) throw new UsageError(`--${name} needs a value`);
    if (kind === 'int' && !/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, got "${v}"`);
    options[name] = kind === 'int' ? Number(v) : v;
  }
  return { options: options as ParsedOptions<S>, positional };
}

/** Checks that a whole-number option lies in `[min, max]`; throws {@link UsageError} if not. */
export function inRange(name: string, value: number, min: number, max: number): number {
  if (value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return value;
}

/** A progress logger on stderr: `[name] message`. */
export function logger(name: string): (message: string) => void {
  return (message) => void process.stderr.write(`[${name}] ${message}\n`);
}

/**
 * Runs a script's main function and sets the exit code by {@link EXIT}: its returned code
 * (default 0), 2 for a {@link UsageError} (with the usage line), 1 for any other error.
 */
export function runMain(name: string, usage: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? EXIT.ok;
    },
    (err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`${name}: ${err.message}\nusage: ${usage}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      process.stderr.write(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}

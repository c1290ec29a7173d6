import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

/**
 * Where CSV bytes come from (a file on disk; a refused file stands as its header only).
 * `path` is the path printed in diagnostics.
 */
export interface CsvSource {
  path: string;
  /** The file on disk, when there is one (large files are then split and checked in parallel). */
  fsPath?: string;
  /** A fresh stream over all the bytes. */
  open(): Readable;
}

/** A source reading the file at `fsPath`, printed as `displayPath`. */
export function fileSource(fsPath: string, displayPath: string = fsPath): CsvSource {
  return {
    path: displayPath,
    fsPath,
    open: () => createReadStream(fsPath, { highWaterMark: 256 * 1024 }),
  };
}

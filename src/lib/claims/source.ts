import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * Where CSV bytes come from: a file on disk or bytes in memory (tests).
 * `path` is the path printed in diagnostics.
 */
export interface CsvSource {
  path: string;
  /** A fresh stream over all the bytes. */
  open(): Readable;
  /** Bytes [start, end) clipped to the source; used only to locate columns of errors. */
  readRange(start: number, end: number): Promise<Buffer>;
}

/** A source reading the file at `fsPath`, printed as `displayPath`. */
export function fileSource(fsPath: string, displayPath: string = fsPath): CsvSource {
  return {
    path: displayPath,
    open: () => createReadStream(fsPath, { highWaterMark: 256 * 1024 }),
    async readRange(start, end) {
      const from = Math.max(0, start);
      const fh = await open(fsPath, 'r');
      try {
        const buf = Buffer.alloc(Math.max(0, end - from));
        const { bytesRead } = await fh.read(buf, 0, buf.length, from);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
  };
}

/** A source over bytes or text held in memory. */
export function memorySource(displayPath: string, content: string | Uint8Array): CsvSource {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return {
    path: displayPath,
    open: () => Readable.from([buf]),
    readRange: async (start, end) => buf.subarray(Math.max(0, start), Math.max(0, Math.min(end, buf.length))),
  };
}

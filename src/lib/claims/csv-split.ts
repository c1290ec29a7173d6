/**
 * Splitting a CSV file into chunks of whole records, cheaply: a record boundary is a line feed
 * outside quotes, i.e. one preceded by an even number of double quotes (RFC 4180 quoting: an
 * escaped quote `""` counts two). The file is read once in blocks; quotes and line feeds are
 * found with `Buffer.indexOf`, so a file without quotes costs one search per block.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const BLOCK = 1 << 20;

/**
 * Byte offsets `[from, b1, …, size]` that cut `[from, size)` into at most `parts` chunks of
 * about equal size, each starting at a record; the first chunk is `firstExtra` bytes longer
 * (it is checked on the calling thread, which starts before the workers are ready). `from` must itself start a record with an even
 * number of quotes before it (e.g. just after the header line). With `crlf`, records end with
 * CR LF and a lone LF is not a boundary.
 */
export function recordBoundaries(fsPath: string, from: number, size: number, parts: number, crlf = false, firstExtra = 0): number[] {
  const cuts = [from];
  const extra = Math.min(firstExtra, Math.floor((size - from) / (2 * parts)));
  const step = Math.ceil((size - from - extra) / parts);
  let target = from + step + extra;
  const fd = openSync(fsPath, 'r');
  try {
    const buf = Buffer.allocUnsafe(BLOCK);
    let odd = false;
    let lastByte = -1;
    for (let pos = from; pos < size && target < size; ) {
      const n = readSync(fd, buf, 0, Math.min(BLOCK, size - pos), pos);
      if (n <= 0) break;
      const block = buf.subarray(0, n);
      let i = 0;
      while (i < n && target < size) {
        const q = block.indexOf(0x22, i);
        const stop = q < 0 ? n : q;
        // Inside [i, stop) there are no quotes: the parity is fixed, so a line feed at or after
        // the target is a boundary when the parity is even.
        if (!odd && pos + stop > target) {
          let lf = block.indexOf(0x0a, Math.max(i, target - pos));
          while (crlf && lf >= 0 && lf < stop && (lf === 0 ? lastByte : block[lf - 1]) !== 0x0d) lf = block.indexOf(0x0a, lf + 1);
          if (lf >= 0 && lf < stop) {
            cuts.push(pos + lf + 1);
            target = Math.max(target + step, pos + lf + 1 + Math.floor(step / 2));
            i = lf + 1;
            continue;
          }
        }
        if (q < 0) break;
        odd = !odd;
        i = q + 1;
      }
      lastByte = block[n - 1]!;
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  if (cuts[cuts.length - 1] !== size) cuts.push(size);
  return cuts;
}

/**
 * The first line of a file (without BOM and line ending), the offset where the next line
 * starts and whether it ends with CR LF; null when there is no line feed within 64 KB.
 */
export function firstLine(fsPath: string): { text: string; end: number; crlf: boolean } | null {
  const fd = openSync(fsPath, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const lf = buf.subarray(0, n).indexOf(0x0a);
    if (lf < 0) return null;
    const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    const cr = lf > 0 && buf[lf - 1] === 0x0d ? 1 : 0;
    return { text: buf.subarray(bom, lf - cr).toString('utf8'), end: lf + 1, crlf: cr === 1 };
  } finally {
    closeSync(fd);
  }
}

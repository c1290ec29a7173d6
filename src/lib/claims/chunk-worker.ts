/**
 * Worker thread of the parallel check (csv-parallel.ts): checks one chunk of whole records of a
 * CSV file, bytes [start, end), with the file's header given (or a whole file, without), and
 * posts back the result and the office names it met (its own ids, in order of first appearance).
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkChunk, createCheckContext } from './chunk-check.ts';
import type { ChunkTask } from './csv-parallel.ts';
import { keyListOf, keysArray } from './period-keys.ts';

const task = workerData as ChunkTask;
const context = createCheckContext();
const result = await checkChunk(createReadStream(task.fsPath, { start: task.start, end: task.end - 1, highWaterMark: 256 * 1024 }), task.path, {
  context,
  // Without a header: a whole file (its header and end-of-file checks included).
  ...(task.header !== null ? { header: task.header, recordDelimiter: task.recordDelimiter } : {}),
  ...(task.expect !== null ? { expect: { ...task.expect, offices: new Set(task.expect.offices) } } : {}),
});
// Each combo's period keys as one array whose memory moves to the main thread (no copy).
const transfer: ArrayBuffer[] = [];
for (const combo of result.combos.values()) {
  combo.keys = keyListOf(keysArray(combo.keys));
  transfer.push(combo.keys.words.buffer as ArrayBuffer);
}
parentPort!.postMessage({ result, branchNames: context.branchNames }, transfer);

/**
 * Periods of one office × programme as packed 4-byte keys (`start << 16 | length`, day
 * numbers), and how duplicates and overlaps are found among them.
 */

/**
 * Periods of the rows of one branch × programme, 4 bytes per row: the
 * period packed as `start << 16 | length` (day numbers). Blocks grow to 4096
 * keys, so there is little slack and no growth copy; {@link sortedKeys}
 * gathers one list at a time into a short-lived sorted array. Line numbers
 * are not kept: when a duplicate or an overlap is found, a second pass over the file finds the lines of just those
 * periods (locate.ts).
 */
export interface KeyList {
  /** Block being filled. */
  words: Uint32Array;
  /** Keys used in `words`. */
  fill: number;
  /** Full earlier blocks. */
  blocks: Uint32Array[];
  count: number;
}

/** Packs a period (day numbers, end ≥ start) into a key. */
export function packPeriod(start: number, end: number): number {
  return ((start << 16) | (end - start)) >>> 0;
}

/** Start day of a packed period. */
export function keyStart(key: number): number {
  return key >>> 16;
}

/** End day of a packed period. */
export function keyEnd(key: number): number {
  return (key >>> 16) + (key & 0xffff);
}

/** An empty key list. */
export function newKeyList(): KeyList {
  return { words: new Uint32Array(8), fill: 0, blocks: [], count: 0 };
}

/** Appends a key. */
export function pushKey(list: KeyList, key: number): void {
  let words = list.words;
  let i = list.fill;
  if (i === words.length) {
    list.blocks.push(words);
    words = list.words = new Uint32Array(Math.min(words.length * 2, 1024));
    i = 0;
  }
  words[i] = key;
  list.fill = i + 1;
  list.count++;
}

/**
 * All keys of a list in ascending order, as a new array (the blocks are
 * copied into it and it is sorted natively). Used one branch × programme at a
 * time, so the copy is short-lived and small.
 */
export function sortedKeys(list: KeyList): Uint32Array {
  return keysArray(list).sort();
}

/**
 * Sorts a list's keys where they are (gathering its blocks into one array first when it has
 * several), so it holds them once, ascending, and returns them. The order of insertion is lost;
 * nothing after the check within a file needs it.
 */
export function sortInPlace(list: KeyList): Uint32Array {
  if (list.blocks.length > 0) {
    list.words = keysArray(list);
    list.blocks = [];
    list.fill = list.words.length;
  }
  return list.words.subarray(0, list.fill).sort();
}

/** The distinct keys of a list, ascending. */
export function distinctSorted(list: KeyList): Uint32Array {
  const sorted = sortedKeys(list);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (n === 0 || sorted[n - 1] !== sorted[i]) sorted[n++] = sorted[i]!;
  }
  return sorted.subarray(0, n);
}

/**
 * Finds conflicts among a list's keys: `found(key, key, count)` for a period
 * that occurs `count` > 1 times (duplicates), and `found(a, b, 1)` for two
 * different periods that overlap (b sorts before a).
 */
export function findConflicts(list: KeyList, found: (a: number, b: number, count: number) => void): void {
  const sorted = sortInPlace(list);
  let prev = -1;
  let run = 0;
  let reachKey = -1;
  let reachEnd = -1;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i]!;
    if (key === prev) {
      run++;
      continue;
    }
    if (run > 1) found(prev, prev, run);
    prev = key;
    run = 1;
    const start = key >>> 16;
    if (reachKey >= 0 && start <= reachEnd) found(key, reachKey, 1);
    const end = start + (key & 0xffff);
    if (end > reachEnd) {
      reachEnd = end;
      reachKey = key;
    }
  }
  if (run > 1) found(prev, prev, run);
}


/** The keys as one array, in insertion order (to send a list to another thread). */
export function keysArray(list: KeyList): Uint32Array {
  const out = new Uint32Array(list.count);
  let at = 0;
  for (const b of list.blocks) {
    out.set(b, at);
    at += b.length;
  }
  out.set(list.words.subarray(0, list.fill), at);
  return out;
}

/** A key list holding `keys` (from {@link keysArray}). */
export function keyListOf(keys: Uint32Array): KeyList {
  if (keys.length === 0) return newKeyList();
  return { words: keys, fill: keys.length, blocks: [], count: keys.length };
}

/*
 * Ticket numbers without collisions. The hub numbers a queue's tickets of the day 1, 2, 3 …; a terminal numbers
 * from blocks the hub reserved for it while online (A300–A399 …), so an offline terminal and the hub, or two
 * offline terminals, never print the same number on the same day. The hub skips every reserved block.
 */

export interface NumberBlock {
  start: number;
  /** Inclusive. */
  end: number;
}

/** Where the next block starts: past every block and every number the hub has used, on a block boundary. */
export function nextBlockStart(
  blocks: readonly NumberBlock[],
  hubMax: number,
  cfg: { blockSize: number; blockBase: number },
): NumberBlock {
  let floor = Math.max(cfg.blockBase, hubMax + 1);
  for (const b of blocks) floor = Math.max(floor, b.end + 1);
  // Align to the block size from the base, so a block reads as "the 3xx".
  const k = Math.ceil((floor - cfg.blockBase) / cfg.blockSize);
  const start = cfg.blockBase + k * cfg.blockSize;
  return { start, end: start + cfg.blockSize - 1 };
}

/** The hub's next number after `last`, stepping over reserved blocks. */
export function nextHubNumber(last: number, blocks: readonly NumberBlock[]): number {
  let n = last + 1;
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  for (const b of sorted) if (n >= b.start && n <= b.end) n = b.end + 1;
  return n;
}

/** A terminal's next number from its own blocks, given the highest it used in each; null when all are used. */
export function nextBlockNumber(blocks: readonly (NumberBlock & { used: number | null })[]): number | null {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  for (const b of sorted) {
    const next = b.used === null ? b.start : b.used + 1;
    if (next <= b.end) return next;
  }
  return null;
}

/** Numbers still free in a terminal's blocks. */
export function blockNumbersLeft(blocks: readonly (NumberBlock & { used: number | null })[]): number {
  let n = 0;
  for (const b of blocks) n += b.end - (b.used === null ? b.start - 1 : b.used);
  return n;
}

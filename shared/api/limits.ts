/**
 * Bounds for free-form JSON (a ticket event's payload, a replicated row): a 5,000-deep object passes
 * `z.record(z.unknown())` and then overflows the stack of whatever walks it later (stringify, scrubbers, clones).
 * Walked with an explicit stack, so the check itself cannot overflow.
 */
export const JSON_LIMITS = { depth: 8, bytes: 64 * 1024 } as const;

/** null when `v` is within the limits, else why not (English, for an error detail). */
export function jsonLimitError(
  v: unknown,
  limits: { depth: number; bytes: number } = JSON_LIMITS,
): string | null {
  const stack: [unknown, number][] = [[v, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [x, d] = stack.pop() as [unknown, number];
    if (x === null || typeof x !== 'object') continue;
    if (d > limits.depth) return `nested deeper than ${limits.depth}`;
    // Every node costs at least a byte or two: a cheap bound before the stringify below.
    if ((nodes += 1) > limits.bytes) return `larger than ${limits.bytes} bytes`;
    for (const child of Object.values(x)) stack.push([child, d + 1]);
  }
  if (JSON.stringify(v).length > limits.bytes) return `larger than ${limits.bytes} bytes`;
  return null;
}

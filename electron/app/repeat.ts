/** A job repeated every `everyMs` on unref'd timers (they never keep the process alive). */
export interface Repeating {
  /** No further runs: clears the interval and a first run that has not happened yet. */
  cancel(): void;
}

/**
 * Runs `tick` every `everyMs`, the first time after `firstInMs` (0: at once, in this call). The server's chores pass a
 * delay so their first run is not in the way of its first requests.
 */
export function repeat(tick: () => void, everyMs: number, firstInMs = 0): Repeating {
  const timer = setInterval(tick, everyMs);
  timer.unref();
  let first: ReturnType<typeof setTimeout> | null = null;
  if (firstInMs > 0) {
    first = setTimeout(tick, firstInMs);
    first.unref();
  } else tick();
  return {
    cancel: () => {
      clearInterval(timer);
      if (first) clearTimeout(first);
    },
  };
}

/**
 * When the person at this desk last typed or moved the mouse, for the API client.
 *
 * The server's idle lock counts only requests a person caused; polls and timers send `x-background: 1`
 * so they do not keep an unattended session open. Rather than every poll remembering to say so, the
 * client calls a request background when no input came shortly before it: a click or key press and the
 * requests it causes are foreground, a refetch a minute later is not.
 */

/** Requests this soon after input were caused by the person (a click, then a chain of requests). */
export const USER_REQUEST_WINDOW_MS = 5_000;

let lastInput = Number.NEGATIVE_INFINITY;

export function noteInput(now: number = Date.now()): void {
  lastInput = now;
}

export function isUserDriven(now: number = Date.now()): boolean {
  return now - lastInput <= USER_REQUEST_WINDOW_MS;
}

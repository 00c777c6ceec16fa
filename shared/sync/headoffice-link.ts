/**
 * How a hub's link to the head office stands, for the manager: the journal (`ho_journal`) keeps every change until
 * the head office acknowledges it, so a link that is down, or was never set up, shows as a backlog that only grows.
 * Pure: the facts come from the hub's journal and sync state, the thresholds from the branch's settings.
 */

export interface HeadOfficeLinkFacts {
  /** The hub was started with a head office (`--headoffice` and a branch key). */
  configured: boolean;
  /** Changes waiting in the journal to go up. */
  pending: number;
  /** When the oldest waiting change was made (epoch ms), null when nothing waits. */
  oldestPendingAt: number | null;
  /** The last round that pushed the whole journal (epoch ms). */
  lastPushAt: number | null;
  /** The last round's error; null after a round that went well. */
  lastError: string | null;
}

export interface HeadOfficeLinkLimits {
  /** An alert when a change has waited longer than this and the link is failing. */
  headOfficeLagHours: number;
  /** Without a link, a warning once this many changes wait. */
  journalWarnRows: number;
}

/**
 * - `ok`: nothing to say (a working link, or no link and a small journal);
 * - `behind`: the link fails and a change has waited past the branch's limit (a short outage says nothing: the
 *   next round clears it);
 * - `unconfigured`: no head office is set up and the journal has grown past the warning size.
 */
export type HeadOfficeLinkLevel = 'ok' | 'behind' | 'unconfigured';

export interface HeadOfficeLink extends HeadOfficeLinkFacts {
  level: HeadOfficeLinkLevel;
  /** Hours the oldest waiting change has waited (whole hours, rounded down). */
  waitedHours: number;
}

const HOUR = 3_600_000;

export function headOfficeLink(
  f: HeadOfficeLinkFacts,
  limits: HeadOfficeLinkLimits,
  now: number,
): HeadOfficeLink {
  // Everything there at the last complete push went up with it: a change waiting now reached the hub after it, even
  // one stamped earlier (a terminal's row replicated late carries the time it was made at the counter).
  const since = f.oldestPendingAt === null ? null : Math.max(f.oldestPendingAt, f.lastPushAt ?? -Infinity);
  const waitedMs = f.pending > 0 && since !== null ? Math.max(0, now - since) : 0;
  let level: HeadOfficeLinkLevel = 'ok';
  if (!f.configured) {
    if (f.pending >= limits.journalWarnRows) level = 'unconfigured';
  } else if (f.lastError && waitedMs > limits.headOfficeLagHours * HOUR) {
    level = 'behind';
  }
  return { ...f, level, waitedHours: Math.floor(waitedMs / HOUR) };
}

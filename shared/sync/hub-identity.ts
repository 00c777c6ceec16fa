import type { HubIdentity } from './api';

/** What a terminal does about the hub's identity in a journal page. */
export type HubIdentityStep =
  /** Same database as before, or a hub that does not say: nothing to do. */
  | { kind: 'same' }
  /** The first identity this terminal hears (it was enrolled before hubs had one): remember it. */
  | { kind: 'adopt'; epoch: string }
  /**
   * The hub runs on a copy made before some of this terminal's work reached it. Send again everything pushed from
   * `resendFrom` on (terminal clock; 0 = all), and pull the hub's journal again after `pullFrom`.
   */
  | { kind: 'restored'; epoch: string; resendFrom: number; pullFrom: number; copiedAt: number | null };

/**
 * Whether the hub went back to a copy. A copy carries a new identity with the time it was made and its journal's
 * last position: events the terminal pushed after that time are missing from it (`marginMs` earlier, for the two
 * machines' clocks), and the journal numbers positions after that one anew, so the terminal's cursor, past them,
 * goes back to it. A copy that does not say (made by a hub before copies carried their time) means everything.
 */
export function hubIdentityStep(
  seen: string | null,
  hub: HubIdentity | undefined,
  cursor: number,
  marginMs: number,
): HubIdentityStep {
  if (!hub || hub.epoch === seen) return { kind: 'same' };
  if (seen === null) return { kind: 'adopt', epoch: hub.epoch };
  const copied = hub.copiedAt !== null && hub.copySeq !== null;
  return {
    kind: 'restored',
    epoch: hub.epoch,
    resendFrom: copied ? Math.max(0, (hub.copiedAt ?? 0) - marginMs) : 0,
    pullFrom: copied ? Math.min(cursor, hub.copySeq ?? 0) : 0,
    copiedAt: hub.copiedAt,
  };
}

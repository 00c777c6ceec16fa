import type { Bilingual, Channel } from './channel';
import type { ChannelConfig } from './config';
import { fill, MESSAGES } from './messages';
import type { BranchState } from './types';

/*
 * Can a channel take a customer right now? A channel is available when a service point serving it is open and,
 * for the channels the config names in `staffedChannels` (the VIP room, the counters), someone is signed in at
 * it: the same "staffed" as the wait estimate (shared/queue/wait.ts). An open but empty VIP room (贵宾室暂无人员)
 * sends nobody there. Self-service machines are their own service point, so `self` is usually not listed.
 */

/** Why a channel cannot take anyone right now, or null when it can. */
export function closedReason(
  ch: ChannelConfig,
  branch: BranchState,
  staffedChannels: readonly Channel[],
): Bilingual | null {
  const say = (m: Bilingual): Bilingual => ({
    zh: fill(m.zh, { channel: ch.zh }),
    en: fill(m.en, { channel: ch.en }),
  });
  if (ch.key === 'self' && !branch.selfServiceUp) return say(MESSAGES.selfDown);
  const needsStaff = staffedChannels.includes(ch.key);
  let listed = false;
  let open = false;
  let staffed = false;
  for (const point of branch.counters) {
    const serves = point.queues.length === 0 ? point.channel === ch.key : point.queues.includes(ch.queue);
    if (!serves) continue;
    listed = true;
    if (!point.open) continue;
    open = true;
    // `staffed` absent: the caller does not know (a staffing plan's simulation), so it counts as staffed.
    if (!needsStaff || point.staffed !== false) {
      staffed = true;
      break;
    }
  }
  // Self-service machines are the service point; listed assistant stations must then have one open.
  if (!open && !(ch.key === 'self' && !listed)) return say(MESSAGES.closed);
  if (open && !staffed) return say(MESSAGES.unstaffed);
  if (ch.key === 'vip' && branch.vipRoom.load >= branch.vipRoom.capacity) return say(MESSAGES.vipFull);
  return null;
}

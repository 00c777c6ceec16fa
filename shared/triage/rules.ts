import type { Refusal } from '../refusal';
import { refuse } from '../refusal';
import type { TriageConfig } from './config';

/**
 * The lobby manager may send a customer to another channel than the engine suggested, with a reason
 * (the API requires it; it is kept on the ticket's override event and in the audit log). The chosen
 * channel must be one the branch configured; the ticket then waits in that channel's queue.
 * Choosing the suggested channel again is no override.
 */
export function resolveOverride(
  decision: { channel: string; queue: string },
  override: { channel: string; reason: string } | undefined,
  config: Pick<TriageConfig, 'channels'>,
): { ok: true; overridden: boolean; channel: string; queue: string } | Refusal<'unknown_channel'> {
  if (!override || override.channel === decision.channel) {
    return { ok: true, overridden: false, channel: decision.channel, queue: decision.queue };
  }
  const ch = config.channels.find((c) => c.key === override.channel);
  if (!ch) return refuse('unknown_channel', '未知的服务渠道', 'Unknown service channel');
  return { ok: true, overridden: true, channel: ch.key, queue: ch.queue };
}

import type { DisplayView } from '@shared/api/security';
import type { DisplayTokenTable } from '../schema';

export function toDisplayView(d: DisplayTokenTable): DisplayView {
  return { id: d.id, name: d.name, createdAt: d.created_at, lastSeenAt: d.last_seen_at };
}

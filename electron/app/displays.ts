import { notFound } from '@shared/api/errors';
import type { DisplayCreated, DisplayView, Done } from '@shared/api/security';
import { toDisplayView } from '../db/convert/displays';
import { newId } from '../db/ids';
import type { DisplayTokenRepo } from '../db/repos/displays';
import type { AuditRepo } from '../db/repos/settings';
import { newToken, tokenId } from './tokens';

export interface DisplaysDeps {
  displays: Pick<DisplayTokenRepo, 'active' | 'insert' | 'revoke'>;
  audit: Pick<AuditRepo, 'append'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
}

/** Lobby displays on the LAN: each has its own read-only token, shown once, revocable. */
export class DisplaysApp {
  constructor(private readonly deps: DisplaysDeps) {}

  list(): DisplayView[] {
    return this.deps.displays.active().map(toDisplayView);
  }

  create(name: string, by: string): Omit<DisplayCreated, 'lan' | 'lanUrls'> {
    const { deps } = this;
    const token = newToken();
    const id = newId();
    const now = deps.now();
    deps.tx(() => {
      deps.displays.insert({
        id,
        name,
        token_hash: tokenId(token),
        created_at: now,
        created_by: by,
        last_seen_at: null,
        revoked_at: null,
      });
      deps.audit.append({
        at: now,
        staffId: by,
        action: 'display.create',
        targetType: 'display',
        targetId: id,
        detail: { name },
      });
    });
    return { id, name, token, path: `/display?token=${token}` };
  }

  revoke(id: string, by: string): Done {
    const now = this.deps.now();
    const done = this.deps.tx(() => {
      if (!this.deps.displays.revoke(id, now)) return false;
      this.deps.audit.append({
        at: now,
        staffId: by,
        action: 'display.revoke',
        targetType: 'display',
        targetId: id,
      });
      return true;
    });
    if (!done) throw notFound({ zh: '该显示屏', en: 'Display' });
    return { ok: true };
  }
}

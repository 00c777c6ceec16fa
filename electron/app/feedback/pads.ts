import { ApiError, notFound } from '@shared/api/errors';
import type { PadCreated, PadView } from '@shared/api/feedback';
import type { CounterView } from '@shared/api/queue';
import type { Done } from '@shared/api/security';
import { newId } from '../../db/ids';
import type { FeedbackRepo } from '../../db/repos/feedback';
import type { AuditRepo } from '../../db/repos/settings';
import { newToken, tokenId } from '../tokens';

export interface PadsDeps {
  repo: Pick<FeedbackRepo, 'activePads' | 'insertPad' | 'revokePad' | 'padByHash' | 'touchPad'>;
  counters: () => CounterView[];
  audit: Pick<AuditRepo, 'append'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
}

/** A pad, as its token identified it: it speaks for its own counter only. */
export interface PadCaller {
  id: string;
  counterId: string;
}

/** A pad's last use is written at most this often (it polls every second or two). */
const TOUCH_MS = 60_000;

export const padTokenRequired = () =>
  new ApiError(
    401,
    'pad_token_required',
    '评价器需要有效的令牌（请由网点负责人在“人员与设备”中生成链接）',
    'This satisfaction pad needs a valid token (the branch manager creates the link under Staff & devices)',
  );

/** Satisfaction pads (评价器): enrolled per counter like lobby displays, with a token shown once, revocable. */
export class PadsApp {
  constructor(private readonly d: PadsDeps) {}

  list(): PadView[] {
    const counters = this.d.counters();
    return this.d.repo.activePads().map((p) => {
      const c = counters.find((x) => x.id === p.counter_id);
      return {
        id: p.id,
        name: p.name,
        counterId: p.counter_id,
        counterName: c?.name ?? '—',
        counterNumber: c?.number ?? 0,
        createdAt: p.created_at,
        lastSeenAt: p.last_seen_at,
      };
    });
  }

  create(counterId: string, name: string, by: string): PadCreated {
    const counter = this.d.counters().find((c) => c.id === counterId);
    if (!counter) throw notFound({ zh: '该窗口', en: 'Counter' });
    const token = newToken();
    const id = newId();
    const now = this.d.now();
    this.d.tx(() => {
      this.d.repo.insertPad({
        id,
        counter_id: counterId,
        name,
        token_hash: tokenId(token),
        created_at: now,
        created_by: by,
        last_seen_at: null,
        revoked_at: null,
      });
      this.d.audit.append({
        at: now,
        staffId: by,
        action: 'feedback_pad.create',
        targetType: 'feedback_pad',
        targetId: id,
        detail: { name, counterId },
      });
    });
    return { id, name, token, path: `/rate/${counter.number}?token=${token}` };
  }

  revoke(id: string, by: string): Done {
    const now = this.d.now();
    const done = this.d.tx(() => {
      if (!this.d.repo.revokePad(id, now)) return false;
      this.d.audit.append({
        at: now,
        staffId: by,
        action: 'feedback_pad.revoke',
        targetType: 'feedback_pad',
        targetId: id,
      });
      return true;
    });
    if (!done) throw notFound({ zh: '该评价器', en: 'Pad' });
    return { ok: true };
  }

  /** The pad a token belongs to, or null (unknown or revoked); notes its last use. */
  padFor(token: string | null): PadCaller | null {
    if (!token) return null;
    const row = this.d.repo.padByHash(tokenId(token));
    if (!row) return null;
    const now = this.d.now();
    if (row.last_seen_at === null || now - row.last_seen_at > TOUCH_MS) this.d.repo.touchPad(row.id, now);
    return { id: row.id, counterId: row.counter_id };
  }

  /** The pad's counter, when the page's counter number is the pad's own; a pad never speaks for another counter. */
  counterOf(pad: PadCaller, counterNumber: number): CounterView {
    const counter = this.d.counters().find((c) => c.id === pad.counterId);
    if (!counter || counter.number !== counterNumber)
      throw new ApiError(403, 'wrong_counter', '该评价器不属于此窗口', 'This pad belongs to another counter');
    return counter;
  }
}

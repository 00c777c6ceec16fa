import type { CounterList, CounterView } from '@shared/api/queue';
import { ApiError } from '@shared/api/errors';
import type { Role } from '@shared/api/types';
import type { QueueBoard } from './board';
import type { QueueDeps } from './deps';
import { mustActFor, type CounterCaller } from './ownership';

const MANAGERS: readonly Role[] = ['manager', 'admin'];
const counterNotFound = () => new ApiError(404, 'counter_not_found', '窗口不存在', 'No such counter');

/** The set-up fields of a counter (the branch manager's); open/closed and staff state are the teller's. */
export interface CounterConfig {
  name?: string;
  channel?: string;
  queues?: string[];
  corporateOnly?: boolean;
}

export interface CounterPatch extends CounterConfig {
  open?: boolean;
  staffState?: string;
  breakReason?: string;
}

/**
 * Service points: the manager sets them up, the teller opens and closes theirs. Every change is told to the live
 * feed, so the counters' screens and the lobby display follow at once.
 */
export class CounterApp {
  constructor(
    private readonly d: Pick<QueueDeps, 'tx' | 'counters' | 'audit' | 'rules' | 'now'>,
    private readonly board: QueueBoard,
  ) {}

  list(): CounterList {
    return { counters: this.d.counters.all() };
  }

  private get(id: string): CounterView {
    const c = this.d.counters.get(id);
    if (!c) throw counterNotFound();
    return c;
  }

  private queuesMustExist(queues: string[] | undefined): void {
    if (!queues) return;
    const known = new Set(this.d.rules().queue.queues.map((x) => x.key));
    const unknown = queues.filter((x) => !known.has(x));
    if (unknown.length) {
      throw new ApiError(
        400,
        'unknown_queue',
        `未配置的队列：${unknown.join('、')}`,
        `Queue(s) not configured: ${unknown.join(', ')}`,
      );
    }
  }

  create(
    input: { number: number; name: string; channel: string; queues: string[]; corporateOnly: boolean },
    staffId: string,
  ): CounterView {
    this.queuesMustExist(input.queues);
    if (this.d.counters.byNumber(input.number)) {
      throw new ApiError(
        409,
        'counter_number_taken',
        `${input.number}号窗口已存在`,
        `Counter ${input.number} exists`,
      );
    }
    const now = this.d.now();
    const id = this.d.tx(() => {
      const created = this.d.counters.insert(
        { ...input, branchId: this.d.counters.branchId(), open: false, staffState: 'closed' },
        now,
      );
      this.d.audit.append({
        at: now,
        staffId,
        action: 'counter.create',
        targetType: 'counter',
        targetId: created,
        detail: { ...input },
      });
      return created;
    });
    this.board.countersChanged(now);
    return this.get(id);
  }

  /**
   * Opens or closes a counter and sets its staff state (any serving staff), or changes its set-up (the branch
   * manager or an admin only; audited with what it was before).
   */
  update(id: string, patch: CounterPatch, caller: CounterCaller): CounterView {
    const before = this.get(id);
    const setsState = patch.open !== undefined || patch.staffState !== undefined;
    // Opening and closing are the counter's own teller's (or someone who may act for any counter, audited).
    const actedFor = setsState
      ? mustActFor(this.d.audit, caller, [id], { act: 'counter.state' })
      : () => undefined;
    const config: CounterConfig = {
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.channel === undefined ? {} : { channel: patch.channel }),
      ...(patch.queues === undefined ? {} : { queues: patch.queues }),
      ...(patch.corporateOnly === undefined ? {} : { corporateOnly: patch.corporateOnly }),
    };
    const configures = Object.keys(config).length > 0;
    if (configures && !MANAGERS.includes(caller.role)) {
      throw new ApiError(
        403,
        'forbidden',
        '只有网点负责人或管理员可以修改窗口设置',
        'Only the branch manager or an admin may change how a counter is set up',
      );
    }
    this.queuesMustExist(config.queues);
    const now = this.d.now();
    if (configures) {
      this.d.tx(() => {
        this.d.counters.configure(id, config, now);
        this.d.audit.append({
          at: now,
          staffId: caller.id,
          action: 'counter.update',
          targetType: 'counter',
          targetId: id,
          detail: {
            before: { name: before.name, channel: before.channel, queues: before.queues },
            ...config,
          },
        });
      });
    }
    if (setsState) {
      this.d.counters.setState(
        id,
        {
          ...(patch.open === undefined ? {} : { open: patch.open }),
          ...(patch.staffState === undefined ? {} : { staffState: patch.staffState }),
          ...(patch.breakReason === undefined ? {} : { breakReason: patch.breakReason }),
        },
        now,
        caller.id,
      );
      actedFor(now);
    }
    this.board.countersChanged(now);
    return this.get(id);
  }
}

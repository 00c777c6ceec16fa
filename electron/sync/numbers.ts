import {
  blockNumbersLeft,
  nextBlockNumber,
  nextBlockStart,
  nextHubNumber,
  type NumberBlock,
} from '@shared/sync/blocks';
import type { BlockGrant } from '@shared/sync/api';
import type { SyncConfig } from '@shared/sync/config';
import type { NumberBlockRepo } from '../db/repos/number-blocks';
import { ApiError } from '@shared/api/errors';

/**
 * Ticket numbers per role. The hub numbers 1, 2, 3 … and steps over blocks it reserved for terminals; a terminal
 * numbers only from its own blocks, so nothing it prints offline can collide (shared/sync/blocks.ts).
 */
export class TicketNumbers {
  constructor(
    private readonly blocks: NumberBlockRepo,
    private readonly role: 'hub' | 'terminal' | 'headoffice',
    private readonly deviceId: string,
    private readonly cfg: () => SyncConfig,
  ) {}

  /**
   * The hub's last number per day and queue, and the prefix it was printed with: finding it in the DB scans the
   * day's tickets, too slow for every ticket. Only this process issues hub numbers (terminals number inside their
   * blocks), so memory stays right.
   */
  private readonly lastHub = new Map<string, { prefix: string; n: number }>();

  next(branchDay: string, queue: string, prefix: string): number {
    if (this.role !== 'terminal') {
      // Keyed by day and queue, as the tickets are (a number is unique in its day and queue). A prefix changed in
      // the settings during the day goes on from the queue's last number, and past any number already printed
      // with that prefix today (by a queue that had it before): S001, then Z002, then (rolled back) S003.
      const key = `${branchDay}|${queue}`;
      const hit = this.lastHub.get(key);
      const last =
        hit && hit.prefix === prefix
          ? hit.n
          : Math.max(hit?.n ?? 0, this.blocks.maxOutsideBlocks(branchDay, queue, prefix));
      const n = nextHubNumber(last, this.blocks.blocks(branchDay, queue));
      this.lastHub.set(key, { prefix, n });
      return n;
    }
    const n = nextBlockNumber(this.mine(branchDay, queue, prefix));
    if (n === null) {
      throw new ApiError(
        409,
        'no_ticket_numbers',
        '本机预留的号段已用完，请连接网点服务器后再取号',
        'This terminal has no reserved ticket numbers left; reconnect to the branch server to get more',
      );
    }
    return n;
  }

  /** This terminal's blocks of a day and queue with the highest number used in each. */
  mine(branchDay: string, queue: string, prefix: string): (NumberBlock & { used: number | null })[] {
    return this.blocks.blocks(branchDay, queue, this.deviceId).map((b) => ({
      start: b.start,
      end: b.end,
      used: this.blocks.maxInRange(branchDay, queue, prefix, b.start, b.end),
    }));
  }

  left(branchDay: string, queue: string, prefix: string): number {
    return blockNumbersLeft(this.mine(branchDay, queue, prefix));
  }

  /** Hub: a new block for a terminal in each queue; answers all of its blocks of that day (a lost reply is harmless). */
  reserve(
    deviceId: string,
    branchDay: string,
    queues: { key: string; prefix: string }[],
    at: number,
  ): BlockGrant[] {
    for (const q of queues) {
      const existing = this.blocks.blocks(branchDay, q.key);
      const b = nextBlockStart(
        existing,
        this.blocks.maxOutsideBlocks(branchDay, q.key, q.prefix),
        this.cfg(),
      );
      this.blocks.insert({
        branch_day: branchDay,
        queue: q.key,
        start: b.start,
        end: b.end,
        device_id: deviceId,
        reserved_at: at,
      });
    }
    return this.granted(deviceId, branchDay);
  }

  granted(deviceId: string, fromDay: string): BlockGrant[] {
    return this.blocks
      .forDevice(deviceId, fromDay)
      .map((b) => ({ branchDay: b.branch_day, queue: b.queue, start: b.start, end: b.end }));
  }

  /** Terminal: keeps blocks the hub granted. */
  store(grants: readonly BlockGrant[], at: number): void {
    for (const g of grants) {
      this.blocks.insert({
        branch_day: g.branchDay,
        queue: g.queue,
        start: g.start,
        end: g.end,
        device_id: this.deviceId,
        reserved_at: at,
      });
    }
  }
}

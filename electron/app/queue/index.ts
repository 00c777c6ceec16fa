import { QueueBoard, publicTicket } from './board';
import { CounterApp } from './counters';
import type { QueueDeps } from './deps';
import { FloorApp } from './floor';
import { IdentifyApp } from './identify';
import { QueueApp } from './tickets';
import { VipApp } from './vip';

export { CounterApp, FloorApp, IdentifyApp, QueueApp, QueueBoard, VipApp, publicTicket };
export type { Actor, QueueDeps, QueueOutbox, SuggestionCount } from './deps';
export type { CounterCaller } from './ownership';

/** The queue domain's application modules over one board (the branch day held in memory). */
export interface QueueModules {
  queue: QueueApp;
  counters: CounterApp;
  vip: VipApp;
  /** The lobby floor: today's open tickets and the lobby's acts on them. */
  floor: FloorApp;
  /** The counter identifies an anonymous walk-in during the visit. */
  identify: IdentifyApp;
}

export function queueModules(d: QueueDeps): QueueModules {
  const queue = new QueueApp(d);
  return {
    queue,
    counters: new CounterApp(d, queue.board),
    vip: new VipApp(d),
    floor: new FloorApp(d, queue),
    identify: new IdentifyApp(d, queue),
  };
}

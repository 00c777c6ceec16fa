export { defaultQueueConfig, queueConfigSchema, queueDef, queueDefSchema } from './config';
export type { QueueConfig, QueueDef } from './config';
export {
  EVENT_LABELS,
  issuePayloadSchema,
  payloadSchemas,
  STATUS_LABELS,
  TICKET_EVENT_TYPES,
  TICKET_STATUSES,
  ticketEventSchema,
} from './events';
export type { IssuePayload, TicketEvent, TicketEventType, TicketStatus } from './events';
export {
  ACTIVE_STATUSES,
  applyEvent,
  FINAL_STATUSES,
  rebuild,
  rebuildDetailed,
  ticketAtCounter,
  TRANSITIONS,
} from './machine';
export type { ApplyResult, RebuildResult, TicketError, TicketState } from './machine';
export { branchDay, DEFAULT_TIME_ZONE, formatTicketNo, parseTicketNo } from './numbering';
export { effectivePriority, nextHistory, NORMAL_PRIORITY, orderWaiting, pickNext } from './order';
export type { PickHistory } from './order';
export {
  ACTS_FOR_ANY_COUNTER,
  bringsToCounter,
  checkActsForCounter,
  checkCounterFree,
  countersTouched,
  END_OF_DAY_REASON,
  endOfDayCancels,
  endOfDayFate,
  VIP_QUEUE,
  vipRoomLoad,
  vipRoomQueues,
} from './rules';
export { estimateWaitMinutes, typicalServiceMs } from './wait';
export type { WaitInput } from './wait';

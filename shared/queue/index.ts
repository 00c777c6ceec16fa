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
export {
  aheadOf,
  callsBefore,
  canBePassed,
  laterArrivalPasses,
  NORMAL_PRIORITY,
  orderWaiting,
  pickNext,
  placeInLine,
  transferClass,
} from './order';
export {
  ACTS_FOR_ANY_COUNTER,
  bringsToCounter,
  checkActsForCounter,
  checkCounterFree,
  checkIdentify,
  countersTouched,
  END_OF_DAY_REASON,
  endOfDayCancels,
  endOfDayFate,
  VIP_QUEUE,
  vipRoomLoad,
  vipRoomQueues,
} from './rules';
export {
  callsNow,
  estimateWaitMinutes,
  meanPriorMs,
  servingCapacity,
  typicalServiceMs,
  visitPriorMs,
} from './wait';
export type { ServingPoint, WaitInput } from './wait';
export { callStands, standingCall, withdrawCalls } from './calls';
export type { CallEntry } from './calls';

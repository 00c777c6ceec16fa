import { defineRoute, returns } from '../contract';
import {
  staffingApplyInput,
  staffingPatternInput,
  type StaffingDay,
  type StaffingPatternReply,
  type StaffingPlanReply,
} from '../staffing';

const MANAGERS = ['manager', 'admin'] as const;

/** The what-if staffing simulator (/staffing) and the counter plans it applies. */
export const staffingApi = {
  days: defineRoute({
    method: 'GET',
    path: '/api/staffing/days',
    roles: MANAGERS,
    summary: 'Branch days with recorded tickets, newest first (the day patterns to pick from)',
    reply: returns<StaffingDay[]>(),
  }),
  pattern: defineRoute({
    method: 'POST',
    path: '/api/staffing/pattern',
    roles: MANAGERS,
    body: staffingPatternInput,
    summary:
      'A day pattern (one recorded day or the average of N weekdays) with the rules the simulation replays',
    reply: returns<StaffingPatternReply>(),
  }),
  tomorrow: defineRoute({
    method: 'GET',
    path: '/api/staffing/plan/tomorrow',
    roles: MANAGERS,
    summary: "Tomorrow's counter plan, if one was applied",
    reply: returns<StaffingPlanReply>(),
  }),
  apply: defineRoute({
    method: 'POST',
    path: '/api/staffing/plan',
    roles: MANAGERS,
    body: staffingApplyInput,
    summary:
      'Apply a roster as the counter plan of a day (default tomorrow): a new, audited settings version',
    reply: returns<StaffingPlanReply>(),
  }),
};

/** Row types of the floor's measures and bookings: ticket facts, counter states, appointments, API keys, notifications; see schema.ts. */

/** One row per ticket with its measures (shared/metrics/definitions), kept in the ticket event's transaction. */
export interface TicketFactTable {
  day: string;
  ticket_id: string;
  queue: string;
  tier: string | null;
  outcome: string;
  arrived_at: number;
  wait_ms: number | null;
  walk_ms: number | null;
  service_ms: number | null;
  counter_id: string | null;
  staff_id: string | null;
}

/** Every open/close/staff-state change of a counter, with the break reason. */
export interface CounterStateTable {
  id: string;
  counter_id: string;
  at: number;
  open: number;
  staff_state: string;
  reason: string | null;
  staff_id: string | null;
}

export interface AppointmentTable {
  id: string;
  code: string;
  customer_id: string | null;
  service: string;
  intent: string;
  channel: string;
  slot_at: number;
  slot_day: string;
  amount_fen: number | null;
  status: string;
  external_id: string | null;
  api_key_id: string | null;
  ticket_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: number;
  checked_in_at: number | null;
  called_at: number | null;
  cancelled_at: number | null;
  cancel_reason: string | null;
  updated_at: number;
}

export interface ApiKeyTable {
  id: string;
  key_hash: string;
  name: string;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface NotificationTable {
  id: string;
  appointment_id: string;
  customer_id: string | null;
  kind: string;
  due_at: number;
  status: string;
  attempts: number;
  recipient_masked: string | null;
  body_zh: string;
  body_en: string;
  sent_at: number | null;
  error: string | null;
  created_at: number;
}

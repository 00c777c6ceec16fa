import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { AppointmentConfig } from '../../shared/appointments/config';
import type { AppointmentInfo, AppointmentView, SlotList } from '../../shared/api/appointments';
import { apiAs } from './floor-helpers';

/**
 * Step 12's helpers. The spec never depends on the hour it runs at (CI may run at 00:30 in Asia/Shanghai): it writes
 * appointment settings of its own — open every hour of every weekday, no holidays, wide check-in windows — and books
 * the slot under way now, which is always still bookable (a slot can be booked until it ends).
 */

export const shot12 = (page: Page, name: string) =>
  page.screenshot({ path: `test/output/screens/step12/${name}.png`, animations: 'disabled' });

/** The appointment settings the spec runs under; `late` is the minutes past the booked time still on time. */
export function anyHour(base: AppointmentConfig, late: number): AppointmentConfig {
  return {
    ...base,
    hours: { open: '00:00', close: '24:00' },
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    holidays: [],
    slotMinutes: 30,
    perCustomerDailyCap: 20,
    services: base.services.map((s) => ({
      ...s,
      capacityPerSlot: 100,
      dailyCap: 1000,
      channels: ['desk', 'phone', 'app'],
    })),
    windows: { earlyMinutes: 240, lateMinutes: late },
    // A checked-in booking that is due goes before any walk-in another spec may have left waiting.
    mixing: { walkInsPerAppointment: 0, walkInMaxWaitMinutes: 600, appointmentMaxLateMinutes: 0 },
  };
}

interface Settings {
  config: { appointments: AppointmentConfig } & Record<string, unknown>;
}

/** Writes the appointments section (as the manager) and answers what it was before. */
export async function writeAppointments(
  baseURL: string,
  make: (current: AppointmentConfig) => AppointmentConfig,
  note: string,
): Promise<AppointmentConfig> {
  const manager = await apiAs(baseURL, 'manager1');
  const { config } = (await (await manager.get('/api/settings')).json()) as Settings;
  const res = await manager.put('/api/settings', {
    data: { config: { ...config, appointments: make(config.appointments) }, note },
  });
  expect(res.status(), await res.text()).toBe(200);
  await manager.dispose();
  return config.appointments;
}

/** The slot under way now for `service` (bookable until it ends), as the desk's slot grid lists it. */
export async function currentSlot(
  api: APIRequestContext,
  service: string,
): Promise<{ slotAt: number; time: string }> {
  const info = (await (await api.get('/api/appointments/info')).json()) as AppointmentInfo;
  const list = (await (
    await api.get(`/api/appointments/slots?day=${info.today}&service=${service}`)
  ).json()) as SlotList;
  const slot = list.slots.find((s) => s.open);
  expect(slot, 'a bookable slot today').toBeTruthy();
  return { slotAt: slot!.slotAt, time: slot!.time };
}

/** A booking for the customer with this number in the slot under way (through the desk's API). */
export async function bookNow(
  baseURL: string,
  customerNo: string,
  service: string,
  extra: { amountFen?: number } = {},
): Promise<AppointmentView> {
  const lobby = await apiAs(baseURL, 'lobby1');
  const found = (await (await lobby.get(`/api/customers/lookup?q=${customerNo}`)).json()) as {
    customers: { id: string }[];
  };
  const { slotAt } = await currentSlot(lobby, service);
  const res = await lobby.post('/api/appointments/book', {
    data: { customerId: found.customers[0]?.id, service, slotAt, channel: 'phone', ...extra },
  });
  expect(res.status(), await res.text()).toBe(201);
  const a = (await res.json()) as AppointmentView;
  await lobby.dispose();
  return a;
}

/** Opens and staffs `teller`'s counter (another spec may have closed it) and clears what is in front of it. */
export async function readyCounter(baseURL: string, teller: string): Promise<string> {
  const api = await apiAs(baseURL, teller);
  const me = (await (await api.get('/api/session')).json()) as { me?: { counterId: string | null } };
  const counterId = me.me?.counterId as string;
  expect(counterId, `${teller}'s counter`).toBeTruthy();
  const patched = await api.patch(`/api/counters/${counterId}`, {
    data: { open: true, staffState: 'serving' },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  await api.dispose();
  return counterId;
}

/** Calls this ticket to the counter (as its teller), whatever else waits. */
export async function callTicket(
  baseURL: string,
  teller: string,
  counterId: string,
  ticketId: string,
): Promise<void> {
  const api = await apiAs(baseURL, teller);
  const board = (await (await api.get('/api/queues')).json()) as {
    counters: { id: string; current: { id: string; status: string } | null }[];
  };
  const here = board.counters.find((c) => c.id === counterId)?.current;
  if (here) {
    const type = here.status === 'serving' ? 'finish' : 'no_show';
    await api.post(`/api/tickets/${here.id}/events`, { data: { type, counterId } });
  }
  const called = await api.post(`/api/tickets/${ticketId}/events`, { data: { type: 'call', counterId } });
  expect(called.status(), await called.text()).toBeLessThan(300);
  await api.dispose();
}

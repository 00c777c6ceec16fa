import { useQuery } from '@tanstack/react-query';
import type { Input } from '@shared/api/contract';
import { routes } from '@shared/api/routes';
import { call } from './client';

export type {
  AppointmentInfo,
  AppointmentView,
  CashPlan,
  CheckInOutcome,
  DayView,
  SlotList,
} from '@shared/api/appointments';

const a = routes.appointments;

export function useAppointmentInfo() {
  return useQuery({ queryKey: ['appointments', 'info'], queryFn: () => call(a.info), staleTime: 60_000 });
}

export function useSlots(day: string | null, service: string | null) {
  return useQuery({
    queryKey: ['appointments', 'slots', day, service],
    queryFn: () => call(a.slots, { query: { day: day ?? '', service: service ?? '' } }),
    enabled: !!day && !!service,
  });
}

export function useCustomerAppointments(customerId: string | null) {
  return useQuery({
    queryKey: ['appointments', 'customer', customerId],
    queryFn: async () => (await call(a.forCustomer, { params: { id: customerId ?? '' } })).appointments,
    enabled: !!customerId,
  });
}

export function useDayView(day: string | undefined) {
  return useQuery({
    queryKey: ['appointments', 'day', day],
    queryFn: () => call(a.day, { query: day ? { day } : {} }),
    refetchInterval: 30_000,
  });
}

export function useCashPlan(day: string | undefined) {
  return useQuery({
    queryKey: ['appointments', 'cash', day],
    queryFn: () => call(a.cashPlan, { query: day ? { day } : {} }),
  });
}

export const bookAppointment = (body: Input<typeof a.book>['body']) => call(a.book, { body });
export const appointmentByCode = (code: string) => call(a.byCode, { params: { code } });
export const checkInAppointment = (id: string, acceptWalkIn: boolean) =>
  call(a.checkIn, { params: { id }, body: { acceptWalkIn } });
export const cancelAppointment = (id: string, reason?: string) =>
  call(a.cancel, { params: { id }, body: reason ? { reason } : {} });

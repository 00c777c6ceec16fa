import { z } from 'zod';

/**
 * Appointments (预约) as data: which services can be booked through which channel, slot length and capacity,
 * branch hours and holidays, the check-in windows and the rule that mixes appointment tickets with walk-ins.
 */

export const BOOKING_CHANNELS = ['desk', 'phone', 'app'] as const;
export type BookingChannel = (typeof BOOKING_CHANNELS)[number];

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式须为 HH:MM / times are HH:MM (24 h)');

export const bookableServiceSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, '服务代码须为小写字母、数字或下划线 / lower_snake_case key'),
  zh: z.string().trim().min(1).max(40),
  en: z.string().trim().min(1).max(60),
  /** The triage intent the ticket carries: triage picks the counter as for a walk-in with that intent. */
  intent: z.string().min(1).max(40),
  /** Bookings per slot. */
  capacityPerSlot: z.number().int().min(1).max(100),
  /** Bookings per day for this service. */
  dailyCap: z.number().int().min(1).max(1000),
  channels: z.array(z.enum(BOOKING_CHANNELS)).min(1),
  /** 大额取现: the booking carries its amount and lands on the cash-planning list the day before. */
  largeCash: z.boolean(),
});
export type BookableService = z.infer<typeof bookableServiceSchema>;

export const appointmentConfigSchema = z
  .object({
    /** The queue holding checked-in appointment tickets (its prefix, e.g. Y, marks them on the ticket and display). */
    laneQueue: z.string().min(1).max(40),
    slotMinutes: z.number().int().min(5).max(240),
    /** How many days ahead a slot can be booked (0: today only). */
    bookAheadDays: z.number().int().min(0).max(90),
    hours: z.object({ open: hhmm, close: hhmm }),
    /** Open weekdays, 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).max(7),
    /** Closed days (YYYY-MM-DD in the branch's zone), e.g. public holidays. */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(400),
    /** Active bookings one customer may hold on one day. */
    perCustomerDailyCap: z.number().int().min(1).max(20),
    services: z.array(bookableServiceSchema).max(40),
    windows: z.object({
      /** Check-in opens this many minutes before the booked time. */
      earlyMinutes: z.number().int().min(0).max(240),
      /** Past the booked time by more than this, the customer is offered a walk-in ticket instead. */
      lateMinutes: z.number().int().min(0).max(240),
    }),
    mixing: z.object({
      /** When both wait: walk-ins called per appointment (0: a due appointment always goes first). */
      walkInsPerAppointment: z.number().int().min(0).max(10),
      /** A walk-in waiting this long goes before any appointment (the walk-ins' aging limit). */
      walkInMaxWaitMinutes: z.number().int().min(1).max(600),
      /** An appointment this late past its booked time goes before the ratio's walk-ins. */
      appointmentMaxLateMinutes: z.number().int().min(0).max(240),
    }),
    reminders: z.object({
      /** Branch-zone hour on the day before when the reminder is due. */
      dayBeforeHour: z.number().int().min(0).max(23),
      /** "N ahead of you" is sent once when this many tickets are ahead (0: never). */
      aheadNotice: z.number().int().min(0).max(20),
    }),
  })
  .superRefine((cfg, ctx) => {
    const keys = new Set<string>();
    cfg.services.forEach((s, i) => {
      if (keys.has(s.key))
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'key'],
          message: `服务重复 / duplicate service ${s.key}`,
        });
      keys.add(s.key);
    });
    if (cfg.hours.open >= cfg.hours.close)
      ctx.addIssue({
        code: 'custom',
        path: ['hours'],
        message: '营业开始须早于结束 / opening must come before closing',
      });
  });
export type AppointmentConfig = z.infer<typeof appointmentConfigSchema>;

export const defaultAppointmentConfig: AppointmentConfig = {
  laneQueue: 'appointment',
  slotMinutes: 30,
  bookAheadDays: 14,
  hours: { open: '09:00', close: '17:00' },
  weekdays: [1, 2, 3, 4, 5, 6],
  holidays: ['2026-01-01', '2026-10-01', '2026-10-02', '2026-10-03', '2027-01-01'],
  perCustomerDailyCap: 2,
  services: [
    {
      key: 'wealth',
      zh: '理财咨询',
      en: 'Wealth consultation',
      intent: 'wealth',
      capacityPerSlot: 2,
      dailyCap: 16,
      channels: ['desk', 'phone', 'app'],
      largeCash: false,
    },
    {
      key: 'large_cash',
      zh: '大额取现',
      en: 'Large cash withdrawal',
      intent: 'cash',
      capacityPerSlot: 2,
      dailyCap: 10,
      channels: ['desk', 'phone', 'app'],
      largeCash: true,
    },
    {
      key: 'account_open',
      zh: '开户',
      en: 'Open an account',
      intent: 'account_open',
      capacityPerSlot: 2,
      dailyCap: 16,
      channels: ['desk', 'phone', 'app'],
      largeCash: false,
    },
    {
      key: 'loan',
      zh: '贷款咨询',
      en: 'Loan consultation',
      intent: 'loan',
      capacityPerSlot: 1,
      dailyCap: 8,
      channels: ['desk', 'phone'],
      largeCash: false,
    },
  ],
  windows: { earlyMinutes: 30, lateMinutes: 15 },
  mixing: { walkInsPerAppointment: 1, walkInMaxWaitMinutes: 30, appointmentMaxLateMinutes: 10 },
  reminders: { dayBeforeHour: 18, aheadNotice: 3 },
};

export function bookableService(cfg: AppointmentConfig, key: string): BookableService | undefined {
  return cfg.services.find((s) => s.key === key);
}

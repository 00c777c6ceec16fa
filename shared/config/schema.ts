import { z } from 'zod';
import { customerConfigSchema, defaultCustomerConfig } from '../customer/config';
import { defaultSuggestConfig, suggestConfigSchema } from '../suggest/config';
import { defaultLearnConfig, learnConfigSchema } from '../suggest/learn-config';
import { consentConfigSchema, defaultConsentConfig } from '../customer/consent-config';
import { defaultProspectConfig, prospectConfigSchema } from '../prospect/config';
import { channelQueueIssues, triageConfigSchema } from '../triage/config';
import { defaultTriageConfig } from '../triage/defaults';
import { defaultQueueConfig, queueConfigSchema } from '../queue/config';
import { defaultVisitConfig, visitConfigSchema } from '../visit/config';
import { defaultSecurityConfig, securityConfigSchema } from '../security/config';
import { appointmentConfigSchema, defaultAppointmentConfig } from '../appointments/config';
import { defaultFeedbackConfig, feedbackConfigSchema } from '../feedback/config';
import { defaultStaffingConfig, staffingConfigSchema } from '../staffing/config';
import { defaultOutreachConfig, outreachConfigSchema } from '../outreach/config';
import { dashboardConfigSchema, defaultDashboardConfig } from '../metrics/config';

/**
 * The whole rules configuration of a branch, stored as versioned JSON in `settings`.
 * Each domain owns its part (customer/, triage/, queue/, suggest/) and this file only composes them.
 */
/** A zone the runtime knows: every branch-day, age and display computation passes it to Intl. */
function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const branchConfigSchema = z.object({
  name: z.string().min(1).max(60),
  code: z.string().min(1).max(20),
  /** IANA zone: for displaying times, the daily reset of ticket numbers, ages and recurring campaign months. */
  timezone: z
    .string()
    .min(1)
    .refine(isTimeZone, '不是有效的时区（如 Asia/Shanghai） / not a valid IANA time zone'),
  /** Customers the VIP room (贵宾室) can hold at once, in service and waiting. */
  vipRoomCapacity: z.number().int().min(0).max(50),
  /**
   * An import whose write would pause the branch server longer than this (seconds, estimated) waits for the manager
   * to start it, so a big file is not written in the middle of a busy morning by surprise; 0 asks for every file.
   * Versions saved before it existed get the default.
   */
  importConfirmSeconds: z.number().int().min(0).max(3600).default(3),
  /**
   * The head-office link (shared/sync/headoffice-link.ts): the manager is alerted when the link fails and a change has
   * waited longer than this many hours; without a link, warned once this many changes wait in the journal (it keeps
   * them all until a head office takes them, so the database only grows). Older versions get the defaults.
   */
  headOfficeLagHours: z.number().int().min(1).max(720).default(24),
  journalWarnRows: z.number().int().min(1_000).max(100_000_000).default(200_000),
  /**
   * The hub's daily copy of its database (shared/backup/schedule.ts); older versions get the defaults. Noon, not the
   * night: a branch PC is often switched off after closing, and a copy does not hold the branch up.
   */
  backupEnabled: z.boolean().default(true),
  backupHour: z.number().int().min(0).max(23).default(12),
  backupKeep: z.number().int().min(1).max(90).default(7),
  /** Disk space left free after a copy (shared/backup/space.ts): the database may need to grow on the same disk. */
  backupMinFreeMb: z.number().int().min(0).max(1_000_000).default(1024),
});

export const rulesConfigSchema = z
  .object({
    branch: branchConfigSchema,
    customer: customerConfigSchema,
    suggest: suggestConfigSchema,
    triage: triageConfigSchema,
    queue: queueConfigSchema,
    visit: visitConfigSchema,
    // Versions saved before Step 5 have no security section: they get the defaults.
    security: securityConfigSchema.default(defaultSecurityConfig),
    appointments: appointmentConfigSchema.default(defaultAppointmentConfig),
    feedback: feedbackConfigSchema.default(defaultFeedbackConfig),
    // Step 11: targets, simulation settings and the applied counter plans; older versions get the defaults.
    staffing: staffingConfigSchema.default(defaultStaffingConfig),
    outreach: outreachConfigSchema.default(defaultOutreachConfig),
    dashboard: dashboardConfigSchema.default(defaultDashboardConfig),
    // Step 15: cool-downs and learned conversion; older versions get the defaults.
    suggestLearning: learnConfigSchema.default(defaultLearnConfig),
    consent: consentConfigSchema.default(defaultConsentConfig),
    prospects: prospectConfigSchema.default(defaultProspectConfig),
  })
  .superRefine((cfg, ctx) => {
    for (const issue of channelQueueIssues(cfg.triage, cfg.queue.queues)) {
      ctx.addIssue({ code: 'custom', path: ['triage', 'channels'], message: `${issue.zh} / ${issue.en}` });
    }
  });
export type RulesConfig = z.infer<typeof rulesConfigSchema>;

export const defaultRulesConfig: RulesConfig = {
  branch: {
    name: '示范支行',
    code: 'DEMO01',
    timezone: 'Asia/Shanghai',
    vipRoomCapacity: 4,
    importConfirmSeconds: 3,
    headOfficeLagHours: 24,
    journalWarnRows: 200_000,
    backupEnabled: true,
    backupHour: 12,
    backupKeep: 7,
    backupMinFreeMb: 1024,
  },
  customer: defaultCustomerConfig,
  suggest: defaultSuggestConfig,
  triage: defaultTriageConfig,
  queue: defaultQueueConfig,
  visit: defaultVisitConfig,
  security: defaultSecurityConfig,
  appointments: defaultAppointmentConfig,
  feedback: defaultFeedbackConfig,
  staffing: defaultStaffingConfig,
  outreach: defaultOutreachConfig,
  dashboard: defaultDashboardConfig,
  suggestLearning: defaultLearnConfig,
  consent: defaultConsentConfig,
  prospects: defaultProspectConfig,
};

import type { Channel } from './channel';
import { CHANNELS } from './channel';
import type { IntentConfig, TriageConfig } from './config';

/** The triage rules a new branch starts with (data; edited as settings, see config.ts for their schema). */

const ALL: readonly Channel[] = CHANNELS;
const intent = (
  key: string,
  zh: string,
  en: string,
  channels: readonly Channel[],
  selfServiceable: boolean,
  minutes: number,
  corporateOnly = false,
): IntentConfig => ({ key, zh, en, channels: [...channels], selfServiceable, corporateOnly, minutes });

/** Priority classes: the queue calls a higher level first (with aging, see queue/order.ts). */
export const PRIORITY = { normal: 0, care: 1, vip: 2 } as const;

export const defaultTriageConfig: TriageConfig = {
  channels: [
    { key: 'vip', zh: '贵宾室', en: 'VIP room', queue: 'vip' },
    { key: 'counter', zh: '柜台', en: 'counter', queue: 'individual' },
    { key: 'corporate', zh: '对公窗口', en: 'corporate counter', queue: 'corporate' },
    { key: 'self', zh: '自助区', en: 'self-service area', queue: 'self' },
  ],
  intents: [
    intent('account_open', '开户', 'Open an account', ['counter', 'corporate'], false, 20),
    intent('cash', '存取款', 'Cash deposit / withdrawal', ALL, true, 5),
    intent('transfer', '转账汇款', 'Transfer / remittance', ALL, true, 5),
    intent('card', '办卡/挂失', 'Card issue / loss report', ['vip', 'counter', 'self'], false, 10),
    intent('password_reset', '密码重置', 'Password reset', ['vip', 'counter', 'self'], false, 8),
    intent('statement', '查询打印', 'Balance enquiry / statement', ALL, true, 3),
    intent('bill_payment', '缴费', 'Bill payment', ALL, true, 4),
    intent('wealth', '理财咨询', 'Wealth consultation', ['vip', 'counter'], false, 20),
    intent('loan', '贷款', 'Loan', ['vip', 'counter', 'corporate'], false, 30),
    intent('fx', '外汇', 'Foreign exchange', ['vip', 'counter', 'corporate'], false, 15),
    intent('corporate_settlement', '对公结算', 'Corporate settlement', ['corporate'], false, 15, true),
    intent('complaint', '投诉', 'Complaint', ['vip', 'counter', 'corporate'], false, 20),
  ],
  priorities: [
    { level: PRIORITY.normal, key: 'normal', zh: '普通', en: 'Normal' },
    { level: PRIORITY.care, key: 'care', zh: '优先(关爱)', en: 'Priority (care)' },
    { level: PRIORITY.vip, key: 'vip', zh: '贵宾优先', en: 'VIP priority' },
  ],
  rules: [
    {
      id: 'high-risk',
      enabled: true,
      conditions: { flags: ['highRisk'] },
      effect: { forbid: ['self', 'vip'], review: true },
      reason: {
        zh: '高风险客户须在柜台严格审核，不引导至自助区或贵宾室',
        en: 'High-risk customer: stricter review at a counter, never self-service or the VIP room',
      },
    },
    {
      id: 'corporate-strategic',
      enabled: true,
      conditions: { kinds: ['corporate'], corporateGrades: ['strategic'] },
      effect: { prefer: 'corporate', priority: PRIORITY.vip },
      reason: {
        zh: '战略客户一对一服务，对公窗口优先办理',
        en: 'Strategic corporate client: one-to-one service, priority at the corporate counter',
      },
    },
    {
      id: 'corporate-customer',
      enabled: true,
      conditions: { kinds: ['corporate'] },
      effect: { prefer: 'corporate' },
      reason: { zh: '对公客户请至对公窗口办理', en: 'Corporate customer: served at the corporate counter' },
    },
    {
      id: 'corporate-intent',
      enabled: true,
      conditions: { anyCorporateOnly: true },
      effect: { prefer: 'corporate' },
      reason: { zh: '对公业务须在对公窗口办理', en: 'Corporate business is done at the corporate counter' },
    },
    {
      id: 'personal-not-corporate',
      enabled: true,
      conditions: { notKinds: ['corporate'], anyCorporateOnly: false },
      effect: { forbid: ['corporate'] },
      reason: {
        zh: '个人业务不在对公窗口办理',
        en: 'Personal business is not done at the corporate counter',
      },
    },
    {
      id: 'vip-tier',
      enabled: true,
      conditions: { kinds: ['individual'], tiers: ['high', 'private'] },
      effect: { prefer: 'vip', priority: PRIORITY.vip },
      reason: {
        zh: '高端/私行客户优先安排贵宾室面对面服务',
        en: 'High-end / private-banking customer: face-to-face service in the VIP room first',
      },
    },
    {
      id: 'vip-room-eligibility',
      enabled: true,
      conditions: { notTiers: ['high', 'private'] },
      effect: { forbid: ['vip'] },
      reason: {
        zh: '贵宾室仅接待高端及私行客户',
        en: 'The VIP room serves high-end and private-banking customers only',
      },
    },
    {
      id: 'elderly',
      enabled: true,
      conditions: { flags: ['elderly'] },
      effect: { priority: PRIORITY.care, care: true, forbid: ['self'] },
      reason: {
        zh: '老年客户优先办理，大堂专人陪同，不单独引导至自助区',
        en: 'Elderly customer: priority, a lobby staff member accompanies, never sent to self-service alone',
      },
    },
    {
      id: 'disability',
      enabled: true,
      conditions: { flags: ['disability'] },
      effect: { priority: PRIORITY.care, care: true },
      reason: {
        zh: '残障客户优先办理，大堂人员协助',
        en: 'Customer with a disability: priority, with lobby assistance',
      },
    },
    {
      id: 'pregnant-child',
      enabled: true,
      conditions: { flags: ['pregnant', 'withChild'] },
      effect: { priority: PRIORITY.care },
      reason: { zh: '孕妇或携幼儿客户优先办理', en: 'Pregnant or with a small child: priority service' },
    },
    {
      id: 'needs-help',
      enabled: true,
      conditions: { flags: ['needsHelp'] },
      effect: { care: true },
      reason: {
        zh: '客户需要协助，大堂人员引导',
        en: 'Customer needs help: a lobby staff member guides them',
      },
    },
    {
      id: 'complaint',
      enabled: true,
      conditions: { intents: ['complaint'] },
      effect: { prefer: 'counter', care: true },
      reason: {
        zh: '投诉由大堂经理接待，柜台登记处理',
        en: 'Complaint: the lobby manager receives it, registered at a counter',
      },
    },
    {
      id: 'potential-self',
      enabled: true,
      conditions: {
        tiers: ['potential'],
        allSelfServiceable: true,
        notFlags: ['elderly', 'needsHelp', 'disability', 'highRisk'],
      },
      effect: { prefer: 'self', care: true },
      reason: {
        zh: '潜力客户的简单业务引导至自助区，大堂人员协助并推广手机银行',
        en: 'Potential-tier customer with simple business: self-service with lobby help (promote mobile banking)',
      },
    },
    {
      id: 'walk-in-self',
      enabled: true,
      conditions: {
        customer: 'anonymous',
        allSelfServiceable: true,
        notFlags: ['elderly', 'needsHelp', 'disability', 'highRisk'],
      },
      effect: { prefer: 'self', care: true },
      reason: {
        zh: '未识别客户的简单业务引导至自助区，大堂人员协助',
        en: 'Unidentified walk-in with simple business: self-service with lobby help',
      },
    },
  ],
  fallbackOrder: ['counter', 'corporate', 'vip', 'self'],
  elderlySegments: ['elderly'],
  staffedChannels: ['vip', 'counter', 'corporate'],
};

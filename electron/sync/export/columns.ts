/**
 * What each export file holds, column by column, with personal data masked: ID and phone numbers
 * as masked in the database, individuals' names as surname + 〇〇 (陈**), free text scrubbed of
 * anything that looks like an ID, card or phone number. Corporate names are kept (not personal data).
 */
import type { RulesConfig } from '@shared/config/schema';
import { scrubPii } from '@shared/customer/mask';
import type {
  ComplaintExportRow,
  ExportDataset,
  ExportRow,
  FollowUpExportRow,
  OutcomeExportRow,
  VisitExportRow,
} from '../../db/repos/exports';
import { RATING_COLUMNS } from './feedback-columns';

export type ExportValue = string | number | null;

export interface ExportColumn {
  key: string;
  zh: string;
  en: string;
  width: number;
  value: (row: ExportRow, f: Formatters) => ExportValue;
}

export interface Formatters {
  time: (ms: number | null) => string | null;
  tier: (key: string | null) => string | null;
  label: (kind: 'category' | 'reason' | 'queue' | 'dimension', key: string | null) => string | null;
}

/** 陈建华 → 陈**; a corporate customer's name is not personal data and stays. */
export function maskName(name: string | null, kind: string | null): string | null {
  if (!name) return null;
  if (kind === 'corporate') return name;
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

const text = (s: string | null): string | null => (s ? scrubPii(s) : null);
const minutes = (a: number | null, b: number | null): number | null =>
  a !== null && b !== null && b >= a ? Math.round((b - a) / 6_000) / 10 : null;

const CHANNEL: Record<string, string> = {
  vip: '贵宾室',
  counter: '柜台',
  corporate: '对公柜台',
  self: '自助区',
};
const TICKET_STATUS: Record<string, string> = {
  waiting: '等候中',
  called: '已叫号',
  serving: '办理中',
  held: '已暂挂',
  done: '已办结',
  no_show: '过号',
  transferred: '已转移',
  cancelled: '已取消',
};
const OUTCOME: Record<string, string> = {
  accepted: '已接受',
  interested: '有意向',
  declined: '已拒绝',
  not_suitable: '不适合',
};
const FOLLOW_STATUS: Record<string, string> = { open: '待回访', done: '已完成', cancelled: '已取消' };
const COMPLAINT_STATUS: Record<string, string> = {
  open: '待处理',
  in_progress: '处理中',
  resolved: '已解决',
};
const zhOf = (m: Record<string, string>, k: string | null) => (k === null ? null : (m[k] ?? k));

/** Every export row carries its customer (null for a walk-in). */
const customerColumns = (): ExportColumn[] => [
  { key: 'customer_no', zh: '客户号', en: 'Customer no.', width: 14, value: (r) => r.customer_no },
  {
    key: 'customer_name',
    zh: '客户姓名（脱敏）',
    en: 'Name (masked)',
    width: 16,
    value: (r) => maskName(r.customer_name, r.customer_kind),
  },
];

export const EXPORT_COLUMNS: Record<ExportDataset, ExportColumn[]> = {
  visits: [
    {
      key: 'branch_day',
      zh: '营业日',
      en: 'Business day',
      width: 12,
      value: (r) => (r as VisitExportRow).branch_day,
    },
    { key: 'display_no', zh: '号码', en: 'Ticket', width: 8, value: (r) => (r as VisitExportRow).display_no },
    {
      key: 'queue',
      zh: '队列',
      en: 'Queue',
      width: 10,
      value: (r, f) => f.label('queue', (r as VisitExportRow).queue),
    },
    {
      key: 'channel',
      zh: '去向',
      en: 'Channel',
      width: 10,
      value: (r) => zhOf(CHANNEL, (r as VisitExportRow).channel),
    },
    ...customerColumns(),
    {
      key: 'id_masked',
      zh: '证件号（脱敏）',
      en: 'ID (masked)',
      width: 20,
      value: (r) => (r as VisitExportRow).id_masked,
    },
    {
      key: 'phone_masked',
      zh: '手机（脱敏）',
      en: 'Mobile (masked)',
      width: 14,
      value: (r) => (r as VisitExportRow).phone_masked,
    },
    {
      key: 'tier',
      zh: '客户层级',
      en: 'Tier',
      width: 10,
      value: (r, f) => f.tier((r as VisitExportRow).tier),
    },
    {
      key: 'services',
      zh: '业务',
      en: 'Services',
      width: 24,
      value: (r) => (JSON.parse((r as VisitExportRow).services) as string[]).join('、'),
    },
    {
      key: 'status',
      zh: '状态',
      en: 'Status',
      width: 8,
      value: (r) => zhOf(TICKET_STATUS, (r as VisitExportRow).status),
    },
    {
      key: 'counter',
      zh: '窗口',
      en: 'Counter',
      width: 14,
      value: (r) => (r as VisitExportRow).counter_name,
    },
    {
      key: 'arrived_at',
      zh: '取号时间',
      en: 'Arrived',
      width: 17,
      value: (r, f) => f.time((r as VisitExportRow).arrived_at),
    },
    {
      key: 'called_at',
      zh: '叫号时间',
      en: 'Called',
      width: 17,
      value: (r, f) => f.time((r as VisitExportRow).called_at),
    },
    {
      key: 'finished_at',
      zh: '办结时间',
      en: 'Finished',
      width: 17,
      value: (r, f) => f.time((r as VisitExportRow).finished_at),
    },
    {
      key: 'wait_min',
      zh: '等候分钟',
      en: 'Wait (min)',
      width: 10,
      value: (r) => minutes((r as VisitExportRow).arrived_at, (r as VisitExportRow).called_at),
    },
    {
      key: 'service_min',
      zh: '办理分钟',
      en: 'Service (min)',
      width: 10,
      value: (r) => minutes((r as VisitExportRow).started_at, (r as VisitExportRow).finished_at),
    },
  ],
  outcomes: [
    { key: 'at', zh: '时间', en: 'At', width: 17, value: (r, f) => f.time((r as OutcomeExportRow).at) },
    ...customerColumns(),
    {
      key: 'product_code',
      zh: '产品代码',
      en: 'Product code',
      width: 16,
      value: (r) => (r as OutcomeExportRow).product_code,
    },
    {
      key: 'product_name',
      zh: '产品名称',
      en: 'Product',
      width: 24,
      value: (r) => (r as OutcomeExportRow).product_name,
    },
    {
      key: 'outcome',
      zh: '结果',
      en: 'Outcome',
      width: 8,
      value: (r) => zhOf(OUTCOME, (r as OutcomeExportRow).outcome),
    },
    {
      key: 'reason',
      zh: '原因',
      en: 'Reason',
      width: 14,
      value: (r, f) => f.label('reason', (r as OutcomeExportRow).reason),
    },
    { key: 'note', zh: '备注', en: 'Note', width: 30, value: (r) => text((r as OutcomeExportRow).note) },
    { key: 'staff', zh: '员工', en: 'Staff', width: 16, value: (r) => (r as OutcomeExportRow).staff_name },
    { key: 'ticket', zh: '号码', en: 'Ticket', width: 8, value: (r) => (r as OutcomeExportRow).display_no },
  ],
  followups: [
    {
      key: 'created_at',
      zh: '创建时间',
      en: 'Created',
      width: 17,
      value: (r, f) => f.time((r as FollowUpExportRow).created_at),
    },
    ...customerColumns(),
    {
      key: 'product_name',
      zh: '产品',
      en: 'Product',
      width: 24,
      value: (r) => (r as FollowUpExportRow).product_name ?? (r as FollowUpExportRow).product_code,
    },
    { key: 'kind', zh: '类型', en: 'Kind', width: 12, value: (r) => (r as FollowUpExportRow).kind },
    {
      key: 'assignee',
      zh: '负责人',
      en: 'Assignee',
      width: 16,
      value: (r) => (r as FollowUpExportRow).assignee_name,
    },
    {
      key: 'due_at',
      zh: '到期时间',
      en: 'Due',
      width: 17,
      value: (r, f) => f.time((r as FollowUpExportRow).due_at),
    },
    {
      key: 'status',
      zh: '状态',
      en: 'Status',
      width: 8,
      value: (r) => zhOf(FOLLOW_STATUS, (r as FollowUpExportRow).status),
    },
    { key: 'note', zh: '备注', en: 'Note', width: 30, value: (r) => text((r as FollowUpExportRow).note) },
    {
      key: 'done_at',
      zh: '完成时间',
      en: 'Done',
      width: 17,
      value: (r, f) => f.time((r as FollowUpExportRow).done_at),
    },
  ],
  complaints: [
    {
      key: 'created_at',
      zh: '登记时间',
      en: 'Recorded',
      width: 17,
      value: (r, f) => f.time((r as ComplaintExportRow).created_at),
    },
    ...customerColumns(),
    {
      key: 'category',
      zh: '类别',
      en: 'Category',
      width: 16,
      value: (r, f) => f.label('category', (r as ComplaintExportRow).category),
    },
    {
      key: 'description',
      zh: '投诉内容',
      en: 'Description',
      width: 40,
      value: (r) => text((r as ComplaintExportRow).description),
    },
    {
      key: 'status',
      zh: '状态',
      en: 'Status',
      width: 8,
      value: (r) => zhOf(COMPLAINT_STATUS, (r as ComplaintExportRow).status),
    },
    {
      key: 'deadline_at',
      zh: '处理期限',
      en: 'Deadline',
      width: 17,
      value: (r, f) => f.time((r as ComplaintExportRow).deadline_at),
    },
    {
      key: 'resolution',
      zh: '处理结果',
      en: 'Resolution',
      width: 40,
      value: (r) => text((r as ComplaintExportRow).resolution),
    },
    {
      key: 'resolved_at',
      zh: '解决时间',
      en: 'Resolved',
      width: 17,
      value: (r, f) => f.time((r as ComplaintExportRow).resolved_at),
    },
    {
      key: 'created_by',
      zh: '登记人',
      en: 'Recorded by',
      width: 16,
      value: (r) => (r as ComplaintExportRow).created_by_name,
    },
    {
      key: 'resolved_by',
      zh: '处理人',
      en: 'Resolved by',
      width: 16,
      value: (r) => (r as ComplaintExportRow).resolved_by_name,
    },
  ],
  ratings: [...customerColumns(), ...RATING_COLUMNS],
};

export const DATASET_LABELS: Record<ExportDataset, { zh: string; en: string }> = {
  visits: { zh: '到访记录', en: 'Visits' },
  outcomes: { zh: '营销推荐结果', en: 'Suggestion outcomes' },
  followups: { zh: '回访任务', en: 'Follow-ups' },
  complaints: { zh: '客户投诉', en: 'Complaints' },
  ratings: { zh: '服务评价', en: 'Service ratings' },
};

export function formatters(rules: RulesConfig): Formatters {
  const dt = new Intl.DateTimeFormat('en-CA', {
    timeZone: rules.branch.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const tiers = new Map(rules.customer.tiers.map((t) => [t.key as string, t.zh]));
  const labels = {
    category: new Map(rules.visit.complaintCategories.map((c) => [c.key, c.zh])),
    reason: new Map(rules.visit.declineReasons.map((c) => [c.key, c.zh])),
    queue: new Map(rules.queue.queues.map((q) => [q.key, q.zh])),
    dimension: new Map(rules.feedback.dimensions.map((d) => [d.key, d.zh])),
  };
  return {
    // A stored time outside what Date can hold (older data, a bad row) is written as its number: throwing here
    // would cut the file after its headers had gone out.
    time: (ms) =>
      ms === null ? null : Number.isNaN(new Date(ms).getTime()) ? String(ms) : dt.format(ms).replace(',', ''),
    tier: (k) => (k === null ? null : (tiers.get(k) ?? k)),
    label: (kind, k) => (k === null ? null : (labels[kind].get(k) ?? k)),
  };
}

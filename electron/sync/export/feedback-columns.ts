/**
 * The satisfaction ratings export (评价器): one row per rated (or timed-out) visit, the customer masked like every
 * other export (customer number and surname only), no free text.
 */
import { ANSWER_LABELS, type FeedbackAnswer } from '@shared/feedback/config';
import type { RatingExportRow } from '../../db/repos/exports';

/** The shape of columns.ts's ExportColumn, declared here so the two files do not import each other. */
interface RatingColumn {
  key: string;
  zh: string;
  en: string;
  width: number;
  value: (
    row: unknown,
    f: {
      time: (ms: number | null) => string | null;
      label: (kind: 'dimension', key: string | null) => string | null;
    },
  ) => string | number | null;
}

const CHANNEL: Record<string, string> = { pad: '评价器', survey: '扫码问卷', timeout: '超时未评价' };
const MARK: Record<string, string> = { good: '好', poor: '待改进' };

const row = (r: unknown) => r as RatingExportRow;

function parsed<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

export const RATING_COLUMNS: RatingColumn[] = [
  { key: 'at', zh: '评价时间', en: 'Rated', width: 17, value: (r, f) => f.time(row(r).at) },
  {
    key: 'finished_at',
    zh: '办结时间',
    en: 'Finished',
    width: 17,
    value: (r, f) => f.time(row(r).finished_at),
  },
  { key: 'display_no', zh: '票号', en: 'Ticket', width: 8, value: (r) => row(r).display_no },
  { key: 'counter', zh: '窗口', en: 'Counter', width: 14, value: (r) => row(r).counter_name },
  { key: 'staff', zh: '柜员', en: 'Staff', width: 16, value: (r) => row(r).staff_name },
  {
    key: 'services',
    zh: '业务',
    en: 'Services',
    width: 20,
    value: (r) => parsed<string[]>(row(r).services, []).join('、'),
  },
  {
    key: 'answer',
    zh: '评价',
    en: 'Answer',
    width: 10,
    value: (r) => ANSWER_LABELS[row(r).answer as FeedbackAnswer]?.zh ?? row(r).answer,
  },
  {
    key: 'dimensions',
    zh: '分项',
    en: 'Dimensions',
    width: 24,
    value: (r, f) =>
      Object.entries(parsed<Record<string, string>>(row(r).dimensions, {}))
        .map(([k, v]) => `${f.label('dimension', k) ?? k}:${MARK[v] ?? v}`)
        .join('；') || null,
  },
  {
    key: 'channel',
    zh: '来源',
    en: 'Channel',
    width: 10,
    value: (r) => CHANNEL[row(r).channel] ?? row(r).channel,
  },
  { key: 'escalation', zh: '升级规则', en: 'Escalation', width: 14, value: (r) => row(r).escalation },
];

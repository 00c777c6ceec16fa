import type { HistoryReport, ReportTable } from '@shared/api/dashboard';
import type { Figures } from '@shared/metrics/definitions';
import type { Bilingual } from '@shared/triage/channel';

/** A report chart as a table (the export and the screen's "as table" view show the same cells). */
export interface ReportSheet {
  title: Bilingual;
  columns: Bilingual[];
  rows: (string | number | null)[][];
}

const c = (zh: string, en: string): Bilingual => ({ zh, en });
const min = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);
const pct = (p: number | null) => (p === null ? null : Math.round(p * 10) / 10);
const DOW = ['一', '二', '三', '四', '五', '六', '日'];
const DOW_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const FIGURE_COLUMNS = [
  c('取号', 'Arrived'),
  c('办结', 'Served'),
  c('服务水平%', 'SL%'),
  c('平均等候(分)', 'Avg wait (min)'),
  c('平均走到窗口(分)', 'Avg walk (min)'),
  c('平均办理(分)', 'Avg service (min)'),
  c('过号', 'No-shows'),
  c('过号率%', 'No-show %'),
  c('离开率%', 'Walked away %'),
];
const figureCells = (f: Figures) => [
  f.arrived,
  f.served,
  pct(f.slPct),
  min(f.avgWaitMs),
  min(f.avgWalkMs),
  min(f.avgServiceMs),
  f.noShows,
  pct(f.noShowPct),
  pct(f.walkedAwayPct),
];

const CONVERSION_COLUMNS = [
  c('展示', 'Shown'),
  c('接受', 'Accepted'),
  c('有意向', 'Interested'),
  c('拒绝', 'Declined'),
  c('不适合', 'Not suitable'),
  c('转化率%', 'Conversion %'),
];

export function reportSheet(
  r: HistoryReport,
  table: ReportTable,
  fmtTime: (ms: number) => string,
): ReportSheet {
  switch (table) {
    case 'heat':
      return {
        title: c('到店热力图（小时 × 星期）', 'Arrivals by hour × weekday'),
        columns: [c('星期', 'Weekday'), ...Array.from({ length: 24 }, (_, h) => c(`${h}时`, `${h}h`))],
        rows: r.heat.map((row, i) => [`周${DOW[i] ?? ''} ${DOW_EN[i] ?? ''}`, ...row]),
      };
    case 'days':
      return {
        title: c('每日服务水平与等候', 'SL% and waits by day'),
        columns: [c('日期', 'Day'), ...FIGURE_COLUMNS],
        rows: r.days.map((d) => [d.day, ...figureCells(d.figures)]),
      };
    case 'staff':
      return {
        title: c('员工业绩', 'Per staff'),
        columns: [
          c('员工', 'Staff'),
          ...FIGURE_COLUMNS,
          c('推荐展示', 'Shown'),
          c('接受', 'Accepted'),
          c('转化率%', 'Conversion %'),
        ],
        rows: r.staff.map((s) => [
          s.name,
          ...figureCells(s.figures),
          s.shown,
          s.accepted,
          pct(s.conversionPct),
        ]),
      };
    case 'products':
    case 'campaigns':
    case 'tiers': {
      const list = r[table];
      const head =
        table === 'products'
          ? c('产品', 'Product')
          : table === 'campaigns'
            ? c('营销活动', 'Campaign')
            : c('客户层级', 'Tier');
      return {
        title:
          table === 'products'
            ? c('按产品的推荐结果与转化', 'Outcomes and conversion by product')
            : table === 'campaigns'
              ? c('按活动的推荐结果与转化', 'Outcomes and conversion by campaign')
              : c('按客户层级的转化', 'Conversion by tier'),
        columns: [c('代码', 'Code'), head, ...CONVERSION_COLUMNS],
        rows: list.map((x) => [
          x.key,
          `${x.name.zh} / ${x.name.en}`,
          x.shown,
          x.accepted,
          x.interested,
          x.declined,
          x.notSuitable,
          pct(x.conversionPct),
        ]),
      };
    }
    case 'migration': {
      const m = r.migration;
      return {
        title: c(
          `客户层级迁移 ${m ? fmtTime(m.a) : ''} → ${m ? fmtTime(m.b) : ''}`,
          `Tier migration ${m ? fmtTime(m.a) : ''} → ${m ? fmtTime(m.b) : ''}`,
        ),
        columns: [c('起始 \\ 结束', 'From \\ to'), ...(m?.names ?? [])],
        rows: m ? m.cells.map((row, i) => [`${m.names[i]?.zh ?? ''} / ${m.names[i]?.en ?? ''}`, ...row]) : [],
      };
    }
    case 'complaints':
      return {
        title: c('按周与类别的投诉', 'Complaints by week and category'),
        columns: [c('周', 'Week'), c('类别', 'Category'), c('件数', 'Count')],
        rows: r.complaints.map((x) => [x.week, `${x.name.zh} / ${x.name.en}`, x.n]),
      };
    case 'overdue':
      return {
        title: c('逾期未办结投诉', 'Overdue complaints'),
        columns: [
          c('编号', 'Id'),
          c('类别', 'Category'),
          c('状态', 'Status'),
          c('登记时间', 'Created'),
          c('期限', 'Deadline'),
        ],
        rows: r.overdue.map((x) => [x.id, x.category, x.status, fmtTime(x.createdAt), fmtTime(x.deadlineAt)]),
      };
  }
}

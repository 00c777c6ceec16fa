import { ApiError } from '@shared/api/errors';
import type { ConversionRow, HistoryReport, ReportQuery } from '@shared/api/dashboard';
import type { RulesConfig } from '@shared/config/schema';
import { zoneOffsetMs } from '@shared/import/values';
import {
  conversionPct,
  emptySums,
  figuresOf,
  heatGrid,
  isoWeek,
  mergeSums,
  migrationMatrix,
  slTargetMs,
} from '@shared/metrics';
import { branchDay } from '@shared/queue';
import type { Bilingual } from '@shared/triage/channel';
import { targetSql, type OutcomeCount, type ReportRepo } from '../../db/repos/reports';
import { dayStartOf } from './live';

const DAY = 86_400_000;

export interface ReportsDeps {
  repo: ReportRepo;
  rules: () => RulesConfig;
  now: () => number;
}

/** Accepted, interested, declined, not suitable per key; conversion = accepted ÷ shown (shared/metrics). */
export function conversions(
  rows: readonly OutcomeCount[],
  name: (key: string) => Bilingual,
): ConversionRow[] {
  const by = new Map<string, ConversionRow>();
  for (const r of rows) {
    const key = r.key ?? '';
    let c = by.get(key);
    if (!c) {
      c = {
        key,
        name: name(key),
        shown: 0,
        accepted: 0,
        interested: 0,
        declined: 0,
        notSuitable: 0,
        conversionPct: null,
      };
      by.set(key, c);
    }
    c.shown += r.n;
    if (r.outcome === 'accepted') c.accepted += r.n;
    else if (r.outcome === 'interested') c.interested += r.n;
    else if (r.outcome === 'declined') c.declined += r.n;
    else if (r.outcome === 'not_suitable') c.notSuitable += r.n;
  }
  return [...by.values()]
    .map((c) => ({ ...c, conversionPct: conversionPct(c.accepted, c.shown) }))
    .sort((a, b) => b.shown - a.shown || a.key.localeCompare(b.key));
}

/** The history for any date range (branch days, both inclusive): what the reports screen and its exports show. */
export class ReportsApp {
  constructor(private readonly d: ReportsDeps) {}

  /** The range asked for, as branch days and instants; the last 30 days by default. */
  range(q: Pick<ReportQuery, 'from' | 'to'>): { from: string; to: string; fromMs: number; toMs: number } {
    const tz = this.d.rules().branch.timezone;
    const to = q.to ?? branchDay(this.d.now(), tz);
    const from = q.from ?? branchDay(dayStartOf(to, tz) - 29 * DAY + DAY / 2, tz);
    if (from > to)
      throw new ApiError(
        400,
        'bad_range',
        '开始日期不能晚于结束日期',
        'The start date is after the end date',
      );
    return { from, to, fromMs: dayStartOf(from, tz), toMs: dayStartOf(to, tz) + DAY };
  }

  history(q: ReportQuery): HistoryReport {
    const rules = this.d.rules();
    const cfg = rules.dashboard;
    const { repo } = this.d;
    const { from, to, fromMs, toMs } = this.range(q);
    const targets = targetSql(
      rules.queue.queues.map((x) => ({ queue: x.key, ms: slTargetMs(cfg, x.key) })),
      cfg.defaultSlMinutes * 60_000,
    );
    const offset = zoneOffsetMs(fromMs, rules.branch.timezone);

    repo.refresh(from, to, targets, offset);
    const days = repo.byDay(from, to);
    const total = days.reduce((acc, d) => mergeSums(acc, d.sums), emptySums());
    const staffOutcomes = new Map<string, { shown: number; accepted: number }>();
    for (const r of repo.outcomes(from, to, 'staff')) {
      const s = staffOutcomes.get(r.key ?? '') ?? { shown: 0, accepted: 0 };
      s.shown += r.n;
      if (r.outcome === 'accepted') s.accepted += r.n;
      staffOutcomes.set(r.key ?? '', s);
    }
    const staff = repo.byStaff(from, to).map((s) => {
      const o = staffOutcomes.get(s.staffId) ?? { shown: 0, accepted: 0 };
      return {
        staffId: s.staffId,
        name: s.name,
        figures: figuresOf(s.sums),
        ...o,
        conversionPct: conversionPct(o.accepted, o.shown),
      };
    });

    const products = rules.suggest.products;
    const campaigns = rules.suggest.campaigns;
    const tiers = rules.customer.tiers;
    const none: Bilingual = { zh: '（无）', en: '(none)' };

    const snapshots = repo.snapshotDates();
    const a = q.snapA ?? [...snapshots].reverse().find((s) => s < fromMs) ?? snapshots[0];
    const b = q.snapB ?? [...snapshots].reverse().find((s) => s < toMs) ?? snapshots.at(-1);
    const migration =
      a !== undefined && b !== undefined
        ? {
            ...migrationMatrix(
              repo.migration(a, b),
              tiers.map((t) => t.key),
            ),
            a,
            b,
            names: tiers.map((t) => ({ zh: t.zh, en: t.en })),
          }
        : null;

    const categories = rules.visit.complaintCategories;
    const catName = (k: string): Bilingual => {
      const c = categories.find((x) => x.key === k);
      return c ? { zh: c.zh, en: c.en } : { zh: k, en: k };
    };
    const weekly = new Map<string, { week: string; category: string; name: Bilingual; n: number }>();
    for (const c of repo.complaints(fromMs, toMs)) {
      const week = isoWeek(branchDay(c.createdAt, rules.branch.timezone));
      const key = `${week}|${c.category}`;
      const w = weekly.get(key) ?? { week, category: c.category, name: catName(c.category), n: 0 };
      w.n += 1;
      weekly.set(key, w);
    }
    const overdue = repo.overdue(this.d.now(), fromMs, toMs);

    return {
      from,
      to,
      total: figuresOf(total),
      heat: heatGrid(repo.heat(from, to)),
      days: days.map((d) => ({ day: d.day, figures: figuresOf(d.sums) })),
      staff,
      products: conversions(repo.outcomes(from, to, 'product'), (k) => {
        const p = products.find((x) => x.code === k);
        return p ? p.name : { zh: k, en: k };
      }),
      campaigns: conversions(repo.outcomes(from, to, 'campaign'), (k) => {
        const c = campaigns.find((x) => x.id === k);
        return c ? c.name : k ? { zh: k, en: k } : none;
      }),
      tiers: conversions(repo.outcomes(from, to, 'tier'), (k) => {
        const t = tiers.find((x) => x.key === k);
        return t ? { zh: t.zh, en: t.en } : { zh: k, en: k };
      }),
      snapshots,
      migration,
      complaints: [...weekly.values()].sort((x, y) => x.week.localeCompare(y.week) || y.n - x.n),
      overdue: overdue.open,
      resolvedLate: overdue.resolvedLate,
    };
  }
}

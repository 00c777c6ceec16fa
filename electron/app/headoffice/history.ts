import { ApiError } from '@shared/api/errors';
import type { HistoryReport, StaffRow } from '@shared/api/dashboard';
import type { HoBranchHistoryRow, HoHistoryQuery, HoHistoryReport } from '@shared/api/headoffice-history';
import { defaultRulesConfig, type RulesConfig } from '@shared/config/schema';
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
  type MetricSums,
} from '@shared/metrics';
import { branchDay, DEFAULT_TIME_ZONE } from '@shared/queue';
import type { Bilingual } from '@shared/triage/channel';
import type { HoHistoryRepo, HoOutcomeCount } from '../../db/headoffice/history';
import { conversions } from '../dashboard/reports';
import { dayStartOf } from '../dashboard/live';

const DAY = 86_400_000;

export interface HoHistoryDeps {
  repo: HoHistoryRepo;
  now: () => number;
  /**
   * The rules the figures are read with: SL targets per queue, product, campaign, tier and complaint-category
   * names. The head office has no branch's local rules, so the bank's defaults (the same defaults a branch
   * starts from); the days are in the default zone (Asia/Shanghai, no daylight saving).
   */
  rules?: () => RulesConfig;
}

/** "name (branch)" once the branch has journalled its staff (0027), else the branch code and the id's tail. */
const staffName = (names: ReadonlyMap<string, string>, code: string, branchId: string, staffId: string) => {
  const name = names.get(`${branchId}:${staffId}`);
  return name ? `${name} (${code})` : `${code} · ${staffId.slice(-8)}`;
};

const add = (m: Map<string, MetricSums>, key: string, s: MetricSums) =>
  m.set(key, mergeSums(m.get(key) ?? emptySums(), s));

/**
 * The head office's history (GET /api/ho/history): the branch's HistoryReport for all branches or one, computed
 * with the branch's own pure functions (shared/metrics: figuresOf, heatGrid, isoWeek, conversion) over the facts
 * push keeps (migration 0003), plus one comparison line per branch. The tier migration matrix is the branch's
 * (shared/metrics migrationMatrix) over the balance snapshots the branches journal (0006), between the same
 * default snapshots as the branch's report picks; staff are named from the branches' journalled staff.
 */
export class HoHistoryApp {
  constructor(private readonly d: HoHistoryDeps) {}

  private rules(): RulesConfig {
    return this.d.rules?.() ?? defaultRulesConfig;
  }

  range(q: Pick<HoHistoryQuery, 'from' | 'to'>) {
    const tz = DEFAULT_TIME_ZONE;
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

  async history(q: HoHistoryQuery): Promise<HoHistoryReport> {
    const started = Date.now();
    const rules = this.rules();
    const { repo } = this.d;
    const tz = DEFAULT_TIME_ZONE;
    const { from, to, fromMs, toMs } = this.range(q);
    const known = await repo.branches();
    const picked = q.branch === undefined ? null : known.find((b) => b.code === q.branch);
    if (picked === undefined)
      throw new ApiError(
        404,
        'unknown_branch',
        `总行没有网点 ${q.branch ?? ''}`,
        `No branch ${q.branch ?? ''} here`,
      );
    const branchId = picked?.id ?? null;
    const codeOf = new Map(known.map((b) => [b.id, b.code]));
    const cfg = rules.dashboard;
    const targets = {
      targets: rules.queue.queues.map((x) => ({ queue: x.key, ms: slTargetMs(cfg, x.key) })),
      defaultMs: cfg.defaultSlMinutes * 60_000,
    };
    const offset = zoneOffsetMs(fromMs, tz);
    await repo.refresh(from, to, branchId, targets, offset);
    const [snapshots, names] = await Promise.all([
      repo.people.snapshotDates(branchId),
      repo.people.staffNames(branchId),
    ]);
    const tiers = rules.customer.tiers;
    const snapA = q.snapA ?? [...snapshots].reverse().find((s) => s < fromMs) ?? snapshots[0];
    const snapB = q.snapB ?? [...snapshots].reverse().find((s) => s < toMs) ?? snapshots.at(-1);
    const migrationRows =
      snapA !== undefined && snapB !== undefined ? await repo.people.migration(snapA, snapB, branchId) : null;
    const [days, staffSums, heat, product, campaign, staffOut, tier, complaints, overdue, resolvedLate] =
      await Promise.all([
        repo.byDay(from, to, branchId),
        repo.byStaff(from, to, branchId),
        repo.heat(from, to, branchId),
        repo.outcomes(fromMs, toMs, branchId, 'product'),
        repo.outcomes(fromMs, toMs, branchId, 'campaign'),
        repo.outcomes(fromMs, toMs, branchId, 'staff'),
        repo.outcomes(fromMs, toMs, branchId, 'tier'),
        repo.complaints(fromMs, toMs, branchId),
        repo.overdue(this.d.now(), branchId),
        repo.resolvedLate(fromMs, toMs, branchId),
      ]);

    const byDay = new Map<string, MetricSums>();
    const byBranch = new Map<string, MetricSums>();
    for (const r of days) {
      add(byDay, r.day, r.sums);
      add(byBranch, r.branchId, r.sums);
    }
    const total = [...byBranch.values()].reduce(mergeSums, emptySums());

    // Staff ids are the branch's own: qualified by the branch code, named "name (branch)" once the branch sent them.
    const staffKey = (branchId: string, staffId: string) => `${codeOf.get(branchId) ?? '?'}:${staffId}`;
    const staffConv = new Map<string, { shown: number; accepted: number }>();
    const branchConv = new Map<string, { shown: number; accepted: number }>();
    for (const r of staffOut) {
      for (const [m, k] of [
        [staffConv, staffKey(r.branchId, r.key)],
        [branchConv, r.branchId],
      ] as const) {
        const s = m.get(k) ?? { shown: 0, accepted: 0 };
        s.shown += r.n;
        if (r.outcome === 'accepted') s.accepted += r.n;
        m.set(k, s);
      }
    }
    const staff: StaffRow[] = staffSums
      .map((s) => {
        const key = staffKey(s.branchId, s.staffId);
        const o = staffConv.get(key) ?? { shown: 0, accepted: 0 };
        return {
          staffId: key,
          name: staffName(names, codeOf.get(s.branchId) ?? '?', s.branchId, s.staffId),
          figures: figuresOf(s.sums),
          ...o,
          conversionPct: conversionPct(o.accepted, o.shown),
        };
      })
      .sort((a, b) => b.figures.served - a.figures.served || a.staffId.localeCompare(b.staffId));

    const categories = rules.visit.complaintCategories;
    const catName = (k: string): Bilingual => {
      const c = categories.find((x) => x.key === k);
      return c ? { zh: c.zh, en: c.en } : { zh: k, en: k };
    };
    const weekly = new Map<string, { week: string; category: string; name: Bilingual; n: number }>();
    const complaintsPerBranch = new Map<string, number>();
    for (const c of complaints) {
      const week = isoWeek(branchDay(c.createdAt, tz));
      const key = `${week}|${c.category}`;
      const w = weekly.get(key) ?? { week, category: c.category, name: catName(c.category), n: 0 };
      w.n += 1;
      weekly.set(key, w);
      complaintsPerBranch.set(c.branchId, (complaintsPerBranch.get(c.branchId) ?? 0) + 1);
    }

    const flat = (rows: readonly HoOutcomeCount[]) =>
      rows.map((r) => ({ key: r.key, outcome: r.outcome, n: r.n }));
    const none: Bilingual = { zh: '（无）', en: '(none)' };
    const products = rules.suggest.products;
    const campaigns = rules.suggest.campaigns;
    const report: HistoryReport = {
      from,
      to,
      total: figuresOf(total),
      heat: heatGrid(heat),
      days: [...byDay.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([day, s]) => ({ day, figures: figuresOf(s) })),
      staff,
      products: conversions(
        flat(product),
        (k) => products.find((x) => x.code === k)?.name ?? { zh: k, en: k },
      ),
      campaigns: conversions(flat(campaign), (k) => {
        const c = campaigns.find((x) => x.id === k);
        return c ? c.name : k ? { zh: k, en: k } : none;
      }),
      tiers: conversions(flat(tier), (k) => {
        const t = tiers.find((x) => x.key === k);
        return t ? { zh: t.zh, en: t.en } : k ? { zh: k, en: k } : none;
      }),
      snapshots,
      migration:
        migrationRows && snapA !== undefined && snapB !== undefined
          ? {
              ...migrationMatrix(
                migrationRows,
                tiers.map((t) => t.key),
              ),
              a: snapA,
              b: snapB,
              names: tiers.map((t) => ({ zh: t.zh, en: t.en })),
            }
          : null,
      complaints: [...weekly.values()].sort((x, y) => x.week.localeCompare(y.week) || y.n - x.n),
      overdue: overdue.open.map((o) => ({
        id: o.id,
        category: o.category,
        status: o.status,
        createdAt: o.createdAt,
        deadlineAt: o.deadlineAt,
        resolvedAt: o.resolvedAt,
      })),
      resolvedLate,
    };

    const branches: HoBranchHistoryRow[] = known
      .filter((b) => branchId === null || b.id === branchId)
      .map((b) => {
        const o = branchConv.get(b.id) ?? { shown: 0, accepted: 0 };
        return {
          code: b.code,
          name: b.name,
          figures: figuresOf(byBranch.get(b.id) ?? emptySums()),
          ...o,
          conversionPct: conversionPct(o.accepted, o.shown),
          complaints: complaintsPerBranch.get(b.id) ?? 0,
          overdue: overdue.perBranch.get(b.id) ?? 0,
        };
      });
    return {
      branch: picked?.code ?? null,
      known: known.map((b) => ({ code: b.code, name: b.name })),
      overdueBranch: Object.fromEntries(overdue.open.map((o) => [o.id, codeOf.get(o.branchId) ?? '?'])),
      report,
      branches,
      timeZone: tz,
      tookMs: Date.now() - started,
    };
  }
}
